package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.DataAnomalyDetector;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.Finding;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * One scan contender in its own JVM, so its peak RSS is its own: {@code fast} (the product's
 * detector), {@code reference} (Commons CSV only) or {@code delta} (1 KB appended, judged via a
 * DatasetBaseline; the file is truncated back afterwards). Prints one RESULT line.
 */
public final class ScanChild {
    private ScanChild() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path file = Path.of(args[1]);
        int repeats = Integer.parseInt(args[2]);
        DataAnomalyDetector detector = mode.equals("reference")
                ? DataAnomalyDetector.withReferenceScanOnly(BuiltInRuleSets.STUDENT_SCORES)
                : new DataAnomalyDetector(BuiltInRuleSets.STUDENT_SCORES);
        long originalSize = Files.size(file);
        DatasetBaseline baseline = DatasetBaseline.none();
        if (mode.equals("delta")) {
            baseline = DatasetBaseline.of(file);
            appendRows(file, 1024);
        }
        long[] nanos = new long[repeats];
        String outcome = "";
        try {
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                Optional<Finding> finding = detector.check(file, baseline);
                nanos[i] = System.nanoTime() - start;
                outcome = finding.map(Finding::failure).orElse("none");
            }
        } finally {
            if (mode.equals("delta")) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(originalSize);
                }
            }
        }
        Arrays.sort(nanos);
        System.out.println("RESULT best_ns=" + nanos[0] + " median_ns=" + nanos[repeats / 2]
                + " hwm_bytes=" + Machine.peakRssBytes() + " finding=" + outcome);
    }

    private static void appendRows(Path file, int bytes) throws IOException {
        StringBuilder rows = new StringBuilder();
        Random random = new Random(1);
        while (rows.length() < bytes) {
            rows.append(StudentScoresCsv.row(random));
        }
        Files.writeString(file, rows, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    }
}
