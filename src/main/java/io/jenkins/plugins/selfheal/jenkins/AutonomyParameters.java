package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.autonomy.Autonomy;
import io.jenkins.plugins.selfheal.engine.autonomy.AutonomyGate;
import io.jenkins.plugins.selfheal.engine.autonomy.HealBudget;
import io.jenkins.plugins.selfheal.engine.autonomy.HealMode;

import java.io.Serializable;

/**
 * A step's (or post-build step's) autonomy, caps and mode, resolved once at its start against the
 * global defaults ({@link SelfHealAutonomyConfiguration}) and validated with messages naming the field.
 * Jenkins-free; saved with the Pipeline program (plain fields; a program saved before these existed
 * reads null and gets {@link #DEFAULTS}).
 */
public final class AutonomyParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The global defaults a job's own settings override. */
    public record Defaults(String autonomy, double confidenceThreshold, int maxHealsPerHour, int coolDownMinutes,
                           boolean allowInjectedFailures, boolean learnFromSimulated) {
    }

    /** The built-in global defaults (a fresh Jenkins): ask, threshold 0.8, no caps, no injected failures. */
    public static final Defaults DEFAULTS_ONLY = new Defaults("ask", AutonomyGate.DEFAULT_THRESHOLD, 0, 0, false, false);

    /** Today's behaviour: ask, no caps, act, no injected failures learned. */
    public static final AutonomyParameters DEFAULTS = new AutonomyParameters(Autonomy.ASK, AutonomyGate.DEFAULT_THRESHOLD,
            HealBudget.UNLIMITED, HealMode.ACT, false);

    private final String autonomy;
    private final double threshold;
    private final int maxHealsPerHour;
    private final int coolDownMinutes;
    private final String mode;
    private final boolean learnFromSimulated;

    private AutonomyParameters(Autonomy autonomy, double threshold, HealBudget budget, HealMode mode, boolean learnFromSimulated) {
        this.autonomy = autonomy.id();
        this.threshold = threshold;
        this.maxHealsPerHour = budget.maxPerHour();
        this.coolDownMinutes = (int) budget.coolDown().toMinutes();
        this.mode = mode.id();
        this.learnFromSimulated = learnFromSimulated;
    }

    /**
     * A job's settings (null: the global default) over the defaults.
     *
     * @param simulating whether the step injects a failure ({@code simulate})
     * @throws IllegalArgumentException naming the field: a bad value, or {@code simulate} while injected failures are off
     */
    public static AutonomyParameters resolve(String autonomy, Double threshold, Integer maxHealsPerHour, Integer coolDownMinutes,
                                             String mode, boolean simulating, Defaults defaults) {
        if (simulating && !defaults.allowInjectedFailures()) {
            throw new IllegalArgumentException("simulate: injected failures are off on this Jenkins; an administrator can allow "
                    + "them in Manage Jenkins » System » Self-Heal: autonomy and simulation");
        }
        Autonomy a = Autonomy.parse(HealParameters.text(autonomy).orElse(HealParameters.text(defaults.autonomy()).orElse("ask")));
        double t = AutonomyGate.requireThreshold(threshold != null ? threshold : defaults.confidenceThreshold());
        HealBudget budget = HealBudget.of(maxHealsPerHour != null ? maxHealsPerHour : defaults.maxHealsPerHour(),
                coolDownMinutes != null ? coolDownMinutes : defaults.coolDownMinutes());
        HealMode m = HealMode.parse(HealParameters.text(mode).orElse("act"));
        return new AutonomyParameters(a, t, budget, m, defaults.learnFromSimulated());
    }

    public AutonomyGate.Settings gate() {
        return new AutonomyGate.Settings(Autonomy.parse(autonomy), threshold);
    }

    public HealBudget budget() {
        return HealBudget.of(maxHealsPerHour, coolDownMinutes);
    }

    public HealMode mode() {
        return HealMode.parse(mode);
    }

    public boolean shadow() {
        return mode() == HealMode.SHADOW;
    }

    /** Whether episodes on injected failures teach the job's policy (the administrator's second switch, at the heal's start). */
    public boolean learnFromSimulated() {
        return learnFromSimulated;
    }
}
