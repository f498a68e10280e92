package io.jenkins.plugins.selfheal.engine.uptime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Uptime probe for the CLI simulation: reads the simulated service's state instead of sending
 * requests, and never sleeps (a simulated 20000 ms latency is reported, not waited for).
 */
public final class SimulatedUptimeProbe implements UptimeProbe {

    /** What the simulated service looks like right now: up or down, and how slowly it answers. */
    public record ServiceState(boolean up, long latencyMillis) {
        public ServiceState {
            if (latencyMillis < 0) {
                throw new IllegalArgumentException("latencyMillis must be >= 0, got " + latencyMillis);
            }
        }

        public static ServiceState up(long latencyMillis) {
            return new ServiceState(true, latencyMillis);
        }

        public static ServiceState down() {
            return new ServiceState(false, 0);
        }
    }

    private final Supplier<ServiceState> state;

    public SimulatedUptimeProbe(Supplier<ServiceState> state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    @Override
    public UptimeReading probe() {
        ServiceState current = Objects.requireNonNull(state.get(), "simulated service state");
        if (!current.up()) {
            return UptimeReading.down(List.of(), "simulated service is down");
        }
        return UptimeReading.up(List.of(Duration.ofMillis(current.latencyMillis())),
                "simulated service answered in " + current.latencyMillis() + " ms");
    }
}
