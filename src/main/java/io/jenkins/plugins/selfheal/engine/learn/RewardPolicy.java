package io.jenkins.plugins.selfheal.engine.learn;

/**
 * The one place rewards are defined. The person's verdict is the main signal (the original
 * README's intent: retrying a crash is a good idea even if it failed):
 * <ul>
 *   <li>accepted and healed: {@code acceptedHealed} (+3)</li>
 *   <li>accepted, not healed: {@code acceptedNotHealed} (+1, a good idea that did not work)</li>
 *   <li>rejected: {@code rejected} (-1), whatever the outcome</li>
 *   <li>no feedback (timeout, none asked): {@code noFeedbackHealed} (+1) / {@code noFeedbackNotHealed} (-1)</li>
 *   <li>override "the right action was X": X gets {@code acceptedHealed} (the reviewer vouches that
 *       X heals), the chosen action gets {@code rejected}</li>
 * </ul>
 * Earlier actions of a several-step heal that failed get the no-feedback reward, since the
 * verdict is about the action that ended the episode.
 */
public record RewardPolicy(double acceptedHealed, double acceptedNotHealed, double rejected,
                           double noFeedbackHealed, double noFeedbackNotHealed) {
    public static final RewardPolicy DEFAULTS = new RewardPolicy(3, 1, -1, 1, -1);

    /** The original simulation's code: +3 only for an accepted heal, -1 for everything else. */
    public static final RewardPolicy SEED = new RewardPolicy(3, -1, -1, -1, -1);

    public RewardPolicy {
        requireReward("acceptedHealed", acceptedHealed);
        requireReward("acceptedNotHealed", acceptedNotHealed);
        requireReward("rejected", rejected);
        requireReward("noFeedbackHealed", noFeedbackHealed);
        requireReward("noFeedbackNotHealed", noFeedbackNotHealed);
    }

    /** A reward: any finite number; the message names {@code field}. */
    public static double requireReward(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
    }

    /** The reward of the action the feedback is about ({@code Overridden} counts as a rejection of it). */
    public double forChosenAction(Feedback feedback, boolean healed) {
        if (feedback instanceof Feedback.Accepted) {
            return healed ? acceptedHealed : acceptedNotHealed;
        }
        if (feedback instanceof Feedback.None) {
            return forOutcomeOnly(healed);
        }
        return rejected; // Rejected, or Overridden: the chosen action was the wrong one
    }

    public double forOutcomeOnly(boolean healed) {
        return healed ? noFeedbackHealed : noFeedbackNotHealed;
    }

    /** The reward credited to the action a reviewer named as the right one. */
    public double forOverrideAction() {
        return acceptedHealed;
    }
}
