package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** Declaration of workflow-api 1384.vdc05a_48f535f {@code org.jenkinsci.plugins.workflow.actions.PersistentAction} (compile-only, never packaged). */
public interface PersistentAction extends Action {
}
