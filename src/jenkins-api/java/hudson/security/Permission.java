package hudson.security;

/** Declaration of Jenkins 2.516.2 {@code hudson.security.Permission} (compile-only, never packaged). */
public final class Permission {
    private Permission() {
    }
}
