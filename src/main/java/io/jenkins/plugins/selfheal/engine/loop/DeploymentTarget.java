package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.HealingAction;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which the loop sees and acts on a deployment: implemented by the CLI's
 * simulation, the learning simulator and the Jenkins step. Everything is read afresh on each call,
 * so the loop observes the effect of every action.
 */
public interface DeploymentTarget {
    /** The outcome of the latest deployment (the first one, or the one a retry ran). */
    DeploymentResult lastDeployment();

    /** Measures UP/DOWN and response times now. */
    UptimeReading probe() throws InterruptedException;

    /** Checks the data the deployment changed; empty when there is no data set or nothing is wrong. */
    Optional<Finding> checkData() throws IOException, InterruptedException;

    /** The latency threshold in force now (an {@code adjust_thresholds} action may have relaxed it). */
    Duration latencyThreshold();

    /** The actions this environment can perform now; the kinds missing are masked. */
    Map<ActionKind, HealingAction> actions();
}
