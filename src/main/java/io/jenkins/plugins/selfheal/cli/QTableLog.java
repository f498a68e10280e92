package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.store.AtomicFiles;
import io.jenkins.plugins.selfheal.engine.store.SeedQTableCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code rl_log.csv}, the Q-table in the original's format, and whether this CLI wrote it. A folder
 * the original simulation wrote holds its own table there: that must never be overwritten unseen.
 * The file is ours when its SHA-256 is the one recorded in the sidecar {@value #SIDECAR} when we
 * wrote it, or when it holds exactly the policy's values (a file written before the sidecar existed).
 */
final class QTableLog {
    static final String FILE = "rl_log.csv";
    static final String SIDECAR = ".rl_log.csv.sha256";
    /** Where a table this CLI did not write is kept when a run adopts it. */
    static final String KEPT = "rl_log.csv.bak";
    private static final double SAME = 1e-6;

    private QTableLog() {
    }

    /** Writes the table and records its hash; the caller holds the logs lock. */
    static void write(Path dir, QTable table) throws IOException {
        byte[] bytes = csv(table).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(FILE), bytes);
        AtomicFiles.write(dir.resolve(SIDECAR), (sha256(bytes) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** The original's shape (unnamed first header cell, one column per action), values to 6 places. */
    static String csv(QTable table) throws IOException {
        StringBuilder out = new StringBuilder();
        Arrays.stream(ActionKind.values()).forEach(a -> out.append(',').append(a.id()));
        out.append('\n');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            for (String state : table.states()) {
                printer.print(state);
                for (ActionKind action : ActionKind.values()) {
                    printer.print(SeedLogs.number(table.value(state, action), 6));
                }
                printer.println();
            }
        }
        return out.toString();
    }

    /**
     * The table in {@code dir/rl_log.csv} when this CLI did not write it; empty when there is none or
     * it is ours. A file that is not a readable Q-table is bad input naming the file.
     */
    static Optional<QTable> foreign(Path dir, QTable policyTable) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (writtenByUs(dir)) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        QTable table = SeedQTableCsv.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)), file.toString());
        return sameValues(table, policyTable) ? Optional.empty() : Optional.of(table);
    }

    /** Whether {@code dir/rl_log.csv} is exactly the file this CLI last wrote there (or absent). */
    static boolean writtenByUs(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return true;
        }
        Path sidecar = dir.resolve(SIDECAR);
        return Files.isRegularFile(sidecar)
                && Files.readString(sidecar, StandardCharsets.US_ASCII).strip().equals(sha256(Files.readAllBytes(file)));
    }

    private static boolean sameValues(QTable file, QTable policy) {
        if (!file.states().equals(policy.states())) {
            return false;
        }
        for (String state : file.states()) {
            for (ActionKind action : ActionKind.values()) {
                if (Math.abs(file.value(state, action) - policy.value(state, action)) > SAME) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
