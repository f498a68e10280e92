package io.jenkins.plugins.selfheal.engine.uptime;

/** Whether the service answered its health check, as the suffix of a state name. */
public enum UptimeStatus {
    UP,
    DOWN
}
