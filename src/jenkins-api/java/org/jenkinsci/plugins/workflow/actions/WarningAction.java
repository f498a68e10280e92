package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

/** Declaration of workflow-api 1384.vdc05a_48f535f {@code org.jenkinsci.plugins.workflow.actions.WarningAction} (compile-only, never packaged). */
public class WarningAction implements PersistentAction {
    public WarningAction(Result result) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public String getMessage() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
