package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated deployment's data change, as the original did it: back the file up to
 * {@code <file>.bak}, then append one normal row, or with {@code --force-anomaly} bad rows
 * (5 student scores of 10–20; 1 patient row with heart rate 150 and oxygen 90; for a JSON rule set,
 * one row breaking one of its rules, see {@link RuleRows}).
 */
final class DatasetChange {
    private static final List<String> NAMES = List.of("Alice", "Aman", "Arjun", "Bob", "Charlie", "David", "Ishita",
            "Karan", "Meera", "Priya", "Rahul", "Riya", "Shivam", "Sneha");
    private static final List<String> SUBJECTS = List.of("English", "Geography", "History", "Math", "Science");

    /** What changed: where the backup is and what the file looked like before. */
    record Applied(Path backup, DatasetBaseline before, int rowsAdded) {
    }

    private DatasetChange() {
    }

    /** Where {@link #apply} keeps the copy from before the change. */
    static Path backupOf(Path dataset) {
        return dataset.resolveSibling(dataset.getFileName() + ".bak");
    }

    /**
     * Whether {@code --force-anomaly} can break {@code rules}: the built-in rule sets have the original's
     * bad rows; another needs a rule a row can break (a bound, a mean bound, allowed values, a required value).
     */
    static boolean canBreak(RuleSet rules) {
        return builtIn(rules) || RuleRows.anomalous(rules, new Random(0), LocalDateTime.of(2000, 1, 1, 0, 0)).isPresent();
    }

    static Applied apply(Path dataset, RuleSet rules, boolean anomaly, Random random, Clock clock) throws IOException {
        Path backup = backupOf(dataset);
        Files.copy(dataset, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        DatasetBaseline before = DatasetBaseline.of(dataset);
        List<String> rows = rows(rules, anomaly, random, LocalDateTime.now(clock));
        if (rows.isEmpty()) {
            return new Applied(backup, before, 0);
        }
        StringBuilder text = new StringBuilder();
        if (!endsWithNewline(dataset)) {
            text.append('\n');
        }
        rows.forEach(r -> text.append(r).append('\n'));
        Files.writeString(dataset, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new Applied(backup, before, rows.size());
    }

    /** Puts the backup taken before the change back in place (atomically). */
    static void restore(Path backup, Path dataset) throws IOException {
        Path temp = Files.createTempFile(dataset.toAbsolutePath().getParent(), "." + dataset.getFileName(), ".restore");
        Files.copy(backup, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, dataset, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static List<String> rows(RuleSet rules, boolean anomaly, Random random, LocalDateTime now) {
        List<String> rows = new ArrayList<>();
        if (!builtIn(rules)) {
            // rows derived from the rule set itself: one normal row, or one breaking one of its rules
            rows.add(anomaly ? RuleRows.anomalous(rules, random, now).orElseThrow(() -> new IllegalArgumentException(
                    "--force-anomaly: the rule set " + rules.id() + " has no rule a row can break")).line()
                    : RuleRows.normal(rules, random, now));
            return rows;
        }
        switch (rules.id()) {
            case "student_scores" -> {
                int count = anomaly ? 5 : 1;
                for (int i = 0; i < count; i++) {
                    int score = anomaly ? 10 + random.nextInt(11) : 50 + random.nextInt(51);
                    rows.add(now.toLocalDate() + "," + pick(NAMES, random) + "," + pick(SUBJECTS, random) + "," + score);
                }
            }
            case "patient_health" -> {
                String time = now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
                if (anomaly) {
                    rows.add(time + ",150," + (110 + random.nextInt(31)) + "/" + (70 + random.nextInt(21)) + ",90");
                } else {
                    rows.add(time + "," + (60 + random.nextInt(41)) + "," + (110 + random.nextInt(31)) + "/"
                            + (70 + random.nextInt(21)) + "," + (96 + random.nextInt(5)));
                }
            }
            default -> throw new IllegalStateException("no rows for the built-in rule set " + rules.id());
        }
        return rows;
    }

    /** Exactly a built-in rule set (a JSON rule set may reuse a built-in id with other columns). */
    private static boolean builtIn(RuleSet rules) {
        return BuiltInRuleSets.byId(rules.id()).filter(rules::equals).isPresent();
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return true;
        }
        try (var channel = Files.newByteChannel(file)) {
            channel.position(size - 1);
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last);
            return last.get(0) == '\n';
        }
    }
}
