package org.jenkinsci.plugins.workflow.steps;

/** Declaration of workflow-step-api 706.v518c5dcb_24c0 {@code org.jenkinsci.plugins.workflow.steps.BodyInvoker} (compile-only, never packaged). */
public abstract class BodyInvoker {
    public BodyInvoker() {
    }

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public abstract BodyExecution start();
}
