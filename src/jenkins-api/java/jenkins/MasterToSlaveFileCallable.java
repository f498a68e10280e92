package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Declaration of Jenkins 2.516.2 {@code jenkins.MasterToSlaveFileCallable} (compile-only, never packaged). */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    public MasterToSlaveFileCallable() {
    }
}
