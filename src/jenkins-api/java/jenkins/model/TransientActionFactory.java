package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;

import java.util.Collection;

/** Declaration of Jenkins 2.516.2 {@code jenkins.model.TransientActionFactory} (compile-only, never packaged). */
public abstract class TransientActionFactory<T> implements ExtensionPoint {
    public TransientActionFactory() {
    }

    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public abstract Collection<? extends Action> createFor(T target);
}
