package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.store.SeedQTableCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code import --policy FILE SOURCE}: replaces the policy's table with a policy JSON export or the
 * original simulation's {@code rl_log.csv}. The source is validated before anything changes; the
 * replaced policy is kept as a backup and the logs folder's {@code rl_log.csv} refreshed.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Replace a policy's Q-table with a policy JSON or an original rl_log.csv.")
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "Policy file to write.")
    Path policy;

    @Option(names = "--logs", paramLabel = "DIR",
            description = "Log folder whose rl_log.csv is refreshed (default: the policy file's folder).")
    Path logs;

    @Parameters(paramLabel = "SOURCE", description = "A .json policy export or a .csv Q-table (rl_log.csv).")
    Path source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("SOURCE: file not found: " + source);
        }
        PolicyStore store = PolicyAccess.open(policy, spec);
        PolicyReplacement replacement = new PolicyReplacement(store, logs == null ? PolicyReplacement.defaultLogs(policy) : logs);
        String by = System.getProperty("user.name");
        byte[] bytes = Files.readAllBytes(source);
        String text = utf8(bytes);
        Policy imported;
        if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            imported = store.importTable(SeedQTableCsv.read(new StringReader(text), source.toString()), source.toString(), by);
        } else {
            imported = store.importDocument(bytes, source.toString(), by);
        }
        replacement.done(imported, "imported " + source, spec.commandLine().getOut());
        return SelfHealCli.OK;
    }

    /** The source as text: a policy export and a Q-table CSV are UTF-8 (binary input is named as such). */
    private String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("SOURCE " + source + ": not a UTF-8 text file (binary?); expected a policy "
                    + "export (.json) or the original's rl_log.csv");
        }
    }
}
