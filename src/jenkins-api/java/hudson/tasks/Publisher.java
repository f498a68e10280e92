package hudson.tasks;

import hudson.model.Describable;

/** Declaration of Jenkins 2.516.2 {@code hudson.tasks.Publisher} (compile-only, never packaged). */
public abstract class Publisher extends BuildStepCompatibilityLayer implements Describable<Publisher> {
    protected Publisher() {
    }
}
