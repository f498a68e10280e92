package org.jenkinsci.plugins.workflow.steps;

/** Declaration of workflow-step-api 706.v518c5dcb_24c0 {@code org.jenkinsci.plugins.workflow.steps.FlowInterruptedException} (compile-only, never packaged). */
public final class FlowInterruptedException extends InterruptedException {
    private FlowInterruptedException() {
    }
}
