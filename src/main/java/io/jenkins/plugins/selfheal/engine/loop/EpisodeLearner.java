package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealStep;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearner;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.store.EpisodeAlreadyLearnedException;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
        return learn(EpisodeDrafts.draft(result, context.episodeId(), context.link(), clock.instant()), feedback,
                context.decidedBy());
    }

    /**
     * Learns from a draft kept while waiting for feedback ({@link EpisodeDrafts}). Idempotent by the
     * draft's id: an episode the log already holds is returned as logged and not learned again.
     */
    public LogEntry.EpisodeEntry learn(LogEntry.EpisodeEntry draft, Feedback feedback, String decidedBy) throws IOException {
        try {
            return learnOnce(draft, feedback, decidedBy);
        } catch (EpisodeAlreadyLearnedException e) {
            return e.logged();
        }
    }

    private LogEntry.EpisodeEntry learnOnce(LogEntry.EpisodeEntry draft, Feedback feedback, String decidedBy) throws IOException {
        HealResult result = EpisodeDrafts.result(draft);
        return store.update(policy -> {
            if (result.needsFeedback() && !policy.generation().equals(result.generation())) {
                throw new StalePolicyException(result.generation(), policy.generation());
            }
            policy.useSettings(parameters, rewards);
            Instant now = clock.instant();
            // a recommendation nobody judged teaches nothing: no action ran
            boolean nothingToLearn = result.outcome() == Outcome.RECOMMENDED && feedback instanceof Feedback.None;
            List<QUpdate> updates = nothingToLearn ? List.of()
                    : new QLearner(parameters, rewards).learn(policy.table(), result.steps(), feedback, now);
            if (!result.initial().healthy()) {
                policy.table().ensureState(result.initial().state(), parameters.initialValues()); // unknown states are added on first sight
            }
            for (HealStep step : result.steps()) {
                if (!step.healed()) {
                    policy.table().ensureState(step.stateAfter(), parameters.initialValues());
                }
            }
            LogEntry.EpisodeEntry entry = decided(draft, result, feedback, decidedBy, updates, now);
            policy.recordEpisode(entry);
            return entry;
        });
    }

    private static LogEntry.EpisodeEntry decided(LogEntry.EpisodeEntry draft, HealResult result, Feedback feedback,
                                                 String decidedBy, List<QUpdate> updates, Instant now) {
        ActionKind chosen = result.lastStep().map(HealStep::action).orElse(null);
        String chosenState = result.lastStep().map(HealStep::state).orElse(null);
        double reward = updates.stream().filter(u -> u.action() == chosen && u.state().equals(chosenState))
                .findFirst().map(QUpdate::reward).orElse(0.0);
        boolean none = feedback instanceof Feedback.None;
        return new LogEntry.EpisodeEntry(draft.id(), draft.at(), draft.generation(), draft.planner(),
                draft.failure(), draft.reason(), draft.state(), draft.steps(), draft.outcome(), feedback.verdict(),
                feedback instanceof Feedback.Overridden o ? o.better().id() : null,
                feedback instanceof Feedback.None n && !n.why().isEmpty() ? n.why() : null,
                none ? null : decidedBy, none ? null : now.toString(),
                reward, draft.timeToHealMs(), draft.link(),
                updates.stream().map(u -> new LogEntry.UpdateEntry(u.state(), u.action().id(), u.reward(), u.target(),
                        u.before(), u.after())).toList());
    }
}
