package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.PolicyFormatException;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/** Opens the policy file a subcommand's {@code --policy} names, with store warnings on standard error. */
final class PolicyAccess {
    private PolicyAccess() {
    }

    static PolicyStore open(Path policy, CommandSpec spec) {
        return new PolicyStore(policy, policy.getFileName().toString(), Clock.systemUTC(),
                w -> spec.commandLine().getErr().println("self-heal: warning: " + w));
    }

    /**
     * A damaged policy document is rebuilt from its episode log; with no log (or an empty one) there
     * is nothing to rebuild from, and reading would start over from zero: that is bad input instead,
     * and the file is left where it is.
     */
    static void requireRebuildable(PolicyStore store) throws IOException {
        Path policy = store.policyFile();
        Path log = store.episodeLog();
        if (!Files.isRegularFile(policy) || (Files.isRegularFile(log) && Files.size(log) > 0)) {
            return;
        }
        try {
            PolicyJson.readDocument(Files.readAllBytes(policy), policy.getFileName().toString());
        } catch (PolicyFormatException e) {
            throw new IllegalArgumentException("--policy " + policy + ": " + e.getMessage() + "; there is no episode log ("
                    + log.getFileName() + ") to rebuild it from, so the file is left as it is: bring back a backup with "
                    + "`restore --policy " + policy + "`, or move it away to start over");
        }
    }

    /**
     * For commands that only read: the policy as a run would read it (the document plus its log,
     * repaired the same way), from copies in a temporary folder, so nothing beside the policy changes.
     * Warnings name the real files. A policy with neither a document nor a log is bad input.
     */
    static ReadOnly readOnly(Path policy, CommandSpec spec) throws IOException {
        PolicyStore real = open(policy, spec);
        if (!Files.exists(real.policyFile()) && !Files.exists(real.episodeLog())) {
            throw new IllegalArgumentException("--policy: file not found: " + policy + " (and no episode log "
                    + real.episodeLog().getFileName() + " beside it)");
        }
        requireRebuildable(real);
        Path temp = Files.createTempDirectory("self-heal-read");
        try {
            real.copyFilesTo(temp); // the log's segments too
        } catch (IOException e) {
            delete(temp);
            throw e;
        }
        String tempName = temp.resolve(policy.getFileName()).toString();
        String realDir = policy.toAbsolutePath().getParent().toString();
        PolicyStore copy = new PolicyStore(temp.resolve(policy.getFileName()), policy.getFileName().toString(),
                Clock.systemUTC(), w -> spec.commandLine().getErr().println("self-heal: warning: "
                + w.replace(tempName, policy.toString()).replace(temp.toString(), realDir)));
        return new ReadOnly(copy, temp);
    }

    /** A store on temporary copies of a policy's files; closing deletes them. */
    record ReadOnly(PolicyStore store, Path folder) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            delete(folder);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
