package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Declaration of workflow-step-api 706.v518c5dcb_24c0 {@code org.jenkinsci.plugins.workflow.steps.Step} (compile-only, never packaged). */
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public Step() {
    }

    public abstract StepExecution start(StepContext context) throws Exception;
}
