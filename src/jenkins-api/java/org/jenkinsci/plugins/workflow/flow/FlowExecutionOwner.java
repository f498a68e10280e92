package org.jenkinsci.plugins.workflow.flow;

import java.io.IOException;
import java.io.Serializable;

/** Declaration of workflow-api 1384.vdc05a_48f535f {@code org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner} (compile-only, never packaged). */
public abstract class FlowExecutionOwner implements Serializable {
    public FlowExecutionOwner() {
    }

    public abstract FlowExecution get() throws IOException;

    /** {@code org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner$Executable} (its real supertype Queue$Executable is left out). */
    public interface Executable {
        FlowExecutionOwner asFlowExecutionOwner();
    }
}
