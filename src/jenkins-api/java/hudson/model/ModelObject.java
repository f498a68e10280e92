package hudson.model;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.ModelObject} (compile-only, never packaged). */
public interface ModelObject {
    String getDisplayName();
}
