package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.sim.FailureKind;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedLatency;
import io.jenkins.plugins.selfheal.engine.detect.DataAnomalyDetector;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.heal.HealingAction;
import io.jenkins.plugins.selfheal.engine.heal.LatencyThreshold;
import io.jenkins.plugins.selfheal.engine.loop.DeploymentTarget;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The CLI's deployment: an injected crash or latency, and a real data set. Actions really act:
 * a restore copies the backup back, adjusting relaxes the latency threshold within its bound;
 * whether a redeploy or restart clears an injected crash or latency is drawn from the
 * {@link SuccessTable} with the run's seeded random source. Nothing sleeps.
 */
final class SimulatedDeployment implements DeploymentTarget {
    /** Where each (re)deployment is reported: status, response time, action type. */
    interface DeployLog {
        void deployed(String status, long responseTimeMs, String actionType) throws IOException;
    }

    /** The injected fault (crash or latency), if any. */
    private final Optional<FailureKind> fault;
    private final Path dataset;
    private final DatasetChange.Applied change;
    private final DataAnomalyDetector detector;
    private final SuccessTable table;
    private final Random random;
    private final DeployLog log;
    private final LatencyThreshold threshold;
    private boolean faultCleared;
    private DeploymentResult lastDeployment;

    SimulatedDeployment(Optional<FailureKind> fault, Path dataset, DatasetChange.Applied change, DataAnomalyDetector detector,
                        SuccessTable table, Random random, Duration threshold, DeployLog log) {
        this.fault = fault;
        this.dataset = dataset;
        this.change = change;
        this.detector = detector;
        this.table = table;
        this.random = random;
        this.threshold = new LatencyThreshold(threshold, threshold, relaxed -> { });
        this.log = log;
        this.faultCleared = fault.isEmpty();
    }

    /** The first deployment of the run. */
    DeploymentResult deploy() throws IOException {
        return redeploy("deploy");
    }

    private DeploymentResult redeploy(String actionType) throws IOException {
        boolean crashed = injected(FailureKind.CRASH) && !faultCleared;
        lastDeployment = crashed
                ? DeploymentResult.failure(1, "simulated crash: the new version did not start", Duration.ofMillis(SimulatedLatency.DEPLOY_MS))
                : DeploymentResult.success(Duration.ofMillis(latencyMs()));
        log.deployed(crashed ? "failure" : "success", crashed ? SimulatedLatency.DEPLOY_MS : latencyMs(), actionType);
        return lastDeployment;
    }

    private long latencyMs() {
        return injected(FailureKind.LATENCY) && !faultCleared ? SimulatedLatency.SLOW_MS : SimulatedLatency.NORMAL_MS;
    }

    @Override
    public DeploymentResult lastDeployment() {
        return lastDeployment;
    }

    @Override
    public UptimeReading probe() {
        if (injected(FailureKind.CRASH) && !faultCleared) {
            return UptimeReading.down(List.of(), "simulated service is not running");
        }
        return UptimeReading.up(List.of(Duration.ofMillis(latencyMs())), "simulated service answered in " + latencyMs() + " ms");
    }

    @Override
    public Optional<Finding> checkData() {
        return detector == null ? Optional.empty() : detector.check(dataset, change == null ? DatasetBaseline.none() : change.before());
    }

    @Override
    public Duration latencyThreshold() {
        return threshold.current();
    }

    @Override
    public Map<ActionKind, HealingAction> actions() {
        Map<ActionKind, HealingAction> actions = new EnumMap<>(ActionKind.class);
        actions.put(ActionKind.RETRY_DEPLOYMENT, action(ActionKind.RETRY_DEPLOYMENT, () -> {
            clearFaultMaybe(ActionKind.RETRY_DEPLOYMENT);
            return deployOutcome(redeploy("heal_retry"));
        }));
        if (change != null) {
            actions.put(ActionKind.RESTORE_PREVIOUS_VERSION, action(ActionKind.RESTORE_PREVIOUS_VERSION, () -> {
                DatasetChange.restore(change.backup(), dataset);
                clearFaultMaybe(ActionKind.RESTORE_PREVIOUS_VERSION);
                return deployOutcome(redeploy("heal_restore"));
            }));
        }
        if (threshold.canRelax()) {
            actions.put(ActionKind.ADJUST_THRESHOLDS, action(ActionKind.ADJUST_THRESHOLDS,
                    () -> threshold.relax(Duration.ofMillis(200))));
        }
        actions.put(ActionKind.RESTART_SERVICE, action(ActionKind.RESTART_SERVICE, () -> {
            clearFaultMaybe(ActionKind.RESTART_SERVICE);
            return faultCleared ? ActionResult.succeeded(Duration.ofMillis(500), "service restarted")
                    : ActionResult.failed(Duration.ofMillis(500), "service restarted, the problem remains");
        }));
        actions.put(ActionKind.ESCALATE, action(ActionKind.ESCALATE,
                () -> ActionResult.succeeded(Duration.ZERO, "handed over to a person")));
        return actions;
    }

    private void clearFaultMaybe(ActionKind action) {
        String failure = injected(FailureKind.CRASH) ? Finding.DEPLOYMENT_FAILURE : Finding.LATENCY_ISSUE;
        faultCleared = faultCleared || random.nextDouble() < table.probability(failure, action);
    }

    private static ActionResult deployOutcome(DeploymentResult result) {
        return result.succeeded() ? ActionResult.succeeded(result.duration(), "deployment succeeded")
                : ActionResult.failed(result.duration(), result.message());
    }

    private interface Body {
        ActionResult run() throws IOException;
    }

    private static HealingAction action(ActionKind kind, Body body) {
        return new HealingAction() {
            @Override
            public ActionKind kind() {
                return kind;
            }

            @Override
            public ActionResult execute() {
                try {
                    return body.run();
                } catch (IOException e) {
                    return ActionResult.failed(Duration.ZERO, kind.id() + " failed: " + e.getMessage());
                }
            }
        };
    }


    private boolean injected(FailureKind kind) {
        return fault.filter(kind::equals).isPresent();
    }
}
