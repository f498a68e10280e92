package hudson.model;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.AbstractDescribableImpl} (compile-only, never packaged). */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    public AbstractDescribableImpl() {
    }
}
