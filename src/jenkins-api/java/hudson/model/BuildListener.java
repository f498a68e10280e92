package hudson.model;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.BuildListener} (compile-only, never packaged). */
public interface BuildListener extends TaskListener {
}
