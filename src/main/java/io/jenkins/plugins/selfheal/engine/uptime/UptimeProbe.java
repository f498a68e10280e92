package io.jenkins.plugins.selfheal.engine.uptime;

/** Measures whether the deployed service is up, and how fast it answers. */
@FunctionalInterface
public interface UptimeProbe {
    UptimeReading probe() throws InterruptedException;
}
