package io.jenkins.plugins.selfheal.jenkins;

import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.selfheal.engine.uptime.HttpUptimeProbe;

/** Choices and checks shared by the step's and the post-build step's forms (Snippet Generator). */
final class FormChoices {
    private FormChoices() {
    }

    static ListBoxModel planners() {
        ListBoxModel model = new ListBoxModel();
        model.add("Q-learning (rl)", "rl");
        model.add("Random", "random");
        return model;
    }

    /** @param canWait whether the build can pause for feedback (Pipeline only) */
    static ListBoxModel feedbackModes(boolean canWait) {
        ListBoxModel model = new ListBoxModel();
        if (canWait) {
            model.add("Wait for Accept/Reject (wait)", "wait");
        }
        model.add("Decide later on the build page (async)", "async");
        model.add("Never ask (none)", "none");
        return model;
    }

    static FormValidation checkHealthUrl(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            HttpUptimeProbe.parseHealthUrl(value.trim()); // parsing only: no HTTP client per keystroke
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkPositive(String field, String value) {
        try {
            if (value != null && !value.isBlank() && Long.parseLong(value.trim()) <= 0) {
                return FormValidation.error(field + ": must be a positive number");
            }
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(field + ": '" + value + "' is not a whole number");
        }
    }
}
