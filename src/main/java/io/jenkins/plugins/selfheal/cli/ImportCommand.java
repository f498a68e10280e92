package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.store.SeedQTableCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code import --policy FILE SOURCE}: replaces the policy's table with a policy JSON export or the
 * original simulation's {@code rl_log.csv}. The source is validated before anything changes.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Replace a policy's Q-table with a policy JSON or an original rl_log.csv.")
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "Policy file to write.")
    Path policy;

    @Parameters(paramLabel = "SOURCE", description = "A .json policy export or a .csv Q-table (rl_log.csv).")
    Path source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("SOURCE: file not found: " + source);
        }
        PolicyStore store = PolicyFiles.open(policy, spec);
        String by = System.getProperty("user.name");
        Policy imported;
        if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            try (Reader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
                imported = store.importTable(SeedQTableCsv.read(reader, source.toString()), source.toString(), by);
            }
        } else {
            imported = store.importDocument(Files.readAllBytes(source), source.toString(), by);
        }
        spec.commandLine().getOut().println("[self-heal] imported " + imported.table().size() + " states from " + source
                + " into " + policy);
        return SelfHealCli.HEALED;
    }
}
