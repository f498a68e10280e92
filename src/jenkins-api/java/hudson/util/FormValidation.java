package hudson.util;

import java.io.IOException;

/** Declaration of Jenkins 2.516.2 {@code hudson.util.FormValidation} (compile-only, never packaged). */
public abstract class FormValidation extends IOException {
    private FormValidation() {
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
