package hudson;

import hudson.model.TaskListener;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Declaration of Jenkins 2.516.2 {@code hudson.Launcher} (compile-only, never packaged). */
public abstract class Launcher {
    private Launcher() {
    }

    public final ProcStarter launch() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    /** {@code hudson.Launcher$ProcStarter}. */
    public static final class ProcStarter {
        private ProcStarter() {
        }

        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("compile-only declaration");
        }

        public ProcStarter pwd(FilePath workDir) {
            throw new UnsupportedOperationException("compile-only declaration");
        }

        public ProcStarter envs(Map<String, String> overrides) {
            throw new UnsupportedOperationException("compile-only declaration");
        }

        public ProcStarter stdout(TaskListener out) {
            throw new UnsupportedOperationException("compile-only declaration");
        }

        public int join() throws IOException, InterruptedException {
            throw new UnsupportedOperationException("compile-only declaration");
        }
    }
}
