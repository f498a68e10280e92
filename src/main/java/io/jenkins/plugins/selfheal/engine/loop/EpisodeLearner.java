package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealStep;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearner;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Learns from a finished heal and its feedback in one locked store update: checks the policy was
 * not reset since the decision, applies the Q-updates to the freshest table (so concurrent builds
 * lose nothing), and appends the episode to the log.
 */
public final class EpisodeLearner {
    private final PolicyStore store;
    private final LearningParameters parameters;
    private final RewardPolicy rewards;
    private final Clock clock;

    public EpisodeLearner(PolicyStore store, LearningParameters parameters, RewardPolicy rewards, Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.rewards = rewards;
        this.clock = clock;
    }

    /** Who decides and where the episode happened. */
    public record Context(String episodeId, String decidedBy, String link) {
        public Context {
            Objects.requireNonNull(episodeId, "episodeId");
        }
    }

    /**
     * @throws StalePolicyException when the policy's generation differs from the result's
     */
    public LogEntry.EpisodeEntry learn(HealResult result, Feedback feedback, Context context) throws IOException {
        return store.update(policy -> {
            if (result.needsFeedback() && !policy.generation().equals(result.generation())) {
                throw new StalePolicyException(result.generation(), policy.generation());
            }
            policy.useSettings(parameters, rewards);
            Instant now = clock.instant();
            List<QUpdate> updates = new QLearner(parameters, rewards).learn(policy.table(), result.steps(), feedback, now);
            if (!result.initial().healthy()) {
                policy.table().ensureState(result.initial().state()); // unknown states are added on first sight
            }
            for (HealStep step : result.steps()) {
                if (!step.healed()) {
                    policy.table().ensureState(step.stateAfter());
                }
            }
            LogEntry.EpisodeEntry entry = entry(result, feedback, context, updates, now);
            policy.recordEpisode(entry);
            return entry;
        });
    }

    private LogEntry.EpisodeEntry entry(HealResult result, Feedback feedback, Context context, List<QUpdate> updates,
                                        Instant now) {
        ActionKind chosen = result.lastStep().map(HealStep::action).orElse(null);
        double reward = updates.stream().filter(u -> u.action() == chosen && result.lastStep().get().state().equals(u.state()))
                .findFirst().map(QUpdate::reward).orElse(0.0);
        return new LogEntry.EpisodeEntry(context.episodeId(), now.toString(), result.generation(), result.planner(),
                result.initial().failure(), result.initial().reason(), result.initial().state(),
                result.steps().stream().map(EpisodeLearner::step).toList(), result.outcome().id(), feedback.verdict(),
                feedback instanceof Feedback.Overridden o ? o.better().id() : null,
                feedback instanceof Feedback.None n && !n.why().isEmpty() ? n.why() : null,
                feedback instanceof Feedback.None ? null : context.decidedBy(),
                feedback instanceof Feedback.None ? null : now.toString(),
                reward, result.timeToHeal().map(d -> d.toMillis()).orElse(null), context.link(),
                updates.stream().map(u -> new LogEntry.UpdateEntry(u.state(), u.action().id(), u.reward(), u.target(),
                        u.before(), u.after())).toList());
    }

    private static LogEntry.StepEntry step(HealStep step) {
        Map<String, Double> q = new LinkedHashMap<>();
        step.decision().qValues().forEach((a, v) -> q.put(a.id(), v));
        return new LogEntry.StepEntry(step.state(), step.action().id(), step.decision().choice().label(),
                step.decision().epsilon(), q, step.decision().allowed().stream().sorted().map(ActionKind::id).toList(),
                step.outcome().success(), step.outcome().duration().toMillis(), step.outcome().detail(),
                step.stateAfter(), step.healed());
    }
}
