package hudson.model;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.Job} (compile-only, never packaged). */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    private Job() {
    }
}
