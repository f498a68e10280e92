package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.io.IOException;
import java.nio.file.Path;

/** Administration of a policy: reset, import and export, each one update of its store, keeping backups. */
final class PolicyMaintenance {
    private final PolicyStore store;
    private final PolicyLoader loader;

    PolicyMaintenance(PolicyStore store, PolicyLoader loader) {
        this.store = store;
        this.loader = loader;
    }

    /** Starts the policy over, keeping the old document as a backup file; returns the backup. */
    Path reset(String by) throws IOException {
        return store.update(policy -> {
            Path backup = loader.files().backupPath("reset");
            AtomicFiles.write(backup, PolicyJson.write(PolicyDocument.of(policy), true));
            String generation = PolicyDocument.newGeneration();
            policy.replaceTable(new QTable(), generation,
                    new LogEntry.ResetEntry(loader.clock().instant().toString(), generation, by, backup.getFileName().toString()));
            policy.countEpisodes(0);
            return backup;
        });
    }

    /** Replaces the table with a validated document (an export, or a backup being restored). */
    Policy importDocument(byte[] json, String source, String by) throws IOException {
        Policy imported = PolicyJson.readDocument(json, source).toPolicy(source, loader.key());
        return importTable(imported.table(), source, by);
    }

    /**
     * Replaces the table with an imported one (e.g. the original simulation's rl_log.csv); a policy
     * that had learned anything is kept first as a backup ({@code .import-…}), as a reset keeps one.
     */
    Policy importTable(QTable table, String source, String by) throws IOException {
        return store.update(policy -> {
            if (policy.table().size() > 0 || policy.episodes() > 0) {
                AtomicFiles.write(loader.files().backupPath("import"), PolicyJson.write(PolicyDocument.of(policy), true));
            }
            String generation = PolicyDocument.newGeneration();
            Policy snapshot = new Policy(policy.key(), generation, policy.parameters(), policy.rewards(), table.copy(),
                    0, null, loader.clock().instant());
            policy.replaceTable(table.copy(), generation, new LogEntry.ImportEntry(loader.clock().instant().toString(), generation,
                    by, source, PolicyDocument.of(snapshot)));
            policy.countEpisodes(0);
            return policy;
        });
    }

    byte[] export() throws IOException {
        return PolicyJson.write(PolicyDocument.of(store.read()), true);
    }
}
