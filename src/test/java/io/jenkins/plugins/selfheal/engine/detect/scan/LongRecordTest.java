package io.jenkins.plugins.selfheal.engine.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that never ends (a 100 MB line, an unclosed quote) stops the scan with a message naming
 * its line, and memory stays flat: no scan builds a String of the record.
 */
class LongRecordTest {
    private static final String H = "timestamp,name,subject,score";
    private static final String TOO_LONG = "a record longer than 1048576 characters starts on this line:"
            + " is a quote left open, or is it not a CSV file?";
    private static final long MEGABYTE = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void aHundredMegabyteLineIsNamedWithoutBeingHeldInMemory() throws IOException {
        Path file = dir.resolve("d.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write((H + "\n2025-01-01,Riya,Math,50\n2025-01-01,Riya,Math,").getBytes(StandardCharsets.UTF_8));
            byte[] nines = new byte[(int) MEGABYTE];
            Arrays.fill(nines, (byte) '9');
            for (int i = 0; i < 100; i++) {
                out.write(nines);
            }
            out.write('\n');
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThat(CsvEdgeCaseTest.outcomes(BuiltInRuleSets.STUDENT_SCORES, file, DatasetBaseline.none()))
                .containsOnly("d.csv:3 column null: d.csv:3: " + TOO_LONG);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // Three scans, each reading about 1 MiB of chars; holding the line would take 200 MB per scan.
        assertThat(allocated).as("bytes allocated by three scans").isLessThan(48 * MEGABYTE);
    }

    @Test
    void anUnclosedQuoteIsNamedAtTheLineItOpens() throws IOException {
        StringBuilder text = new StringBuilder(H + "\n2025-01-01,\"Riya,Math,50\n");
        while (text.length() < 3 * MEGABYTE) {
            text.append("2025-01-01,Aman,Math,50\n");
        }
        Path file = Files.writeString(dir.resolve("d.csv"), text);
        assertThat(CsvEdgeCaseTest.outcomes(BuiltInRuleSets.STUDENT_SCORES, file, DatasetBaseline.none()))
                .containsOnly("d.csv:2 column null: d.csv:2: " + TOO_LONG);
    }

    @Test
    void aHeaderThatNeverEndsIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("d.csv"), "x".repeat((int) (3 * MEGABYTE)));
        assertThat(CsvEdgeCaseTest.outcomes(BuiltInRuleSets.STUDENT_SCORES, file, DatasetBaseline.none()))
                .containsOnly("d.csv:1 column null: d.csv:1: header: " + TOO_LONG);
    }
}
