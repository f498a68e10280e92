package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;

/** Runs the deployment (the step's body, or a {@code deploy} command); a retry runs it again. */
@FunctionalInterface
public interface DeploymentRunner {
    DeploymentResult deploy() throws InterruptedException;
}
