package hudson.model;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.Describable} (compile-only, never packaged). */
public interface Describable<T extends Describable<T>> {
}
