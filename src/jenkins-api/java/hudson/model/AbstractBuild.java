package hudson.model;

/**
 * Declaration of Jenkins 2.516.2 {@code hudson.model.AbstractBuild} (compile-only, never packaged):
 * the type only (its supertypes, e.g. {@code Run}, are left out: the plugin only names it).
 */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> {
    private AbstractBuild() {
    }
}
