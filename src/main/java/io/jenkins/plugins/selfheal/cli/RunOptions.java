package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.loop.HealService;
import io.jenkins.plugins.selfheal.engine.sim.EnvironmentFile;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** The options of a simulation run, mirroring the original {@code main.py}. */
final class RunOptions {
    enum PlannerName { rl, random }

    enum FailType { crash, latency }

    enum FeedbackMode { ask, y, n, auto, none }

    @Option(names = "--planner", paramLabel = "rl|random", description = "Planner: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "rl")
    PlannerName planner;

    @Option(names = "--fail-type", paramLabel = "crash|latency", description = "Inject a failure: ${COMPLETION-CANDIDATES}.")
    FailType failType;

    @Option(names = "--force-anomaly", description = "Append anomalous rows to the data set instead of a normal one.")
    boolean forceAnomaly;

    @Option(names = "--dataset", paramLabel = "PATH", description = "Data set the deployment changes (default: ${DEFAULT-VALUE}).",
            defaultValue = "dataset/student_scores.csv")
    Path dataset;

    @Option(names = "--rules", paramLabel = "ID|FILE", description = "Data rule set: a built-in id (student_scores, "
            + "patient_health) or a JSON file (default: chosen by the data set's file name).")
    String rules;

    @Option(names = "--train", description = "Training mode: take an action never tried in this state first.")
    boolean train;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy file (default: <logs>/policy.json).")
    Path policy;

    @Option(names = "--logs", paramLabel = "DIR", description = "Log folder (default: ${DEFAULT-VALUE}).", defaultValue = "logs")
    Path logs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random source, for reproducible runs.")
    Long seed;

    /** Null without the option: one ordinary episode; a number (0 included) is a training batch of that many. */
    @Option(names = "--episodes", paramLabel = "N", description = "Run a training batch of N simulated episodes "
            + "instead of one deployment (0: none; nothing changes).")
    Integer episodes;

    @Option(names = "--feedback", paramLabel = "ask|y|n|auto|none", defaultValue = "ask",
            description = "Feedback: ask in the terminal, always y or n, auto (the simulated reviewer), none (default: ${DEFAULT-VALUE}).")
    FeedbackMode feedback;

    @Option(names = "--feedback-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for an answer on a non-interactive input (default: ${DEFAULT-VALUE}).")
    int feedbackTimeoutSeconds;

    @Option(names = "--max-heals", paramLabel = "N", defaultValue = "1",
            description = "Actions one episode may try before giving up, 1 to 10 (default: ${DEFAULT-VALUE}).")
    int maxHeals;

    @Option(names = "--autonomy", paramLabel = "ask|confident|auto", defaultValue = "ask",
            description = "Ask for a verdict (ask), only when not confident in the chosen action (confident), or never "
                    + "(auto); a heal that acts alone is learned from its outcome (default: ${DEFAULT-VALUE}).")
    String autonomy;

    @Option(names = "--confidence-threshold", paramLabel = "T", defaultValue = "0.8",
            description = "Confidence --autonomy confident needs to act alone, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double confidenceThreshold;

    @Option(names = "--mode", paramLabel = "act|shadow", defaultValue = "act",
            description = "act heals; shadow chooses and asks, running no action (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.1", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0.1", description = "Exploration rate (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--gamma", paramLabel = "G", defaultValue = "0.9",
            description = "Discount for several-step heals (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--environment", paramLabel = "FILE", description = "Simulated environment: per failure type, the "
            + "probability that each action clears it and how long it takes (JSON, see environments/; default: the built-in table).")
    Path environment;

    LearningParameters parameters() {
        return new LearningParameters(alpha, epsilon, gamma);
    }

    Path policyFile() {
        return policy != null ? policy : logs.resolve("policy.json");
    }

    void validate() {
        if (episodes != null && episodes < 0) {
            throw new IllegalArgumentException("--episodes must be >= 0, was " + episodes);
        }
        if (maxHeals < 1 || maxHeals > HealService.MAX_HEALS_LIMIT) {
            throw new IllegalArgumentException("--max-heals must be between 1 and " + HealService.MAX_HEALS_LIMIT
                    + ", was " + maxHeals);
        }
        if (feedbackTimeoutSeconds < 0) {
            throw new IllegalArgumentException("--feedback-timeout must be >= 0, was " + feedbackTimeoutSeconds);
        }
        parameters();
        autonomy();
        mode();
        io.jenkins.plugins.selfheal.engine.autonomy.AutonomyGate.requireThreshold(confidenceThreshold);
        if (episodes != null && usesAutonomy()) {
            throw new IllegalArgumentException("--autonomy/--mode: for one run, not a training batch (--episodes)");
        }
    }

    io.jenkins.plugins.selfheal.engine.autonomy.Autonomy autonomy() {
        return CliAutonomy.parseAutonomy(autonomy);
    }

    io.jenkins.plugins.selfheal.engine.autonomy.HealMode mode() {
        return CliAutonomy.parseMode(mode);
    }

    /** Whether the run uses autonomy or shadow mode (and so keeps verdict counts). */
    boolean usesAutonomy() {
        return autonomy() != io.jenkins.plugins.selfheal.engine.autonomy.Autonomy.ASK
                || mode() != io.jenkins.plugins.selfheal.engine.autonomy.HealMode.ACT;
    }

    /** The simulated environment: {@code --environment}'s table, or the built-in one. */
    SuccessTable successTable() {
        return environment == null ? SuccessTable.DEFAULT : EnvironmentFile.load(environment);
    }

    String failTypeName() {
        return failType == null ? "none" : failType.name().toLowerCase(Locale.ROOT);
    }
}
