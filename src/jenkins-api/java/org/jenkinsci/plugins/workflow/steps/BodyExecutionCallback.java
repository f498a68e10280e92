package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Declaration of workflow-step-api 706.v518c5dcb_24c0 {@code org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback} (compile-only, never packaged). */
public abstract class BodyExecutionCallback implements Serializable {
    public BodyExecutionCallback() {
    }

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}
