package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code export --policy FILE [--out FILE]}: the policy as JSON, to standard output or a file; read-only. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write a policy as JSON (the import format).")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "Policy file to export.")
    Path policy;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            RunPreflight.writableFolder("--out", out.toAbsolutePath().getParent());
            RunPreflight.writableFiles("--out", java.util.List.of(out));
        }
        byte[] json;
        try (PolicyAccess.ReadOnly copy = PolicyAccess.readOnly(policy, spec)) {
            json = copy.store().export();
        }
        if (out == null) {
            spec.commandLine().getOut().print(new String(json, StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(out, json);
        }
        return SelfHealCli.OK;
    }
}
