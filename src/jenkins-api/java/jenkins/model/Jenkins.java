package jenkins.model;

import org.springframework.security.core.Authentication;

/** Declaration of Jenkins 2.516.2 {@code jenkins.model.Jenkins} (compile-only, never packaged). */
public class Jenkins {
    private Jenkins() {
    }

    public static Authentication getAuthentication2() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
