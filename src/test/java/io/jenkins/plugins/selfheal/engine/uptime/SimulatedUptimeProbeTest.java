package io.jenkins.plugins.selfheal.engine.uptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.selfheal.engine.uptime.SimulatedUptimeProbe.ServiceState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulatedUptimeProbeTest {

    @Test
    void reportsTheCurrentSimulatedStateWithoutWaiting() {
        AtomicReference<ServiceState> state = new AtomicReference<>(ServiceState.up(20000));
        SimulatedUptimeProbe probe = new SimulatedUptimeProbe(state::get);

        long start = System.nanoTime();
        UptimeReading slow = probe.probe();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(slow.status()).isEqualTo(UptimeStatus.UP);
        assertThat(slow.latencies()).containsExactly(Duration.ofMillis(20000));
        assertThat(slow.detail()).isEqualTo("simulated service answered in 20000 ms");

        state.set(ServiceState.down());
        UptimeReading down = probe.probe();
        assertThat(down.status()).isEqualTo(UptimeStatus.DOWN);
        assertThat(down.latencies()).isEmpty();
    }

    @Test
    void rejectsNegativeLatency() {
        assertThatThrownBy(() -> ServiceState.up(-1)).hasMessageContaining("latencyMillis");
    }
}
