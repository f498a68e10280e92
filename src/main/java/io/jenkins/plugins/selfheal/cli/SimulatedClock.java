package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.heal.HealingAction;
import io.jenkins.plugins.selfheal.engine.loop.DeploymentTarget;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulation's time: it starts at the real time of the run and moves only by what the simulation
 * says things take (a deployment, an action's reported duration), since nothing really sleeps. So a
 * time to heal, the logs' timestamps and the durations the terminal shows all agree.
 */
final class SimulatedClock extends Clock {
    private final Instant start;
    private final ZoneId zone;
    private Duration elapsed = Duration.ZERO;

    SimulatedClock(Clock real) {
        this(real.instant(), real.getZone());
    }

    private SimulatedClock(Instant start, ZoneId zone) {
        this.start = start;
        this.zone = zone;
    }

    synchronized void advance(Duration by) {
        elapsed = elapsed.plus(by.isNegative() ? Duration.ZERO : by);
    }

    @Override
    public synchronized Instant instant() {
        return start.plus(elapsed);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SimulatedClock(instant(), other);
    }

    /** {@code target}, whose actions move this clock by the time each reports it took. */
    DeploymentTarget timing(DeploymentTarget target) {
        return new DeploymentTarget() {
            @Override
            public DeploymentResult lastDeployment() {
                return target.lastDeployment();
            }

            @Override
            public UptimeReading probe() throws InterruptedException {
                return target.probe();
            }

            @Override
            public Optional<Finding> checkData() throws IOException, InterruptedException {
                return target.checkData();
            }

            @Override
            public Duration latencyThreshold() {
                return target.latencyThreshold();
            }

            @Override
            public Map<ActionKind, HealingAction> actions() {
                Map<ActionKind, HealingAction> timed = new EnumMap<>(ActionKind.class);
                target.actions().forEach((kind, action) -> timed.put(kind, new HealingAction() {
                    @Override
                    public ActionKind kind() {
                        return kind;
                    }

                    @Override
                    public ActionResult execute() throws InterruptedException {
                        ActionResult outcome = action.execute();
                        advance(outcome.duration());
                        return outcome;
                    }
                }));
                return timed;
            }
        };
    }
}
