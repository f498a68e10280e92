package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

/** Declaration of Jenkins 2.516.2 {@code hudson.FilePath} (compile-only, never packaged). */
public final class FilePath {
    private FilePath() {
    }

    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    /** {@code hudson.FilePath$FileCallable} (its other real supertype, RoleSensitive, is left out). */
    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
