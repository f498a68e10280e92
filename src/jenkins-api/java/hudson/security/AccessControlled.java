package hudson.security;

import org.springframework.security.access.AccessDeniedException;

/** Declaration of Jenkins 2.516.2 {@code hudson.security.AccessControlled} (compile-only, never packaged). */
public interface AccessControlled {
    default void checkPermission(Permission p) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    default boolean hasPermission(Permission p) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
