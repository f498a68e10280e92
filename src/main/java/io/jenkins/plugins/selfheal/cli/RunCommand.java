package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.learn.PlannerKind;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeLearner;
import io.jenkins.plugins.selfheal.engine.loop.HealService;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** One simulated deployment with healing and feedback, or a training batch with {@code --episodes}. */
@Command(name = "self-heal", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        // one element per sentence: picocli wraps each to the terminal, and starts a new line per element
        description = {"Self-healing CI/CD simulation: change the data set, deploy, detect a crash, high latency or "
                + "a data anomaly, pick a healing action, ask for feedback and learn.",
                "Exit codes: 0 healed or healthy, 1 still failing, 2 bad usage or bad input."},
        subcommands = {ExportCommand.class, ImportCommand.class, RestoreCommand.class, ReportCommand.class})
final class RunCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    @Spec
    CommandSpec spec;

    private final InputStream in;
    private final boolean interactive;

    RunCommand(InputStream in, boolean interactive) {
        this.in = in;
        this.interactive = interactive;
    }

    @Override
    public Integer call() throws Exception {
        options.validate();
        PrintWriter out = spec.commandLine().getOut();
        if (options.episodes != null && options.episodes == 0) {
            out.println("[self-heal] --episodes 0: a training batch of no episodes; nothing run, nothing changed");
            out.flush();
            return SelfHealCli.HEALED;
        }
        SimulatedClock clock = new SimulatedClock(Clock.systemDefaultZone());
        Random random = options.seed == null ? new Random() : new Random(options.seed);
        PolicyStore store = new PolicyStore(options.policyFile(), options.policyFile().getFileName().toString(), clock,
                warning -> spec.commandLine().getErr().println("self-heal: warning: " + warning));
        SeedLogs logs = new SeedLogs(options.logs, clock);
        Optional<QTable> original = preflight(store, logs);
        FeedbackSource feedback = FeedbackSource.of(options.feedback, in, interactive, out,
                Duration.ofSeconds(options.feedbackTimeoutSeconds), random);
        Context context = new Context(options, store, logs, feedback, clock, random, out, original);
        return options.episodes != null ? new TrainingBatch(context).run() : new SingleRun(context).run();
    }

    /**
     * The logs folder and the policy files must take writes, and the policy must read, before anything
     * changes; returns the logs folder's Q-table when this CLI did not write it (to adopt, see {@link Context}).
     */
    private Optional<QTable> preflight(PolicyStore store, SeedLogs logs) throws IOException {
        RunPreflight.writableFolder("--logs", logs.dir());
        RunPreflight.writableFiles("--logs", logs.files());
        Path policy = store.policyFile();
        RunPreflight.writableFolder("--policy", policy.toAbsolutePath().getParent());
        RunPreflight.writableFiles("--policy", List.of(policy, store.episodeLog(),
                policy.resolveSibling(policy.getFileName() + ".lock")));
        PolicyAccess.requireRebuildable(store);
        Optional<QTable> original = logs.foreignQTable(store.read().table());
        if (original.isPresent() && store.exists()) {
            Path table = logs.dir().resolve(QTableLog.FILE);
            throw new IllegalArgumentException("--logs " + options.logs + ": " + table + " holds a Q-table this CLI did not "
                    + "write (" + original.get().size() + " states; the original simulation's?) and would be overwritten by "
                    + "the policy " + policy + "; import it into the policy with `import --policy " + policy + " --logs "
                    + options.logs + " " + table
                    + "`, or move it away");
        }
        return original;
    }

    /** What a run needs, built once from the options. */
    record Context(RunOptions options, PolicyStore store, SeedLogs logs, FeedbackSource feedback, SimulatedClock clock,
                   Random random, PrintWriter out, Optional<QTable> originalTable) {
        /**
         * A new policy next to a Q-table this CLI did not write starts from that table: it is imported
         * (and the file kept as {@code rl_log.csv.bak}) so the run's rewrite loses nothing. Called after
         * every check, just before the run changes the data set.
         */
        void adoptOriginalTable() throws IOException {
            if (originalTable.isEmpty()) {
                return;
            }
            Path file = logs.dir().resolve(QTableLog.FILE);
            store.importTable(originalTable.get(), file.toString(), System.getProperty("user.name"));
            logs.refreshQTable(store.read().table());
            say(file + " holds a Q-table this CLI did not write: imported its " + originalTable.get().size()
                    + " states as the starting policy " + store.policyFile() + " (the file is kept as " + QTableLog.KEPT + ")");
        }

        /** The engine's healing service on the run's policy, reporting progress to {@code progress}. */
        HealService service(Consumer<String> progress) {
            return new HealService(store, new HealService.Settings(PlannerKind.parse(options.planner.name()),
                    options.parameters(), options.maxHeals, false), clock, random, progress).training(options.train);
        }

        /** Learns from the run's verdicts on its policy. */
        EpisodeLearner learner() {
            return new EpisodeLearner(store, options.parameters(), RewardPolicy.DEFAULTS, clock);
        }

        void say(String line) {
            out.println("[self-heal] " + line);
            out.flush();
        }
    }
}
