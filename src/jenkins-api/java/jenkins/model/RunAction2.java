package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Declaration of Jenkins 2.516.2 {@code jenkins.model.RunAction2} (compile-only, never packaged). */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
