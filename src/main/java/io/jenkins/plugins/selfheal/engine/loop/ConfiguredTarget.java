package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.detect.LatencyDetector;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.heal.CommandRunner;
import io.jenkins.plugins.selfheal.engine.heal.HealingAction;
import io.jenkins.plugins.selfheal.engine.heal.LatencyThreshold;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeProbe;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A real deployment as a job configures it: what is not configured is masked. Retry needs a way
 * to deploy again, restore/restart need their commands, adjusting needs a health check with room
 * below the threshold's bound; escalating is always possible.
 */
public final class ConfiguredTarget implements DeploymentTarget {
    private final Optional<DeploymentRunner> redeploy;
    private final CommandRunner commands;
    private final Optional<String> rollbackCommand;
    private final Optional<String> restartCommand;
    private final Optional<UptimeProbe> probe;
    private final DataCheck data;
    private final LatencyThreshold threshold;
    private final Runnable onEscalate;
    private DeploymentResult lastDeployment;

    private ConfiguredTarget(Builder b) {
        this.lastDeployment = Objects.requireNonNull(b.firstDeployment, "firstDeployment");
        this.redeploy = Optional.ofNullable(b.redeploy);
        this.commands = b.commands;
        this.rollbackCommand = blankToEmpty(b.rollbackCommand);
        this.restartCommand = blankToEmpty(b.restartCommand);
        this.probe = Optional.ofNullable(b.probe);
        this.data = b.data;
        this.threshold = new LatencyThreshold(b.baseThreshold, b.currentThreshold, b.onThresholdRelaxed);
        this.onEscalate = b.onEscalate;
    }

    public static Builder builder(DeploymentResult firstDeployment) {
        return new Builder(firstDeployment);
    }

    @Override
    public DeploymentResult lastDeployment() {
        return lastDeployment;
    }

    @Override
    public UptimeReading probe() throws InterruptedException {
        return probe.isPresent() ? probe.get().probe() : UptimeReading.up(List.of(), "no health check configured");
    }

    @Override
    public Optional<Finding> checkData() throws IOException, InterruptedException {
        return data.check();
    }

    @Override
    public Duration latencyThreshold() {
        return threshold.current();
    }

    @Override
    public Map<ActionKind, HealingAction> actions() {
        Map<ActionKind, HealingAction> actions = new EnumMap<>(ActionKind.class);
        redeploy.ifPresent(runner -> actions.put(ActionKind.RETRY_DEPLOYMENT, new Action(ActionKind.RETRY_DEPLOYMENT, () -> {
            lastDeployment = runner.deploy();
            return new ActionResult(lastDeployment.succeeded(), lastDeployment.duration(),
                    lastDeployment.succeeded() ? "deployment succeeded" : "deployment failed: " + lastDeployment.message());
        })));
        rollbackCommand.ifPresent(command -> actions.put(ActionKind.RESTORE_PREVIOUS_VERSION,
                new Action(ActionKind.RESTORE_PREVIOUS_VERSION, () -> commands.run(command).toOutcome(command))));
        if (probe.isPresent() && threshold.canRelax()) {
            actions.put(ActionKind.ADJUST_THRESHOLDS, new Action(ActionKind.ADJUST_THRESHOLDS, () -> threshold.relax(Duration.ZERO)));
        }
        restartCommand.ifPresent(command -> actions.put(ActionKind.RESTART_SERVICE,
                new Action(ActionKind.RESTART_SERVICE, () -> commands.run(command).toOutcome(command))));
        actions.put(ActionKind.ESCALATE, new Action(ActionKind.ESCALATE, () -> {
            onEscalate.run();
            return ActionResult.succeeded(Duration.ZERO, "handed over to a person");
        }));
        return actions;
    }

    private static Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private interface Body {
        ActionResult run() throws InterruptedException;
    }

    private record Action(ActionKind kind, Body body) implements HealingAction {
        @Override
        public ActionResult execute() throws InterruptedException {
            return body.run();
        }
    }

    /** What a job configured; everything but the first deployment is optional. */
    public static final class Builder {
        private final DeploymentResult firstDeployment;
        private DeploymentRunner redeploy;
        private CommandRunner commands = command -> {
            throw new IllegalStateException("no command runner configured");
        };
        private String rollbackCommand;
        private String restartCommand;
        private UptimeProbe probe;
        private DataCheck data = DataCheck.NONE;
        private Duration baseThreshold = LatencyDetector.DEFAULT_THRESHOLD;
        private Duration currentThreshold = LatencyDetector.DEFAULT_THRESHOLD;
        private Consumer<Duration> onThresholdRelaxed = d -> { };
        private Runnable onEscalate = () -> { };

        private Builder(DeploymentResult firstDeployment) {
            this.firstDeployment = firstDeployment;
        }

        public Builder redeployWith(DeploymentRunner runner) {
            this.redeploy = runner;
            return this;
        }

        public Builder commands(CommandRunner runner, String rollback, String restart) {
            this.commands = Objects.requireNonNull(runner);
            this.rollbackCommand = rollback;
            this.restartCommand = restart;
            return this;
        }

        public Builder probe(UptimeProbe uptimeProbe) {
            this.probe = uptimeProbe;
            return this;
        }

        public Builder data(DataCheck check) {
            this.data = Objects.requireNonNull(check);
            return this;
        }

        /** @param current the threshold in force (a previous {@code adjust_thresholds} may have relaxed it) */
        public Builder latencyThreshold(Duration base, Duration current, Consumer<Duration> onRelaxed) {
            this.baseThreshold = base;
            this.currentThreshold = current;
            this.onThresholdRelaxed = Objects.requireNonNull(onRelaxed);
            return this;
        }

        public Builder onEscalate(Runnable action) {
            this.onEscalate = Objects.requireNonNull(action);
            return this;
        }

        public ConfiguredTarget build() {
            return new ConfiguredTarget(this);
        }
    }
}
