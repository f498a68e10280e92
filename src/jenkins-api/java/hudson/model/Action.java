package hudson.model;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.Action} (compile-only, never packaged). */
public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
