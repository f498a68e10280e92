package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.DataAnomalyDetector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File lines of the judged rows are counted only when a reason names them (a clean delta check reads no old rows). */
class CleanDeltaCheckTest {
    @TempDir
    Path dir;

    @Test
    void fileLinesAreCountedOnlyForTheLineRangeOfAReason() {
        ChangedRows rows = new ChangedRows(true, 2, 1, 2, line -> {
            throw new AssertionError("old content read");
        });
        assertThat(rows.share(1)).isEqualTo("(1 of 2 changed rows)");
        assertThat(rows.described()).isEqualTo("the 2 rows added by this deployment");
        assertThat(new ChangedRows(true, 2, 1, 2, line -> line + 10).lineRange()).isEqualTo("lines 11-12");
    }

    @Test
    void aReasonAfterABaselineStillNamesTheFileLines() throws IOException {
        Path file = Files.writeString(dir.resolve("scores.csv"),
                "timestamp,name,subject,score\n2025-01-01,\"Riya\nSharma\",Math,90\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        Files.writeString(file, "2025-01-02,Aman,Math,20\n2025-01-02,Riya,Math,30\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThat(new DataAnomalyDetector(BuiltInRuleSets.STUDENT_SCORES).check(file, before).orElseThrow().reason())
                .isEqualTo("score: mean of the 2 rows added by this deployment is 25, below 40 (lines 4-5)");
    }
}
