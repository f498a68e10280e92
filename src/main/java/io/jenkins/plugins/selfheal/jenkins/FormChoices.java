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

    /** @param withDefault whether a job may leave it to the global default (an empty choice) */
    static ListBoxModel autonomies(boolean withDefault) {
        ListBoxModel model = new ListBoxModel();
        if (withDefault) {
            model.add("The global default", "");
        }
        model.add("Always ask for a verdict (ask)", "ask");
        model.add("Act alone when confident (confident)", "confident");
        model.add("Never ask (auto)", "auto");
        return model;
    }

    static ListBoxModel autonomies() {
        return autonomies(false);
    }

    static ListBoxModel modes() {
        ListBoxModel model = new ListBoxModel();
        model.add("Heal (act)", "act");
        model.add("Record what it would do, run nothing (shadow)", "shadow");
        return model;
    }

    static FormValidation checkThreshold(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            io.jenkins.plugins.selfheal.engine.autonomy.AutonomyGate.requireThreshold(Double.parseDouble(value.trim()));
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error("confidenceThreshold: '" + value + "' is not a number");
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
