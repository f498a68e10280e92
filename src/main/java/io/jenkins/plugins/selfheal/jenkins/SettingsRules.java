package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;

import java.util.List;

/**
 * The ranges of the global Self-Heal settings, Jenkins-free so that they can be unit-tested and
 * shared by the form validation ({@code doCheckXxx}), the form submission ({@code configure}) and the
 * setters used by Configuration as Code. Every message names the field.
 */
public final class SettingsRules {
    // the engine's defaults and ranges, named for the form and Configuration as Code
    public static final double DEFAULT_ALPHA = LearningParameters.DEFAULTS.alpha();
    public static final double DEFAULT_EPSILON = LearningParameters.DEFAULTS.epsilon();
    public static final double DEFAULT_GAMMA = LearningParameters.DEFAULTS.gamma();
    public static final double DEFAULT_REWARD_ACCEPTED_HEALED = RewardPolicy.DEFAULTS.acceptedHealed();
    public static final double DEFAULT_REWARD_ACCEPTED_NOT_HEALED = RewardPolicy.DEFAULTS.acceptedNotHealed();
    public static final double DEFAULT_REWARD_REJECTED = RewardPolicy.DEFAULTS.rejected();
    public static final double DEFAULT_REWARD_NO_FEEDBACK_HEALED = RewardPolicy.DEFAULTS.noFeedbackHealed();
    public static final double DEFAULT_REWARD_NO_FEEDBACK_NOT_HEALED = RewardPolicy.DEFAULTS.noFeedbackNotHealed();
    public static final int DEFAULT_FEEDBACK_TIMEOUT_MINUTES = 60;

    /** The numeric fields {@link #check(String, String)} knows, in form order. */
    public static final List<String> NUMERIC_FIELDS = List.of(
            "alpha", "epsilon", "gamma",
            "rewardAcceptedHealed", "rewardAcceptedNotHealed", "rewardRejected",
            "rewardNoFeedbackHealed", "rewardNoFeedbackNotHealed",
            "feedbackTimeoutMinutes");

    private SettingsRules() {
    }

    /** Learning rate: greater than 0 and at most 1 ({@link LearningParameters}' range). */
    public static double requireAlpha(double value) {
        return LearningParameters.requireAlpha(value);
    }

    /** Exploration rate: from 0 to 1. */
    public static double requireEpsilon(double value) {
        return LearningParameters.requireEpsilon(value);
    }

    /** Discount factor: from 0 to 1. */
    public static double requireGamma(double value) {
        return LearningParameters.requireGamma(value);
    }

    /** A reward: any finite number. */
    public static double requireReward(String field, double value) {
        return RewardPolicy.requireReward(field, value);
    }

    /** Minutes to wait for feedback: at least 1. */
    public static int requireFeedbackTimeout(int minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("feedbackTimeoutMinutes must be at least 1, got " + minutes);
        }
        return minutes;
    }

    /** Parses a decimal form value; the message names the field. */
    public static double parseDecimal(String field, String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(field + " must be a finite number, got '" + s + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, got '" + s + "'", e);
        }
    }

    /** Parses a whole-number form value; the message names the field. */
    public static int parseWhole(String field, String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, got '" + s + "'", e);
        }
    }

    /**
     * Validates one raw form value by field name (as posted by {@code config.jelly}).
     *
     * @throws IllegalArgumentException naming the field when the value is not acceptable
     */
    public static void check(String field, String raw) {
        switch (field) {
            case "alpha" -> requireAlpha(parseDecimal(field, raw));
            case "epsilon" -> requireEpsilon(parseDecimal(field, raw));
            case "gamma" -> requireGamma(parseDecimal(field, raw));
            case "rewardAcceptedHealed", "rewardAcceptedNotHealed", "rewardRejected",
                    "rewardNoFeedbackHealed", "rewardNoFeedbackNotHealed" -> requireReward(field, parseDecimal(field, raw));
            case "feedbackTimeoutMinutes" -> requireFeedbackTimeout(parseWhole(field, raw));
            default -> throw new IllegalArgumentException("unknown setting " + field);
        }
    }
}
