package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;

/**
 * Declaration of workflow-api 1384.vdc05a_48f535f {@code org.jenkinsci.plugins.workflow.graph.FlowNode} (compile-only, never
 * packaged). {@code addOrReplaceAction} is inherited from {@link Actionable}, as in reality.
 */
public abstract class FlowNode extends Actionable {
    private FlowNode() {
    }

    public String getId() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
