package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.TestClock;
import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.heal.HealingAction;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A hand-written deployment: tests set what it shows and what each allowed action does to it. */
final class FakeTarget implements DeploymentTarget {
    DeploymentResult deployment = DeploymentResult.success(Duration.ofSeconds(2));
    UptimeReading uptime = fast();
    Optional<Finding> data = Optional.empty();
    Duration threshold = Duration.ofSeconds(16);
    final List<ActionKind> executed = new ArrayList<>();
    private final Map<ActionKind, HealingAction> actions = new EnumMap<>(ActionKind.class);
    private final TestClock clock;

    FakeTarget(TestClock clock) {
        this.clock = clock;
    }

    static UptimeReading fast() {
        return UptimeReading.up(List.of(Duration.ofMillis(150)), "HTTP 200 in 150 ms");
    }

    static UptimeReading slow() {
        return UptimeReading.up(List.of(Duration.ofSeconds(20)), "HTTP 200 in 20000 ms");
    }

    static UptimeReading down() {
        return UptimeReading.down(List.of(), "connection refused");
    }

    FakeTarget crash() {
        deployment = DeploymentResult.failure(1, "boom", Duration.ofSeconds(2));
        return this;
    }

    void fixAll() {
        deployment = DeploymentResult.success(Duration.ofSeconds(2));
        uptime = fast();
        data = Optional.empty();
    }

    /** Allows {@code kind}: running it takes {@code took} on the clock, applies {@code effect} and reports success. */
    FakeTarget allow(ActionKind kind, Duration took, Consumer<FakeTarget> effect) {
        actions.put(kind, new HealingAction() {
            @Override
            public ActionKind kind() {
                return kind;
            }

            @Override
            public ActionResult execute() {
                executed.add(kind);
                clock.advance(took);
                effect.accept(FakeTarget.this);
                return ActionResult.succeeded(took, "ran " + kind.id());
            }
        });
        return this;
    }

    /** Allows {@code kind} as an action that changes nothing. */
    FakeTarget allowNoop(ActionKind kind) {
        return allow(kind, Duration.ofSeconds(1), t -> { });
    }

    void mask(ActionKind kind) {
        actions.remove(kind);
    }

    @Override
    public DeploymentResult lastDeployment() {
        return deployment;
    }

    @Override
    public UptimeReading probe() {
        return uptime;
    }

    @Override
    public Optional<Finding> checkData() {
        return data;
    }

    @Override
    public Duration latencyThreshold() {
        return threshold;
    }

    @Override
    public Map<ActionKind, HealingAction> actions() {
        return new EnumMap<>(actions);
    }
}
