package hudson.tasks;

import hudson.ExtensionPoint;

/** Declaration of Jenkins 2.516.2 {@code hudson.tasks.Recorder} (compile-only, never packaged). */
public abstract class Recorder extends Publisher implements ExtensionPoint {
    protected Recorder() {
    }
}
