package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.view.ViewJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the job's Self-Heal page can do with the job's policy, and which permission each needs:
 * viewing needs Item.READ; reset, import and restoring a backup need Item.CONFIGURE. Jenkins-free:
 * the page supplies an {@link Authorizer} that checks the job's permissions.
 */
public final class PolicyAdmin {
    /** Operations on a job's policy, with the job permission each needs. */
    public enum Operation {
        VIEW(false), RESET(true), IMPORT(true), RESTORE(true);

        private final boolean changesPolicy;

        Operation(boolean changesPolicy) {
            this.changesPolicy = changesPolicy;
        }

        /** True: needs Item.CONFIGURE (and a POST); false: Item.READ is enough. */
        public boolean needsConfigure() {
            return changesPolicy;
        }
    }

    /** Throws (Jenkins: AccessDeniedException) when the current user may not do {@code operation}. */
    @FunctionalInterface
    public interface Authorizer {
        void require(Operation operation);
    }

    private final PolicyStore store;
    private final Authorizer authorizer;

    public PolicyAdmin(PolicyStore store, Authorizer authorizer) {
        this.store = store;
        this.authorizer = authorizer;
    }

    /** The view document the page and the CLI report draw. */
    public byte[] viewJson() throws IOException {
        authorizer.require(Operation.VIEW);
        return ViewJson.of(store);
    }

    /**
     * Streams the episode log, every episode since the policy began: its compressed segments, then the hot
     * file (what {@code episodes.jsonl} downloads, never read whole). Nothing is written when there is no log.
     */
    public void writeEpisodeLog(java.io.OutputStream out) throws IOException {
        authorizer.require(Operation.VIEW);
        if (store.exists()) {
            store.writeLog(out);
        }
    }

    /** The policy document, as {@code policy.json} downloads it (the import format). */
    public byte[] policyJson() throws IOException {
        authorizer.require(Operation.VIEW);
        return store.export();
    }

    /** Starts the policy over; the old one stays as a backup that {@link #restore} can bring back. */
    public Path reset(String by, boolean confirmed) throws IOException {
        authorizer.require(Operation.RESET);
        if (!confirmed) {
            throw new IllegalArgumentException("confirm: tick the box to confirm the reset");
        }
        return store.reset(by);
    }

    /** Replaces the table with an uploaded policy JSON, validated first (nothing changes on error). */
    public Policy importJson(String json, String by) throws IOException {
        authorizer.require(Operation.IMPORT);
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("policy: choose or paste a policy JSON file");
        }
        return store.importDocument(json.getBytes(StandardCharsets.UTF_8), "uploaded policy", by);
    }

    /** Brings back a backup kept by a reset (or a recovery), by its file name. */
    public Policy restore(String backupName, String by) throws IOException {
        authorizer.require(Operation.RESTORE);
        Path backup = store.backups().stream().filter(p -> p.getFileName().toString().equals(backupName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("backup: no backup named '" + backupName + "'"));
        return store.importDocument(Files.readAllBytes(backup), backup.getFileName().toString(), by);
    }

    /** Backup file names, newest first. */
    public List<String> backups() throws IOException {
        authorizer.require(Operation.VIEW);
        return store.backups().stream().map(p -> p.getFileName().toString()).sorted(java.util.Comparator.reverseOrder()).toList();
    }
}
