package io.jenkins.plugins.selfheal.engine.uptime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One measurement of the service: UP/DOWN, the response time of every probe request (empty when
 * nothing answered) and a detail a person can read ("HTTP 200 from https://…", "connection refused").
 * Serializable: a probe on an agent sends it back whole.
 */
public record UptimeReading(UptimeStatus status, List<Duration> latencies, String detail) implements java.io.Serializable {
    public UptimeReading {
        Objects.requireNonNull(status, "status");
        latencies = List.copyOf(latencies);
        detail = detail == null ? "" : detail;
    }

    public static UptimeReading up(List<Duration> latencies, String detail) {
        return new UptimeReading(UptimeStatus.UP, latencies, detail);
    }

    public static UptimeReading down(List<Duration> latencies, String detail) {
        return new UptimeReading(UptimeStatus.DOWN, latencies, detail);
    }

    public boolean isUp() {
        return status == UptimeStatus.UP;
    }
}
