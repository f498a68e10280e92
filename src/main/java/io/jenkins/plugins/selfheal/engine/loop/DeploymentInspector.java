package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.engine.detect.CrashDetector;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.detect.LatencyDetector;
import io.jenkins.plugins.selfheal.engine.learn.StateNames;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.io.IOException;
import java.util.Optional;

/**
 * Runs the detectors in the original simulation's order, first match wins: data anomaly, crash,
 * (a service DOWN after a deployment that reported success also counts as a deployment failure),
 * then latency. The UP/DOWN suffix of the state is measured now, after the failure.
 */
public final class DeploymentInspector {
    private final CrashDetector crashDetector = new CrashDetector();

    public Observation inspect(DeploymentTarget target) throws IOException, InterruptedException {
        UptimeReading uptime = target.probe();
        Optional<Finding> finding = target.checkData();
        if (finding.isEmpty()) {
            finding = crashDetector.check(target.lastDeployment());
        }
        if (finding.isEmpty() && !uptime.isUp()) {
            finding = Optional.of(Finding.crash("the service is DOWN after the deployment: " + uptime.detail()));
        }
        if (finding.isEmpty()) {
            finding = new LatencyDetector(target.latencyThreshold()).check(uptime.latencies());
        }
        String failure = finding.map(Finding::failure).orElse(Finding.NO_FAILURE);
        return new Observation(finding, uptime, StateNames.of(failure, uptime.status()));
    }
}
