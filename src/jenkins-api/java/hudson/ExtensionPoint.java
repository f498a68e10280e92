package hudson;

/** Declaration of Jenkins 2.516.2 {@code hudson.ExtensionPoint} (compile-only, never packaged). */
public interface ExtensionPoint {
}
