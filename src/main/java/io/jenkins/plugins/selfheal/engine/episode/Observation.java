package io.jenkins.plugins.selfheal.engine.episode;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.util.Optional;

/** What one check saw: the first finding (if any), the uptime reading, and the state they form. */
public record Observation(Optional<Finding> finding, UptimeReading uptime, String state) {
    public boolean healthy() {
        return finding.isEmpty();
    }

    /** The finding's reason, or a healthy summary. */
    public String reason() {
        return finding.map(Finding::reason).orElse("no problem found (" + uptime.detail() + ")");
    }

    public String failure() {
        return finding.map(Finding::failure).orElse(Finding.NO_FAILURE);
    }
}
