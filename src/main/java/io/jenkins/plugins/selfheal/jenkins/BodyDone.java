package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.time.Duration;

/** Turns the end of a body run (the deployment) into deployment evidence for the step. */
final class BodyDone extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;
    private final SelfHealStepExecution execution;

    BodyDone(SelfHealStepExecution execution) {
        this.execution = execution;
    }

    @Override
    public void onSuccess(StepContext context, Object result) {
        execution.bodyFinished(DeploymentResult.success(Duration.ZERO));
    }

    @Override
    public void onFailure(StepContext context, Throwable t) {
        if (t instanceof FlowInterruptedException) {
            execution.bodyInterrupted(t); // aborted, not a failed deployment
        } else {
            execution.bodyFinished(DeploymentResult.failure(1, StepSummary.describe(t), Duration.ZERO));
        }
    }
}
