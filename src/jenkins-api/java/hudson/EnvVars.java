package hudson;

import java.util.TreeMap;

/** Declaration of Jenkins 2.516.2 {@code hudson.EnvVars} (compile-only, never packaged). */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
