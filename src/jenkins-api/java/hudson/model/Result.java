package hudson.model;

import java.io.Serializable;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.Result} (compile-only, never packaged). */
public final class Result implements Serializable {
    /** Object constants: {@code null} here is never inlined; the real values are used at run time. */
    public static final Result UNSTABLE = null;
    public static final Result FAILURE = null;

    private Result() {
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
