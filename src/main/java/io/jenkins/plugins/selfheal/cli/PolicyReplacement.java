package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code import} and {@code restore} share: the checks before, and after the table is replaced
 * the backup the store kept of the old policy and a fresh {@code rl_log.csv} in the logs folder.
 */
final class PolicyReplacement {
    private final PolicyStore store;
    private final SeedLogs logs;
    private final List<Path> backupsBefore;

    /** Checks the policy and logs folder take writes, and notes the backups there are now. */
    PolicyReplacement(PolicyStore store, Path logsDir) throws IOException {
        Path policy = store.policyFile();
        RunPreflight.writableFolder("--policy", policy.toAbsolutePath().getParent());
        RunPreflight.writableFiles("--policy", List.of(policy, store.episodeLog()));
        RunPreflight.writableFolder("--logs", logsDir);
        RunPreflight.writableFiles("--logs", List.of(logsDir.resolve(QTableLog.FILE), logsDir.resolve(QTableLog.SIDECAR),
                logsDir.resolve(QTableLog.KEPT)));
        this.store = store;
        this.logs = new SeedLogs(logsDir, java.time.Clock.systemDefaultZone());
        this.backupsBefore = store.backups();
    }

    /** The logs folder a policy's commands refresh by default: the policy's own (a run's default layout). */
    static Path defaultLogs(Path policy) {
        Path parent = policy.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** After the replacement: says where the old policy and the old rl_log.csv are kept. */
    void done(Policy replaced, String what, PrintWriter out) throws IOException {
        List<Path> kept = new ArrayList<>(store.backups());
        kept.removeAll(backupsBefore);
        Optional<Path> oldTable = logs.refreshQTable(store.read().table());
        out.println("[self-heal] " + what + ": " + replaced.table().size() + " states in " + store.policyFile());
        out.println("[self-heal] " + (kept.isEmpty() ? "the policy had learned nothing: no backup kept"
                : "the policy it replaced is kept as " + kept.get(0).getFileName() + " (`restore` brings it back)"));
        out.println("[self-heal] refreshed " + logs.dir().resolve(QTableLog.FILE)
                + oldTable.map(p -> " (the file this CLI had not written is kept as " + p.getFileName() + ")").orElse(""));
        out.flush();
    }
}
