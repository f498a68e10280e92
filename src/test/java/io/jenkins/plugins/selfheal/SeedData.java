package io.jenkins.plugins.selfheal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The original simulation's data sets and logs, shipped with the tests ({@code src/test/resources/seed-dataset},
 * a copy of {@code ../shared/seed-dataset}). Tests copy what they need into their temporary folder:
 * they never read {@code dataset/} or {@code logs/} of the working tree, which every CLI run changes.
 */
public final class SeedData {
    public static final String STUDENTS = "student_scores.csv";
    public static final String PATIENTS = "patient_health.csv";
    /** The original's log files, as it left them (its Q-table is {@code rl_log.csv}). */
    public static final List<String> LOGS = List.of("deployment_log.csv", "healing_log.csv", "issue_log.csv",
            "master_log.csv", "rl_log.csv", "rl_performance_log.csv", "supervisor_override_log.csv", "uptime_log.csv",
            "user_feedback_log.csv");

    private SeedData() {
    }

    /** Copies the seed file {@code name} (e.g. {@code student_scores.csv} or {@code logs/rl_log.csv}) to {@code target}. */
    public static Path copy(String name, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (InputStream in = open(name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Copies the seed file {@code name} into {@code dir} under its own file name. */
    public static Path copyInto(String name, Path dir) throws IOException {
        return copy(name, dir.resolve(Path.of(name).getFileName().toString()));
    }

    /** Copies all the original's log files into {@code dir} (as a folder the original wrote). */
    public static Path copyLogsInto(Path dir) throws IOException {
        for (String log : LOGS) {
            copy("logs/" + log, dir.resolve(log));
        }
        return dir;
    }

    /** The seed file's text. */
    public static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = SeedData.class.getResourceAsStream("/seed-dataset/" + name);
        if (in == null) {
            throw new IllegalStateException("seed-dataset/" + name + " is missing from src/test/resources");
        }
        return in;
    }
}
