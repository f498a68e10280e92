package io.jenkins.plugins.selfheal.engine.autonomy;

import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a heal goes on without a person's verdict. {@code confident} acts alone only when every
 * action of the heal was the policy's greedy choice (an exploration is a question by nature) and the
 * lowest {@link Confidence} among them is at or above the threshold.
 */
public final class AutonomyGate {
    /** The default threshold: 16 accepts without a reject reach it (Wilson, 95%). */
    public static final double DEFAULT_THRESHOLD = 0.8;

    /** What people said so far about an action in a state. */
    @FunctionalInterface
    public interface Judgements {
        Judgement of(String state, ActionKind action);
    }

    /** A job's autonomy and its confidence threshold in (0, 1]. */
    public record Settings(Autonomy autonomy, double threshold) {
        public Settings {
            Objects.requireNonNull(autonomy, "autonomy");
            requireThreshold(threshold);
        }
    }

    /** The gate's answer, with the confidence it used (empty when no action was chosen) and why, in words. */
    public record Verdict(boolean actsAlone, Optional<Confidence> confidence, String why) {
        public Verdict {
            Objects.requireNonNull(confidence, "confidence");
            Objects.requireNonNull(why, "why");
        }
    }

    private AutonomyGate() {
    }

    /** @throws IllegalArgumentException naming the field unless 0 &lt; threshold ≤ 1 */
    public static double requireThreshold(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("confidenceThreshold: must be above 0 and at most 1, was " + threshold);
        }
        return threshold;
    }

    public static Verdict decide(Settings settings, HealResult heal, Judgements judgements) {
        if (heal.steps().isEmpty()) {
            return new Verdict(true, Optional.empty(), "no action was chosen: nothing to ask");
        }
        Confidence lowest = heal.steps().stream()
                .map(step -> Confidence.of(step.state(), step.action(), judgements.of(step.state(), step.action())))
                .min(Comparator.comparingDouble(Confidence::lowerBound)).orElseThrow();
        Optional<Confidence> shown = Optional.of(lowest);
        String confidence = "confidence " + lowest.describe();
        return switch (settings.autonomy()) {
            case ASK -> new Verdict(false, shown, "asks: autonomy is 'ask' (" + confidence + ")");
            case AUTO -> new Verdict(true, shown, "acts alone: autonomy is 'auto' (" + confidence + ")");
            case CONFIDENT -> explored(heal).map(step -> new Verdict(false, shown, "asks: " + step.action().id()
                            + " was " + (step.decision().choice() == Choice.EXPLORE ? "an exploration" : "not the policy's greedy choice")
                            + ", not what the policy is confident in (" + confidence + ")"))
                    .orElseGet(() -> lowest.lowerBound() >= settings.threshold()
                            ? new Verdict(true, shown, "acts alone: " + confidence + " ≥ threshold " + format(settings.threshold()))
                            : new Verdict(false, shown, "asks: " + confidence + " < threshold " + format(settings.threshold())));
        };
    }

    private static Optional<HealAttempt> explored(HealResult heal) {
        return heal.steps().stream().filter(step -> step.decision().choice() != Choice.EXPLOIT).findFirst();
    }

    /** A confidence, threshold or rate as the build log and the pages show it: two decimals. */
    public static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
