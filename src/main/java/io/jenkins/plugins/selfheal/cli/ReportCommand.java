package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.AtomicFiles;
import io.jenkins.plugins.selfheal.engine.store.HistorySummary;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.view.ViewDocument;
import io.jenkins.plugins.selfheal.engine.view.ViewDocumentBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code report --policy FILE --out FILE}: one self-contained HTML page with the Q-table, history and recent decisions. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an HTML report of a policy: Q-table heatmap, learning history, recent decisions.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "Policy file to report on.")
    Path policy;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "HTML file to write (replaced atomically).")
    Path out;

    @Option(names = "--recent", paramLabel = "N", defaultValue = "20",
            description = "How many recent decisions to list (default: ${DEFAULT-VALUE}, at most "
                    + HistorySummary.RECENT + "; the episode log beside the policy has them all).")
    int recent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (recent < 0 || recent > HistorySummary.RECENT) {
            throw new IllegalArgumentException("--recent must be between 0 and " + HistorySummary.RECENT + ", was " + recent);
        }
        RunPreflight.writableFolder("--out", out.toAbsolutePath().getParent());
        RunPreflight.writableFiles("--out", java.util.List.of(out));
        ViewDocument document;
        try (PolicyAccess.ReadOnly copy = PolicyAccess.readOnly(policy, spec)) {
            PolicyStore store = copy.store();
            Policy current = store.read();
            document = new ViewDocumentBuilder().recentLimit(recent).build(current, store.summary());
        }
        AtomicFiles.write(out, ReportPage.html(document, policy.toString()).getBytes(StandardCharsets.UTF_8));
        spec.commandLine().getOut().println("[self-heal] wrote " + out + " (" + document.states().size() + " states, "
                + document.history().total() + " episodes)");
        spec.commandLine().getOut().flush();
        return SelfHealCli.OK;
    }
}
