package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.Item} (compile-only, never packaged). */
public interface Item extends AccessControlled {
    /** An object constant: {@code null} here is never inlined; the real value is used at run time. */
    Permission BUILD = null;

    Permission CONFIGURE = null;

    Permission READ = null;
}
