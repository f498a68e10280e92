package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.detect.LatencyDetector;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.heal.HealingAction;
import io.jenkins.plugins.selfheal.engine.loop.DeploymentTarget;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The learning simulator's deployment: one injected failure that each action fixes with the
 * probability of the {@link SuccessTable}. No files, no sleeping: thousands of episodes a second.
 */
public final class SimulatedEnvironment implements DeploymentTarget {
    /** The states this simulator can reach: latency implies an answering (UP) service. */
    public static final List<Scenario> SCENARIOS = List.of(
            new Scenario(Finding.DEPLOYMENT_FAILURE, UptimeStatus.UP),
            new Scenario(Finding.DEPLOYMENT_FAILURE, UptimeStatus.DOWN),
            new Scenario(Finding.LATENCY_ISSUE, UptimeStatus.UP),
            new Scenario(Finding.ANOMALY_PREFIX + "score", UptimeStatus.UP),
            new Scenario(Finding.ANOMALY_PREFIX + "score", UptimeStatus.DOWN),
            new Scenario(Finding.ANOMALY_PREFIX + "health", UptimeStatus.UP),
            new Scenario(Finding.ANOMALY_PREFIX + "health", UptimeStatus.DOWN));

    private final Scenario scenario;
    private final SuccessTable table;
    private final Random random;
    private boolean fixed;

    /** An injected failure, and the service's status while it lasts. */
    public record Scenario(String failure, UptimeStatus status) {
        public String state() {
            return failure + "_" + status;
        }

        public static Scenario random(Random random) {
            return SCENARIOS.get(random.nextInt(SCENARIOS.size()));
        }
    }

    public SimulatedEnvironment(Scenario scenario, SuccessTable table, Random random) {
        this.scenario = scenario;
        this.table = table;
        this.random = random;
    }

    @Override
    public DeploymentResult lastDeployment() {
        boolean crashed = !fixed && Finding.DEPLOYMENT_FAILURE.equals(scenario.failure());
        return crashed ? DeploymentResult.failure(1, "simulated crash", Duration.ofMillis(SimulatedLatency.DEPLOY_MS))
                : DeploymentResult.success(Duration.ofMillis(SimulatedLatency.DEPLOY_MS));
    }

    @Override
    public UptimeReading probe() {
        if (!fixed && scenario.status() == UptimeStatus.DOWN) {
            return UptimeReading.down(List.of(), "simulated service is down");
        }
        long ms = !fixed && Finding.LATENCY_ISSUE.equals(scenario.failure()) ? SimulatedLatency.SLOW_MS : SimulatedLatency.NORMAL_MS;
        return UptimeReading.up(List.of(Duration.ofMillis(ms)), "simulated service answered in " + ms + " ms");
    }

    @Override
    public Optional<Finding> checkData() {
        if (fixed || !scenario.failure().startsWith(Finding.ANOMALY_PREFIX)) {
            return Optional.empty();
        }
        String name = scenario.failure().substring(Finding.ANOMALY_PREFIX.length());
        return Optional.of(Finding.anomaly(name, "simulated " + name + " anomaly"));
    }

    @Override
    public Duration latencyThreshold() {
        return LatencyDetector.DEFAULT_THRESHOLD;
    }

    @Override
    public Map<ActionKind, HealingAction> actions() {
        Map<ActionKind, HealingAction> actions = new EnumMap<>(ActionKind.class);
        for (ActionKind kind : ActionKind.values()) {
            actions.put(kind, new SimulatedAction(kind));
        }
        return actions;
    }

    private final class SimulatedAction implements HealingAction {
        private final ActionKind kind;

        SimulatedAction(ActionKind kind) {
            this.kind = kind;
        }

        @Override
        public ActionKind kind() {
            return kind;
        }

        @Override
        public ActionResult execute() {
            if (kind == ActionKind.ESCALATE) {
                return ActionResult.succeeded(Duration.ZERO, "handed over to a person");
            }
            fixed = fixed || random.nextDouble() < table.probability(scenario.failure(), kind);
            return new ActionResult(fixed, Duration.ofMillis(200), fixed ? "simulated fix worked" : "simulated fix did not help");
        }
    }
}
