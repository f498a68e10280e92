package hudson.model;

/**
 * Declaration of Jenkins 2.516.2 {@code hudson.model.AbstractProject} (compile-only, never packaged):
 * the type only (its supertypes, e.g. {@code Job}, are left out: the plugin only names it).
 */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> {
    private AbstractProject() {
    }
}
