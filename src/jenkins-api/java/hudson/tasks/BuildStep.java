package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.BuildListener;
import java.io.IOException;
import java.util.Collection;

/**
 * Declaration of Jenkins 2.516.2 {@code hudson.tasks.BuildStep} (compile-only, never packaged).
 * Its real abstract methods are all declared (the plugin implements it through SimpleBuildStep);
 * BuildStepCompatibilityLayer implements them.
 */
public interface BuildStep {
    boolean prebuild(AbstractBuild<?, ?> build, BuildListener listener);

    boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException;

    Action getProjectAction(AbstractProject<?, ?> project);

    Collection<? extends Action> getProjectActions(AbstractProject<?, ?> project);

    default BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
