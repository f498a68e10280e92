package hudson.model;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.Api} (compile-only, never packaged). */
public class Api {
    public Api(Object bean) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
