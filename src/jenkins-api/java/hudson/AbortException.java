package hudson;

import java.io.IOException;

/** Declaration of Jenkins 2.516.2 {@code hudson.AbortException} (compile-only, never packaged). */
public class AbortException extends IOException {
    public AbortException() {
    }

    public AbortException(String message) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
