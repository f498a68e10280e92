package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.SeedData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process against a scratch folder with copies of the seed data sets (from the test resources). */
final class CliRun {
    final Path dir;
    String stdout = "";
    String stderr = "";
    int exitCode;

    CliRun(Path dir) throws IOException {
        this.dir = dir;
        Path datasets = dir.resolve("dataset");
        Files.createDirectories(datasets);
        for (String name : List.of(SeedData.STUDENTS, SeedData.PATIENTS)) {
            SeedData.copyInto(name, datasets);
        }
    }

    Path dataset(String name) {
        return dir.resolve("dataset").resolve(name);
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path policy() {
        return logs().resolve("policy.json");
    }

    /** Runs with --logs and --dataset defaulted into the scratch folder; {@code input} is standard input. */
    CliRun run(String input, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        boolean subcommand = !all.isEmpty() && List.of("export", "import", "restore", "report", "evaluate").contains(all.get(0));
        if (!subcommand) {
            if (!all.contains("--logs")) {
                all.addAll(List.of("--logs", logs().toString()));
            }
            if (!all.contains("--dataset")) {
                all.addAll(List.of("--dataset", dataset("student_scores.csv").toString()));
            }
            if (!all.contains("--feedback-timeout")) {
                all.addAll(List.of("--feedback-timeout", "2"));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = SelfHealCli.commandLine(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), false);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        exitCode = cli.execute(all.toArray(String[]::new));
        stdout = out.toString();
        stderr = err.toString();
        return this;
    }

    List<String> logLines(String file) throws IOException {
        return Files.readAllLines(logs().resolve(file));
    }
}
