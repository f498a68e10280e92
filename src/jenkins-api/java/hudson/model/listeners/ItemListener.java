package hudson.model.listeners;

import hudson.ExtensionPoint;
import hudson.model.Item;

/** Declaration of Jenkins 2.516.2 {@code hudson.model.listeners.ItemListener} (compile-only, never packaged). */
public class ItemListener implements ExtensionPoint {
    public ItemListener() {
    }

    public void onDeleted(Item item) {
    }

    public void onLocationChanged(Item item, String oldFullName, String newFullName) {
    }
}
