package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.heal.HealingAction;
import io.jenkins.plugins.selfheal.engine.loop.DeploymentTarget;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A failure injected over a real deployment, for demos and training ({@code simulate: 'crash'}).
 * The real actions still run; whether one clears the injected failure is drawn from the
 * {@link SuccessTable}.
 */
public final class InjectedFault implements DeploymentTarget {
    private final DeploymentTarget real;
    private final FailureKind kind;
    private final SuccessTable table;
    private final Random random;
    private boolean active = true;

    public InjectedFault(DeploymentTarget real, FailureKind kind, SuccessTable table, Random random) {
        this.real = real;
        this.kind = kind;
        this.table = table;
        this.random = random;
    }

    @Override
    public DeploymentResult lastDeployment() {
        return active && kind == FailureKind.CRASH
                ? DeploymentResult.failure(1, "injected crash (simulate: 'crash')", real.lastDeployment().duration())
                : real.lastDeployment();
    }

    @Override
    public UptimeReading probe() throws InterruptedException {
        if (active && kind == FailureKind.CRASH) {
            return UptimeReading.down(List.of(), "injected crash: the service is not running");
        }
        if (active && kind == FailureKind.LATENCY) {
            return UptimeReading.up(List.of(Duration.ofMillis(SimulatedLatency.SLOW_MS)),
                    "injected latency: answered in " + SimulatedLatency.SLOW_MS + " ms");
        }
        return real.probe();
    }

    @Override
    public Optional<Finding> checkData() throws IOException, InterruptedException {
        if (active && kind == FailureKind.ANOMALY) {
            return Optional.of(Finding.anomaly("injected", "injected data anomaly (simulate: 'anomaly')"));
        }
        return real.checkData();
    }

    @Override
    public Duration latencyThreshold() {
        return real.latencyThreshold();
    }

    @Override
    public Map<ActionKind, HealingAction> actions() {
        Map<ActionKind, HealingAction> wrapped = new LinkedHashMap<>();
        real.actions().forEach((k, action) -> wrapped.put(k, new HealingAction() {
            @Override
            public ActionKind kind() {
                return k;
            }

            @Override
            public ActionResult execute() throws InterruptedException {
                ActionResult outcome = action.execute();
                if (active && random.nextDouble() < table.probability(kind.injectedFailure(), k)) {
                    active = false;
                    return new ActionResult(true, outcome.duration(), outcome.detail() + " (cleared the injected " + kind.name().toLowerCase(Locale.ROOT) + ")");
                }
                return outcome;
            }
        }));
        return wrapped;
    }
}
