package hudson.model;

import hudson.security.AccessControlled;
import java.io.IOException;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.Run} (compile-only, never packaged). */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements AccessControlled {
    private Run() {
    }

    public Result getResult() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
