package io.jenkins.plugins.selfheal.jenkins;

import hudson.Extension;
import hudson.model.AbstractItem;
import hudson.model.Item;
import hudson.model.listeners.ItemListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Drops what Self-Heal keeps in memory per job (its policy store with the cached view, its autonomy ledger,
 * its offline evaluation) when the job goes away: deleted (with its folder), renamed or moved. They are
 * keyed by the policy's path, so without this a controller that creates and deletes jobs for years would
 * keep every store it ever opened.
 */
@Extension
public final class ForgetRemovedJobs extends ItemListener {
    @Override
    public void onDeleted(Item item) {
        if (item instanceof AbstractItem deleted) {
            Path dir = deleted.getRootDir().toPath().toAbsolutePath().normalize();
            forget(file -> file.startsWith(dir));
        }
    }

    /** A renamed or moved job (or one inside a renamed folder) now lives elsewhere; its old folder is gone. */
    @Override
    public void onLocationChanged(Item item, String oldFullName, String newFullName) {
        forget(file -> !Files.isDirectory(file.getParent().getParent())); // <job dir>/self-heal/<file>
    }

    static void forget(Predicate<Path> gone) {
        JobPolicy.forget(gone);
        JobAutonomy.forget(gone);
        JobEvaluation.forget(gone);
    }
}
