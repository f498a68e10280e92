package hudson.model;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.Actionable} (compile-only, never packaged). */
public abstract class Actionable {
    public Actionable() {
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public <T extends Action> java.util.List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
