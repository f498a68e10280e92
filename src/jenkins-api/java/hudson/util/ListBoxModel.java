package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** Declaration of Jenkins 2.516.2 {@code hudson.util.ListBoxModel} (compile-only, never packaged). */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    public ListBoxModel() {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    /** {@code hudson.util.ListBoxModel$Option}. */
    public static final class Option {
        private Option() {
        }
    }
}
