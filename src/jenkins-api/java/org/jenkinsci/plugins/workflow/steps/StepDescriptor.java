package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Declaration of workflow-step-api 706.v518c5dcb_24c0 {@code org.jenkinsci.plugins.workflow.steps.StepDescriptor} (compile-only, never packaged). */
public abstract class StepDescriptor extends Descriptor<Step> {
    public StepDescriptor() {
    }

    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
