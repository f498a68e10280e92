package hudson.model;

import java.io.PrintStream;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.TaskListener} (compile-only, never packaged). */
public interface TaskListener {
    PrintStream getLogger();
}
