package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.sim.FailureKind;
import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.DataAnomalyDetector;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.LatencyDetector;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import io.jenkins.plugins.selfheal.engine.detect.RuleSets;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeLearner;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.loop.HealService;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One episode as the original {@code main.py} ran it: change the data (with backup) → deploy →
 * detect → uptime → heal → ask → learn → log → save.
 */
final class SingleRun {
    private final RunCommand.Context context;
    private final RunOptions options;

    SingleRun(RunCommand.Context context) {
        this.context = context;
        this.options = context.options();
    }

    int run() throws IOException, InterruptedException {
        RuleSet rules = ruleSet();
        RunPreflight.dataset(options.dataset);
        if (options.forceAnomaly && !DatasetChange.canBreak(rules)) {
            throw new IllegalArgumentException("--force-anomaly: the rule set " + rules.id() + " has no rule a row can "
                    + "break (give a column min, max, meanMin, meanMax, allowed values or required)");
        }
        DataAnomalyDetector detector = new DataAnomalyDetector(rules);
        // The format of the whole file (header, quoting, columns, types) before changing it: rows appended
        // after an unclosed quote would be swallowed by it. The rules judge only the appended rows, later.
        detector.check(options.dataset, DatasetBaseline.none());
        context.adoptOriginalTable();
        DatasetChange.Applied change = DatasetChange.apply(options.dataset, rules, options.forceAnomaly,
                context.random(), context.clock());
        context.say("data set " + options.dataset + ": " + change.rowsAdded() + (options.forceAnomaly ? " anomalous" : " normal")
                + " row(s) appended, backup " + change.backup().getFileName());

        SeedLogs logs = context.logs();
        String dataset = options.dataset.toString();
        SimulatedDeployment deployment = new SimulatedDeployment(failType(), options.dataset, change, detector,
                context.environment(), context.random(), LatencyDetector.DEFAULT_THRESHOLD,
                (status, ms, type) -> logs.deployment(dataset, status, ms, type));
        context.clock().advance(deployment.deploy().duration());

        HealService service = context.service(context::say);
        Optional<CliAutonomy> autonomy = CliAutonomy.of(options, warning -> context.say("warning: " + warning));
        HealResult result = service.heal(context.clock().timing(deployment), autonomy.flatMap(CliAutonomy::hold));
        logHeal(result);
        if (!result.needsFeedback()) {
            record(result, Feedback.none("healthy: nothing to review"));
            context.say("no failure detected: the deployment is healthy");
            return finish(result);
        }
        Optional<Feedback> alone = autonomy.isPresent() ? autonomy.get().alone(result, context::say) : Optional.empty();
        if (alone.isPresent()) {
            return learned(result, alone.get(), autonomy);
        }
        try (InterruptGuard guard = new InterruptGuard()) {
            Feedback feedback;
            try {
                feedback = context.feedback().feedbackFor(result);
            } catch (InterruptedException e) {
                if (!guard.fired()) {
                    throw e;
                }
                context.out().println();
                context.say("interrupted at the prompt: recording the episode without feedback (learning from the "
                        + "outcome only), so its logs are complete");
                feedback = Feedback.none("interrupted at the prompt");
            }
            guard.promptDone();
            return learned(result, feedback, autonomy);
        }
    }

    private int learned(HealResult result, Feedback feedback, Optional<CliAutonomy> autonomy) throws IOException {
        Episode entry = record(result, feedback);
        if (autonomy.isPresent()) {
            autonomy.get().judged(entry);
        }
        HealAttempt last = result.lastStep().orElseThrow();
        double after = context.store().read().table().value(last.state(), last.action());
        double before = last.decision().qValues().get(last.action());
        // a person's yes lowering a value surprises: say why (the reward is below what the cell had learned)
        String why = entry.verdict() == Verdict.ACCEPTED && !result.healed() && after < before
                ? String.format(Locale.ROOT, " (accepted but not healed: %+.0f, below this cell's value, so it went down)",
                entry.reward()) : "";
        context.say(String.format(Locale.ROOT, "feedback %s, reward %+.1f: Q(%s, %s) %.3f → %.3f%s", entry.verdict().id(),
                entry.reward(), last.state(), last.action().id(), before, after, why));
        return finish(result);
    }

    private Episode record(HealResult result, Feedback feedback) throws IOException {
        Episode entry = context.learner().learn(result, feedback,
                new EpisodeLearner.Context(UUID.randomUUID().toString(), System.getProperty("user.name"), null));
        context.logs().learned(result, entry);
        context.logs().qTable(context.store().read().table());
        return entry;
    }

    private void logHeal(HealResult result) throws IOException {
        SeedLogs logs = context.logs();
        logs.uptime(result.initial().uptime().status().name(), result.initial().reason());
        if (!result.initial().healthy()) {
            logs.issue(options.dataset.toString(), result.initial().failure(), result.initial().reason());
        }
        for (HealAttempt step : result.steps()) {
            // the status is the outcome: did the check after the action find the deployment healthy
            logs.healing(options.dataset.toString(), step.action().id(), step.healed() ? "success" : "failure",
                    step.outcome().duration().toMillis());
        }
        if (result.healed()) {
            logs.uptime("UP", "healed by " + result.lastStep().orElseThrow().action().id());
        }
    }

    private int finish(HealResult result) {
        context.say("outcome: " + result.outcome().id());
        context.out().println("CI/CD simulation finished.");
        context.out().flush();
        return switch (result.outcome()) {
            case HEALTHY, HEALED -> SelfHealCli.HEALED;
            case FAILED, ESCALATED, RECOMMENDED -> SelfHealCli.STILL_FAILING;
        };
    }

    private RuleSet ruleSet() {
        if (options.rules != null && options.rules.isBlank()) {
            return RuleSets.resolve(options.rules); // "no rule set given"
        }
        return RuleSets.resolve(options.rules, options.dataset, Path::of, "", "path", () -> new IllegalArgumentException(
                "--dataset " + options.dataset + ": no built-in rule set matches this file name; name one with --rules "
                        + "(built-ins: " + String.join(", ", BuiltInRuleSets.ids()) + ", or a .json rule set file)"));
    }

    private Optional<FailureKind> failType() {
        if (options.failType == null) {
            return Optional.empty();
        }
        return Optional.of(options.failType == RunOptions.FailType.crash ? FailureKind.CRASH
                : FailureKind.LATENCY);
    }
}
