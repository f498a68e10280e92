package jenkins.agents;

import hudson.FilePath;

/**
 * Declaration of Jenkins 2.516.2 {@code jenkins.agents.ControllerToAgentFileCallable} (compile-only,
 * never packaged). Its {@code default void checkRoles(RoleChecker)} is left out with RoleSensitive.
 */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
}
