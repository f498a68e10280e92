package hudson;

/** Declaration of Jenkins 2.516.2 {@code hudson.ExtensionList} (compile-only, never packaged). */
public class ExtensionList<T> {
    private ExtensionList() {
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
