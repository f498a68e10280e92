package io.jenkins.plugins.selfheal.engine.sim;

/** The simulated service's timings, shared by every simulation (the CLI's deployment, training, injected faults). */
public final class SimulatedLatency {
    /** A healthy answer. */
    public static final long NORMAL_MS = 150;
    /** An injected or simulated latency problem: far above the default threshold. */
    public static final long SLOW_MS = 20_000;
    /** How long a (re)deployment takes. */
    public static final long DEPLOY_MS = 2000;

    private SimulatedLatency() {
    }
}
