package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearner;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.store.EpisodeAlreadyLearnedException;
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
     * Learns from a heal decided on now (the CLI).
     *
     * @throws StalePolicyException when the policy's generation differs from the result's
     */
    public Episode learn(HealResult result, Feedback feedback, Context context) throws IOException {
        return learn(Episode.pending(result, context.episodeId(), context.link(), clock.instant()), feedback,
                context.decidedBy());
    }

    /**
     * Learns from an episode kept pending while waiting for feedback (a build page). Idempotent by the
     * episode's id: one the log already holds is returned as it was learned, not learned again.
     */
    public Episode learn(Episode pending, Feedback feedback, String decidedBy) throws IOException {
        try {
            return learnOnce(pending, feedback, decidedBy);
        } catch (EpisodeAlreadyLearnedException e) {
            return e.episode();
        }
    }

    private Episode learnOnce(Episode pending, Feedback feedback, String decidedBy) throws IOException {
        HealResult result = pending.heal();
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
            for (HealAttempt step : result.steps()) {
                if (!step.healed()) {
                    policy.table().ensureState(step.stateAfter(), parameters.initialValues());
                }
            }
            Episode decided = pending.decided(feedback, decidedBy, now, reward(result, updates), updates);
            policy.recordEpisode(decided);
            return decided;
        });
    }

    /** The reward of the action that ended the episode (0 when none ran or nothing was learned). */
    private static double reward(HealResult result, List<QUpdate> updates) {
        ActionKind chosen = result.lastStep().map(HealAttempt::action).orElse(null);
        String chosenState = result.lastStep().map(HealAttempt::state).orElse(null);
        return updates.stream().filter(u -> u.action() == chosen && u.state().equals(chosenState))
                .findFirst().map(QUpdate::reward).orElse(0.0);
    }
}
