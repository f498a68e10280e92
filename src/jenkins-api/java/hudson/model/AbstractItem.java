package hudson.model;

import hudson.security.AccessControlled;
import java.io.File;

/**
 * Declaration of Jenkins 2.516.2 {@code hudson.model.AbstractItem} (compile-only, never packaged).
 * The real constructor is {@code protected AbstractItem(ItemGroup, String)}; a package-private one
 * (invisible to the plugin and to {@code javap -protected}) lets the {@link Job} declaration extend it.
 */
public abstract class AbstractItem extends Actionable implements Item, AccessControlled {
    AbstractItem() {
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public final String getFullName() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
