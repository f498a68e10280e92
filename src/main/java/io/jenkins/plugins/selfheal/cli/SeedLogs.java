package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.store.AtomicFiles;
import io.jenkins.plugins.selfheal.engine.store.StoreLock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The original simulation's CSV logs under {@code logs/}, with its file names and columns, so its
 * dashboard can read them. Appends are whole rows under a lock shared by all CLI processes.
 */
final class SeedLogs {
    static final String DEPLOYMENT = "deployment_log.csv";
    static final String ISSUE = "issue_log.csv";
    static final String UPTIME = "uptime_log.csv";
    static final String HEALING = "healing_log.csv";
    static final String RL_TABLE = QTableLog.FILE;
    static final String RL_PERFORMANCE = "rl_performance_log.csv";
    static final String USER_FEEDBACK = "user_feedback_log.csv";
    /** The original's every-event log: deployments, issues and heals in one file. */
    static final String MASTER = "master_log.csv";
    /** Not the original's: a training batch's simulated episodes, kept apart from what people decided. */
    static final String TRAINING = "training_log.csv";
    static final List<String> FILES = List.of(DEPLOYMENT, ISSUE, UPTIME, HEALING, RL_TABLE, RL_PERFORMANCE, USER_FEEDBACK,
            MASTER, TRAINING, QTableLog.SIDECAR, QTableLog.KEPT, "logs.lock");
    private static final List<String> MASTER_COLUMNS = List.of("timestamp", "event_type", "dataset", "status", "details");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final Path dir;
    private final Clock clock;

    SeedLogs(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    Path dir() {
        return dir;
    }

    /** Every file a run may write here: the logs, the Q-table's hash and backup, the lock file. */
    List<Path> files() {
        return FILES.stream().map(dir::resolve).toList();
    }

    void deployment(String dataset, String status, double responseTimeMs, String actionType) throws IOException {
        append(DEPLOYMENT, List.of("timestamp", "dataset_changed", "status", "response_time_ms", "action_type"),
                now(), dataset, status, responseTimeMs, actionType);
        append(MASTER, MASTER_COLUMNS, now(), "Deployment", dataset, status,
                String.format(java.util.Locale.ROOT, "Response time: %.2f ms", responseTimeMs));
    }

    void issue(String dataset, String failureState, String reason) throws IOException {
        append(ISSUE, List.of("timestamp", "failure_state", "reason"), now(), failureState, reason);
        append(MASTER, MASTER_COLUMNS, now(), "Post-Deploy Issue", dataset, failureState, reason);
    }

    /** Written only when the status changes, as the original did. */
    void uptime(String status, String event) throws IOException {
        StoreLock.withLock(lockTarget(), () -> {
            if (!status.equals(lastValue(dir.resolve(UPTIME), "status"))) {
                appendLocked(UPTIME, List.of("timestamp", "status", "event"), now(), status, event);
            }
            return null;
        });
    }

    void healing(String dataset, String strategy, String status, double responseTimeMs) throws IOException {
        append(HEALING, List.of("timestamp", "strategy", "status", "response_time_ms"), now(), strategy, status, responseTimeMs);
        append(MASTER, MASTER_COLUMNS, now(), "Healing (" + strategy + ")", dataset, status,
                String.format(java.util.Locale.ROOT, "%.2f ms", responseTimeMs));
    }

    /** A learned episode in the RL logs: its reward, and the reviewer's verdict when one was given. */
    void learned(HealResult result, Episode episode) throws IOException {
        if (result.lastStep().isEmpty()) {
            return;
        }
        HealAttempt last = result.lastStep().get();
        performance(last.state(), last.action().id(), episode.reward());
        Verdict verdict = episode.verdict();
        if (verdict == Verdict.ACCEPTED || verdict == Verdict.REJECTED) {
            feedback(last.state(), last.action().id(), result.healed() ? "success" : "failure", verdict.id());
        }
    }

    void performance(String state, String action, double reward) throws IOException {
        append(RL_PERFORMANCE, List.of("timestamp", "state", "action", "reward"), now(), state, action, reward);
    }

    void feedback(String state, String action, String systemOutcome, String userFeedback) throws IOException {
        append(USER_FEEDBACK, List.of("timestamp", "state", "action", "system_outcome", "user_feedback"),
                now(), state, action, systemOutcome, userFeedback);
    }

    /** One episode of a training batch; {@code reviewer} says who gave the feedback (a person only with --feedback ask). */
    void training(String state, String action, String systemOutcome, String feedback, double reward, String reviewer)
            throws IOException {
        append(TRAINING, List.of("timestamp", "state", "action", "system_outcome", "feedback", "reward", "reviewer"),
                now(), state, action, systemOutcome, feedback, reward, reviewer);
    }

    /** The whole Q-table, rewritten atomically (with the hash that marks it as ours). */
    void qTable(QTable table) throws IOException {
        StoreLock.withLock(lockTarget(), () -> {
            QTableLog.write(dir, table);
            return null;
        });
    }

    /**
     * Rewrites {@code rl_log.csv} after the policy's table was replaced (an import, a restore); a file
     * this CLI did not write is first kept as {@code rl_log.csv.bak}, which is returned.
     */
    Optional<Path> refreshQTable(QTable table) throws IOException {
        return StoreLock.withLock(lockTarget(), () -> {
            Optional<Path> kept = Optional.empty();
            if (!QTableLog.writtenByUs(dir)) {
                kept = Optional.of(Files.copy(dir.resolve(RL_TABLE), dir.resolve(QTableLog.KEPT),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING));
            }
            QTableLog.write(dir, table);
            return kept;
        });
    }

    /**
     * The Q-table in {@code rl_log.csv} when this CLI did not write it (the original's, say). Read
     * without the lock, which would create files: it runs before a run may change anything.
     */
    Optional<QTable> foreignQTable(QTable policyTable) throws IOException {
        return QTableLog.foreign(dir, policyTable);
    }

    private void append(String file, List<String> header, Object... values) throws IOException {
        StoreLock.withLock(lockTarget(), () -> {
            appendLocked(file, header, values);
            return null;
        });
    }

    private void appendLocked(String file, List<String> header, Object... values) throws IOException {
        Path path = dir.resolve(file);
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            if (!Files.exists(path) || Files.size(path) == 0) {
                printer.printRecord(header);
            }
            printer.printRecord(Arrays.stream(values).map(v -> v instanceof Double d ? number(d, 2) : v).toArray());
        }
        AtomicFiles.appendLines(path, List.of(text.toString().stripTrailing()));
    }

    private static String lastValue(Path file, String column) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        String last = null;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) {
                last = record.isMapped(column) ? record.get(column) : null;
            }
        }
        return last;
    }

    private Path lockTarget() {
        return dir.resolve("logs");
    }

    /** ISO-8601 local time with microseconds, as the original's Python wrote it. */
    private String now() {
        return LocalDateTime.now(clock).format(TIMESTAMP);
    }

    /**
     * A number as the original's logs show it: whole numbers without a fraction ({@code -1}, {@code 2000}),
     * others rounded to {@code digits} places ({@code 0.3}, never {@code 0.30000000000000004}).
     */
    static String number(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
