package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.loop.StalePolicyException;
import io.jenkins.plugins.selfheal.engine.episode.Episode;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a waiting step's episode gets settled when nobody's decision reaches it: the build record was
 * decided while the step was not reachable, the job's policy was reset, imported or restored (its
 * feedback can no longer be learned: settled without learning, and said so in one line), or the
 * timeout. Jenkins-free rules over the build's {@link DecisionRecord}.
 */
final class EpisodeSettling {
    static final String POLICY_REPLACED = "the job's policy was reset or replaced while this build waited; this episode is not learned";

    @FunctionalInterface
    interface Generation {
        /** The generation of the job's policy now. */
        String current() throws IOException;
    }

    @FunctionalInterface
    interface Save {
        void save() throws IOException;
    }

    private final DecisionRecord record;
    private final DecisionRecord.Learner learner;
    private final Generation generation;
    private final Save save;

    /**
     * @param learner    how the job's policy learns a verdict (throws {@link StalePolicyException} after a reset)
     * @param save       saves the build with its record
     */
    EpisodeSettling(DecisionRecord record, DecisionRecord.Learner learner, Generation generation, Save save) {
        this.record = record;
        this.learner = learner;
        this.generation = generation;
        this.save = save;
    }

    /** The decision the step missed, if any: the record decided, or the policy replaced since the heal. */
    Optional<StepPhases.Ending.Decided> meanwhile() throws IOException {
        if (!record.isAwaitingFeedback()) {
            return Optional.of(new StepPhases.Ending.Decided(record.episode()));
        }
        return generation.current().equals(record.episode().generation()) ? Optional.empty() : Optional.of(unlearned());
    }

    /** Nobody decided in time: learns from the outcome alone (or settles unlearned if the policy was replaced). */
    StepPhases.Ending.Decided onTimeout(String why, Consumer<String> log) throws IOException {
        Optional<StepPhases.Ending.Decided> missed = meanwhile();
        if (missed.isPresent()) {
            return missed.get();
        }
        log.accept(why + ": learning from the outcome only");
        try {
            DecisionRecord.Decided outcome = record.decide(Feedback.none(why), "timeout", learner);
            if (outcome.decidedNow()) {
                save.save();
            }
            return new StepPhases.Ending.Decided(outcome.episode());
        } catch (StalePolicyException e) {
            return unlearned(); // replaced between the look above and the learning
        }
    }

    private StepPhases.Ending.Decided unlearned() throws IOException {
        DecisionRecord.Decided outcome = record.decide(Feedback.none(POLICY_REPLACED), "Self-Heal", EpisodeSettling::withoutLearning);
        if (outcome.decidedNow()) {
            save.save();
        }
        return new StepPhases.Ending.Decided(outcome.episode()); // someone's verdict, if it came just before
    }

    /** Whether {@code episode} was settled without learning because its policy was replaced. */
    static boolean notLearned(Episode episode) {
        return episode.note().filter(POLICY_REPLACED::equals).isPresent();
    }

    /** A {@link DecisionRecord.Learner} that records the episode as settled without touching any policy. */
    static Episode withoutLearning(Episode draft, Feedback feedback, String decidedBy) {
        return draft.closed(feedback.verdict(), POLICY_REPLACED);
    }
}
