package org.jenkinsci.plugins.workflow.flow;

import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/** Declaration of workflow-api 1384.vdc05a_48f535f {@code org.jenkinsci.plugins.workflow.flow.FlowExecution} (compile-only, never packaged). */
public abstract class FlowExecution {
    public FlowExecution() {
    }

    public ListenableFuture<List<StepExecution>> getCurrentExecutions(boolean innerMostOnly) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
