package io.jenkins.plugins.selfheal.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates a file shaped like dataset/student_scores.csv (same header, dates, names, subjects,
 * scores 50–100, so a full scan finds nothing and must read every row) of about the size asked.
 * Reused when it already exists with the size it was generated with.
 */
final class StudentScoresCsv {
    static final String HEADER = "timestamp,name,subject,score\n";
    private static final String[] NAMES = {"Shivam", "Riya", "Aman", "Priya", "Rahul", "Sneha", "Karan", "Anjali"};
    private static final String[] SUBJECTS = {"Math", "Science", "English", "History"};

    private StudentScoresCsv() {
    }

    static Path generate(Path dir, long bytes) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("student_scores_" + bytes + ".csv");
        if (Files.exists(file) && Files.size(file) >= bytes && Files.size(file) < bytes + 64) {
            return file;
        }
        Random random = new Random(bytes);
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            written += header.length;
            while (written < bytes) {
                byte[] row = row(random).getBytes(StandardCharsets.US_ASCII);
                out.write(row);
                written += row.length;
            }
        }
        return file;
    }

    static String row(Random random) {
        return "2025-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28)) + ","
                + NAMES[random.nextInt(NAMES.length)] + "," + SUBJECTS[random.nextInt(SUBJECTS.length)] + ","
                + (50 + random.nextInt(51)) + "\n";
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
