package io.jenkins.plugins.selfheal.jenkins;

import java.util.List;

/**
 * The ranges of the global Self-Heal settings, Jenkins-free so that they can be unit-tested and
 * shared by the form validation ({@code doCheckXxx}), the form submission ({@code configure}) and the
 * setters used by Configuration as Code. Every message names the field.
 */
public final class SettingsRules {
    public static final double DEFAULT_ALPHA = 0.1;
    public static final double DEFAULT_EPSILON = 0.1;
    public static final double DEFAULT_GAMMA = 0.9;
    public static final double DEFAULT_REWARD_ACCEPTED_HEALED = 3;
    public static final double DEFAULT_REWARD_ACCEPTED_NOT_HEALED = 1;
    public static final double DEFAULT_REWARD_REJECTED = -1;
    public static final double DEFAULT_REWARD_NO_FEEDBACK_HEALED = 1;
    public static final double DEFAULT_REWARD_NO_FEEDBACK_NOT_HEALED = -1;
    public static final int DEFAULT_FEEDBACK_TIMEOUT_MINUTES = 60;

    /** The numeric fields {@link #check(String, String)} knows, in form order. */
    public static final List<String> NUMERIC_FIELDS = List.of(
            "alpha", "epsilon", "gamma",
            "rewardAcceptedHealed", "rewardAcceptedNotHealed", "rewardRejected",
            "rewardNoFeedbackHealed", "rewardNoFeedbackNotHealed",
            "feedbackTimeoutMinutes");

    private SettingsRules() {
    }

    /** Learning rate: greater than 0 and at most 1. */
    public static double requireAlpha(double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("alpha (learning rate) must be greater than 0 and at most 1, got " + value);
        }
        return value;
    }

    /** Exploration rate: from 0 to 1. */
    public static double requireEpsilon(double value) {
        return requireUnit("epsilon (exploration rate)", value);
    }

    /** Discount factor: from 0 to 1. */
    public static double requireGamma(double value) {
        return requireUnit("gamma (discount factor)", value);
    }

    /** A reward: any finite number. */
    public static double requireReward(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value;
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

    private static double requireUnit(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be from 0 to 1, got " + value);
        }
        return value;
    }
}
