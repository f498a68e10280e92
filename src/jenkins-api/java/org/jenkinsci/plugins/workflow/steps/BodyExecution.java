package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.concurrent.Future;

/** Declaration of workflow-step-api 706.v518c5dcb_24c0 {@code org.jenkinsci.plugins.workflow.steps.BodyExecution} (compile-only, never packaged). */
public abstract class BodyExecution implements Future<Object>, Serializable {
    public BodyExecution() {
    }
}
