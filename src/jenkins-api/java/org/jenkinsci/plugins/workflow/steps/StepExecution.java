package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Declaration of workflow-step-api 706.v518c5dcb_24c0 {@code org.jenkinsci.plugins.workflow.steps.StepExecution} (compile-only, never packaged). */
public abstract class StepExecution implements Serializable {
    protected StepExecution(StepContext context) {
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void onResume() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public String getStatus() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
