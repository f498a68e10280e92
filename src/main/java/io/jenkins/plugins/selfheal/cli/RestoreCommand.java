package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code restore --policy FILE [BACKUP]}: the job page's Restore. Without BACKUP it lists the backups
 * kept by resets, imports and recoveries, newest first; with one, it brings that policy back (the one
 * it replaces is kept in turn) and refreshes {@code rl_log.csv}.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "List a policy's backups, or bring one back (the current policy is kept as a backup).")
final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "Policy file whose backups to use.")
    Path policy;

    @Option(names = "--logs", paramLabel = "DIR",
            description = "Log folder whose rl_log.csv is refreshed (default: the policy file's folder).")
    Path logs;

    @Parameters(paramLabel = "BACKUP", arity = "0..1", description = "The backup's file name, as listed.")
    String backup;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PolicyStore store = PolicyAccess.open(policy, spec);
        List<Path> backups = store.backups().stream().sorted(Comparator.comparing(RestoreCommand::stamp).reversed()).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (backup == null) {
            if (backups.isEmpty()) {
                out.println("[self-heal] " + policy + " has no backups (a reset, an import or a recovery keeps one)");
            } else {
                out.println("[self-heal] backups of " + policy + ", newest first; bring one back with `restore --policy "
                        + policy + " NAME`:");
                backups.forEach(b -> out.println("  " + b.getFileName()));
            }
            out.flush();
            return SelfHealCli.OK;
        }
        String name = Path.of(backup).getFileName().toString();
        Path chosen = backups.stream().filter(b -> b.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("BACKUP: " + policy + " has no backup named '" + backup + "'"
                        + (backups.isEmpty() ? "" : "; list them with `restore --policy " + policy + "`")));
        PolicyReplacement replacement = new PolicyReplacement(store, logs == null ? PolicyReplacement.defaultLogs(policy) : logs);
        Policy restored = store.importDocument(Files.readAllBytes(chosen), chosen.getFileName().toString(),
                System.getProperty("user.name"));
        replacement.done(restored, "restored " + chosen.getFileName(), out);
        return SelfHealCli.OK;
    }

    /** The time part of a backup's name ({@code policy.json.<why>-<yyyyMMddTHHmmss.SSS>[_NNN].json}). */
    private static String stamp(Path backup) {
        String name = backup.getFileName().toString();
        int dash = name.lastIndexOf('-');
        return dash < 0 ? name : name.substring(dash + 1);
    }
}
