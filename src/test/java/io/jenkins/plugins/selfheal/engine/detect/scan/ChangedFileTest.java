package io.jenkins.plugins.selfheal.engine.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set that shrinks or is rewritten between the baseline and the check is judged whole (the
 * finding says "all N rows"), never sliced at the old length; every scan says the same.
 */
class ChangedFileTest {
    private static final String H = "timestamp,name,subject,score\n";

    @TempDir
    Path dir;

    @Test
    void aFileThatShrankIsJudgedWhole() throws IOException {
        Path file = write(H + "2025-01-01,Riya,Math,90\n2025-01-01,Aman,Math,80\n2025-01-01,Ravi,Math,70\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        write(H + "2025-01-01,Riya,Math,10\n");
        assertThat(CsvEdgeCaseTest.outcomes(BuiltInRuleSets.STUDENT_SCORES, file, before))
                .containsOnly("score: mean of all 1 row is 10, below 40 (line 2)");
    }

    @Test
    void aFileRewrittenToTheSameLengthIsJudgedWhole() throws IOException {
        Path file = write(H + "2025-01-01,Riya,Math,90\n2025-01-01,Aman,Math,80\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        write(H + "2025-01-01,Riya,Math,10\n2025-01-01,Aman,Math,20\n");
        assertThat(CsvEdgeCaseTest.outcomes(BuiltInRuleSets.STUDENT_SCORES, file, before))
                .containsOnly("score: mean of all 2 rows is 15, below 40 (lines 2-3)");
    }

    @Test
    void aFileRewrittenLongerWithTheSameOldTailIsJudgedWhole() throws IOException {
        // The first row is edited and a row appended; the old last 64 KiB stay as they were.
        StringBuilder rows = new StringBuilder();
        int count = 0;
        while (rows.length() < 3 * DatasetBaseline.TAIL_BYTES) {
            rows.append("2025-01-01,Riya,Math,50\n");
            count++;
        }
        Path file = write(H + rows);
        DatasetBaseline before = DatasetBaseline.of(file);
        write(H + "2025-01-01,Riya,Math,-5" + rows.substring(rows.indexOf("\n")) + "2025-01-02,Aman,Math,60\n");
        assertThat(CsvEdgeCaseTest.outcomes(BuiltInRuleSets.STUDENT_SCORES, file, before))
                .containsOnly("score: -5 below 0 at line 2 (1 of " + (count + 1) + " rows)");
    }

    @Test
    void rowsAppendedAfterAnUntouchedFileAreJudgedAlone() throws IOException {
        Path file = write(H + "2025-01-01,Riya,Math,90\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        Files.writeString(file, "2025-01-02,Aman,Math,10\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(CsvEdgeCaseTest.outcomes(BuiltInRuleSets.STUDENT_SCORES, file, before))
                .containsOnly("score: mean of the 1 row added by this deployment is 10, below 40 (line 3)");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("d.csv"), content, StandardCharsets.UTF_8);
    }
}
