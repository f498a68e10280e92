package io.jenkins.plugins.selfheal.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.loop.ConfiguredTarget;
import io.jenkins.plugins.selfheal.engine.loop.DataCheck;
import io.jenkins.plugins.selfheal.engine.loop.DeploymentRunner;
import io.jenkins.plugins.selfheal.engine.loop.DeploymentTarget;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.loop.HealService;
import io.jenkins.plugins.selfheal.engine.sim.InjectedFault;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.autonomy.AutonomyGate;
import io.jenkins.plugins.selfheal.engine.autonomy.AutonomyLedger;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The core the Pipeline step and the post-build step share: builds the job's deployment target
 * from its parameters (unconfigured actions are masked), runs the healing loop on the job's policy,
 * and attaches the build's Self-Heal record. Every decision is the engine's.
 */
final class BuildHealer {
    static final String LOG_PREFIX = "[Self-Heal] ";
    /** Held only to name and attach a record (not the run's monitor: no code waits for this one holding another). */
    private static final Object ATTACHING = new Object();

    private final Run<?, ?> run;
    private final HealParameters parameters;
    private final TaskListener listener;
    private final FilePath workspace;
    private final Launcher launcher;
    private final EnvVars env;

    BuildHealer(Run<?, ?> run, HealParameters parameters, TaskListener listener, FilePath workspace, Launcher launcher,
               EnvVars env) {
        this.run = run;
        this.parameters = parameters;
        this.listener = listener;
        this.workspace = workspace;
        this.launcher = launcher;
        this.env = env;
    }

    void log(String line) {
        PrintStream logger = listener.getLogger();
        logger.println(LOG_PREFIX + line);
    }

    /** The data set's baseline now, before the deployment changes it; null without a dataset. */
    long[] datasetBaselineNow() throws IOException, InterruptedException {
        AgentDataCheck check = dataCheckSince(null);
        return check == null ? null : check.baselineNow();
    }

    /** The check of the rows changed since {@code baseline} (the whole file without one); none without a dataset. */
    AgentDataCheck dataCheckSince(long[] baseline) {
        if (parameters.datasetPath().isEmpty()) {
            return null;
        }
        requireWorkspace("dataset");
        return AgentDataCheck.since(workspace, parameters.datasetPath().get(), parameters.rulesSpec().orElse(null), baseline);
    }

    /** A deploy command as a deployment runner (retry for the post-build step, or a body-less step). */
    DeploymentRunner deployCommand() {
        String command = parameters.deployCommand().orElseThrow();
        requireWorkspace("deploy");
        LauncherCommandRunner commands = new LauncherCommandRunner(launcher, workspace, env, listener);
        return () -> {
            var result = commands.run(command);
            return result.succeeded() ? DeploymentResult.success(result.duration())
                    : DeploymentResult.failure(result.exitCode() == 0 ? 1 : result.exitCode(), "'" + command + "' failed", result.duration());
        };
    }

    /** The build's own result as deployment evidence: FAILURE so far is a crash. */
    static DeploymentResult fromBuildResult(Result result) {
        return result != null && result.isWorseThan(Result.UNSTABLE)
                ? DeploymentResult.failure(1, "the build had failed before Self-Heal ran", Duration.ZERO)
                : DeploymentResult.success(Duration.ZERO);
    }

    /**
     * Runs the loop and attaches the record; the episode is pending unless feedback is {@code none}.
     * Shadow mode and a heal refused by the caps decide without running anything; the autonomy gate
     * says whether the heal asks for a verdict ({@link SelfHealBuildAction#buildWaits}).
     */
    SelfHealBuildAction heal(DeploymentResult first, DeploymentRunner redeploy, DataCheck data, String executionId)
            throws IOException, InterruptedException {
        AutonomyParameters autonomy = parameters.autonomy();
        AutonomyLedger ledger = JobAutonomy.ledger(run.getParent());
        HealService service = JobPolicy.healing(run.getParent(), parameters.planner(), parameters.maxHeals(), this::log);
        DeploymentTarget target = target(first, redeploy, data, service);
        Optional<String> hold = autonomy.shadow() ? Optional.of("shadow mode: recording what Self-Heal would do")
                : ledger.refusal(autonomy.budget(), Instant.now());
        HealResult result = service.heal(target, hold);
        boolean ran = result.needsFeedback() && result.outcome() != Outcome.RECOMMENDED;
        if (ran) {
            ledger.healRan(Instant.now(), result.outcome() == Outcome.FAILED, autonomy.gate());
        }
        boolean asks = result.needsFeedback() && parameters.feedback() != FeedbackMode.NONE;
        Optional<AutonomyGate.Verdict> gate = asks && ran
                ? Optional.of(AutonomyGate.decide(autonomy.gate(), result, ledger.judgements(result.generation())))
                : Optional.empty();
        String note = !result.needsFeedback() ? null
                : autonomy.shadow() ? "shadow mode: nothing ran and the build's result is left alone"
                : gate.map(AutonomyGate.Verdict::why).orElse(ran ? null : SelfHealGlobalConfiguration.get().isRecommendOnly()
                        ? "recommend-only mode" : hold.orElse("recommend-only mode"));
        boolean alone = gate.map(AutonomyGate.Verdict::actsAlone).orElse(false);
        Episode draft = Episode.pending(result, episodeId(), run.getUrl(), Instant.now());
        // marked before the record is attached: a decision from the page may come at once
        SelfHealBuildAction action = attach(draft, executionId, record -> {
            parameters.injectedFault().ifPresent(kind -> record.markSimulated(parameters.simulate(), autonomy.learnFromSimulated()));
            record.markAutonomy(autonomy.shadow(), alone, note);
        });
        if (!asks) {
            action.decideWithoutFeedback(result.needsFeedback() ? "feedback: 'none'" : "healthy: nothing to review");
        } else if (autonomy.shadow()) {
            log("shadow mode: say on the build page whether " + result.lastStep().orElseThrow().action().id()
                    + " was the right action, " + run.getUrl() + " (the build goes on)");
        } else if (gate.isEmpty()) {
            askForFeedback();
        } else {
            log("autonomy: " + note);
            if (alone) {
                log("acted alone; the verdict can still be given on the build page, " + run.getUrl());
            } else {
                askForFeedback();
            }
        }
        if (action.isSimulated()) {
            log("simulated episode (simulate: '" + parameters.simulate() + "'): " + (autonomy.learnFromSimulated()
                    ? "learned, as learning from simulated episodes is on" : "not learned (learning from simulated episodes is off)"));
        }
        run.save();
        return action;
    }

    private DeploymentTarget target(DeploymentResult first, DeploymentRunner redeploy, DataCheck data, HealService service)
            throws IOException {
        Duration threshold = service.latencyThreshold(parameters.latencyThreshold());
        ConfiguredTarget.Builder builder = ConfiguredTarget.builder(first)
                .redeployWith(redeploy)
                .data(data == null ? DataCheck.NONE : data)
                .latencyThreshold(parameters.latencyThreshold(), threshold, service.thresholdRecorder())
                .onEscalate(() -> log("escalated: a person has to look at this deployment"));
        if (parameters.healthUrlValue().isPresent()) {
            builder.probe(AgentUptimeProbe.forBuild(workspace, parameters.healthUrlValue().get(),
                    ProbeHosts.parse(SelfHealGlobalConfiguration.get().getControllerProbeHosts())));
        }
        if (parameters.rollback() != null || parameters.restart() != null) {
            requireWorkspace("rollback/restart");
            builder.commands(new LauncherCommandRunner(launcher, workspace, env, listener), parameters.rollback(), parameters.restart());
        }
        DeploymentTarget target = builder.build();
        if (parameters.injectedFault().isPresent()) {
            log("simulating a " + parameters.simulate() + " (simulate: '" + parameters.simulate() + "')");
            target = new InjectedFault(target, parameters.injectedFault().get(), SuccessTable.DEFAULT, new Random());
        }
        return target;
    }

    private void askForFeedback() {
        log("waiting for feedback: Accept, Reject or Override on the build page, " + run.getUrl()
                + (parameters.feedback() == FeedbackMode.WAIT ? " (the build waits up to " + parameters.feedbackTimeoutMinutes()
                + " minutes)" : " (the build goes on; decide any time)"));
    }

    /**
     * One record per heal: a build may run selfHeal more than once (stages, parallel branches at the
     * same moment), so its URL name is chosen and the record attached under one lock.
     */
    private SelfHealBuildAction attach(Episode draft, String executionId, Consumer<SelfHealBuildAction> marks) {
        synchronized (ATTACHING) {
            SelfHealBuildAction action = new SelfHealBuildAction(draft, executionId,
                    SelfHealBuildAction.urlNameFor(run.getActions(SelfHealBuildAction.class).size()));
            marks.accept(action);
            run.addAction(action);
            return action;
        }
    }

    /**
     * Unique per heal, as the store learns each id at most once: a build may heal more than once (stages,
     * parallel branches), and a job deleted and created again numbers its builds from 1 again.
     */
    private String episodeId() {
        return run.getExternalizableId() + "/" + java.util.UUID.randomUUID();
    }

    private void requireWorkspace(String field) {
        if (workspace == null || launcher == null) {
            throw new IllegalArgumentException(field + ": needs a workspace; run selfHeal inside node { … }");
        }
    }
}
