package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.learn.PlannerKind;
import io.jenkins.plugins.selfheal.engine.sim.FailureKind;
import io.jenkins.plugins.selfheal.engine.detect.LatencyDetector;
import io.jenkins.plugins.selfheal.engine.uptime.HttpUptimeProbe;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * What the {@code selfHeal} step and the post-build step are configured with, validated once
 * with messages naming the field. Jenkins-free, so every rule is unit-tested.
 *
 * @param feedback {@code wait} (pause until someone decides), {@code async} (decide later on the build page) or {@code none}
 */
// A plain class, not a record: the step execution holding it is saved with the Pipeline program,
// whose serializer may predate record support. Planner and feedback stay strings in the saved form
// (programs saved by earlier versions load) and are typed by their accessors.
public final class HealParameters implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_HEALS_LIMIT = 10;

    private final String planner;
    private final String healthUrl;
    private final long latencyThresholdMs;
    private final String dataset;
    private final String rules;
    private final String deploy;
    private final String rollback;
    private final String restart;
    private final int maxHeals;
    private final String feedback;
    private final int feedbackTimeoutMinutes;
    private final String simulate;
    /** Null in a Pipeline program saved before autonomy existed: {@link AutonomyParameters#DEFAULTS}. */
    private final AutonomyParameters autonomy;

    public HealParameters(String planner, String healthUrl, long latencyThresholdMs, String dataset, String rules,
                          String deploy, String rollback, String restart, int maxHeals, String feedback,
                          int feedbackTimeoutMinutes, String simulate) {
        this(planner, healthUrl, latencyThresholdMs, dataset, rules, deploy, rollback, restart, maxHeals, feedback,
                feedbackTimeoutMinutes, simulate, AutonomyParameters.DEFAULTS);
    }

    public HealParameters(String planner, String healthUrl, long latencyThresholdMs, String dataset, String rules,
                          String deploy, String rollback, String restart, int maxHeals, String feedback,
                          int feedbackTimeoutMinutes, String simulate, AutonomyParameters autonomy) {
        planner = PlannerKind.parse(planner).id();
        text(healthUrl).ifPresent(HttpUptimeProbe::parseHealthUrl); // parsing only: no HTTP client per step start
        if (latencyThresholdMs <= 0) {
            throw new IllegalArgumentException("latencyThresholdMs: must be a positive number of milliseconds, was "
                    + latencyThresholdMs);
        }
        if (maxHeals < 1 || maxHeals > MAX_HEALS_LIMIT) {
            throw new IllegalArgumentException("maxHeals: must be between 1 and " + MAX_HEALS_LIMIT + ", was " + maxHeals);
        }
        feedback = FeedbackMode.parse(feedback, FeedbackMode.WAIT).id();
        if (feedbackTimeoutMinutes < 1) {
            throw new IllegalArgumentException("feedbackTimeoutMinutes: must be at least 1, was " + feedbackTimeoutMinutes);
        }
        text(simulate).ifPresent(FailureKind::parse);
        if (text(rules).isPresent() && text(dataset).isEmpty()) {
            throw new IllegalArgumentException("rules: a rule set needs a dataset to check; set dataset too");
        }
        this.planner = planner;
        this.healthUrl = healthUrl;
        this.latencyThresholdMs = latencyThresholdMs;
        this.dataset = dataset;
        this.rules = rules;
        this.deploy = deploy;
        this.rollback = rollback;
        this.restart = restart;
        this.maxHeals = maxHeals;
        this.feedback = feedback;
        this.feedbackTimeoutMinutes = feedbackTimeoutMinutes;
        this.simulate = simulate;
        this.autonomy = java.util.Objects.requireNonNull(autonomy, "autonomy");
    }

    public static final long DEFAULT_LATENCY_THRESHOLD_MS = LatencyDetector.DEFAULT_THRESHOLD.toMillis();

    public PlannerKind planner() {
        return PlannerKind.parse(planner);
    }

    public String healthUrl() {
        return healthUrl;
    }

    public long latencyThresholdMs() {
        return latencyThresholdMs;
    }

    public String dataset() {
        return dataset;
    }

    public String rules() {
        return rules;
    }

    public String deploy() {
        return deploy;
    }

    public String rollback() {
        return rollback;
    }

    public String restart() {
        return restart;
    }

    public int maxHeals() {
        return maxHeals;
    }

    public FeedbackMode feedback() {
        return FeedbackMode.parse(feedback, FeedbackMode.WAIT);
    }

    public int feedbackTimeoutMinutes() {
        return feedbackTimeoutMinutes;
    }

    public String simulate() {
        return simulate;
    }

    public AutonomyParameters autonomy() {
        return autonomy == null ? AutonomyParameters.DEFAULTS : autonomy;
    }

    public Optional<String> healthUrlValue() {
        return text(healthUrl);
    }

    public Optional<String> datasetPath() {
        return text(dataset);
    }

    /** The rule set to check the data set with: given, or chosen by the data set's file name. */
    public Optional<String> rulesSpec() {
        return text(rules);
    }

    public Optional<String> deployCommand() {
        return text(deploy);
    }

    public Optional<FailureKind> injectedFault() {
        return text(simulate).map(FailureKind::parse);
    }

    public Duration latencyThreshold() {
        return Duration.ofMillis(latencyThresholdMs);
    }

    public Duration feedbackTimeout() {
        return Duration.ofMinutes(feedbackTimeoutMinutes);
    }

    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
