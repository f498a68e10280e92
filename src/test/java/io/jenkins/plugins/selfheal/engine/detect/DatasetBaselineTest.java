package io.jenkins.plugins.selfheal.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBaselineTest {
    private static final String OLD = "a,n\nx,1\ny,2\n";

    @TempDir
    Path dir;

    @Test
    void appendedRowsStartAtTheOldLength() throws IOException {
        Path file = write(OLD);
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "z,3\n");
        assertThat(before.length()).isEqualTo(OLD.length());
        assertThat(before.rowsStartOffset(file)).isEqualTo(OLD.length());
    }

    @Test
    void unchangedFileStartsAtItsEnd() throws IOException {
        Path file = write(OLD);
        assertThat(DatasetBaseline.of(file).rowsStartOffset(file)).isEqualTo(Files.size(file));
    }

    @Test
    void rewrittenOrTruncatedFileIsJudgedWhole() throws IOException {
        Path file = write(OLD);
        DatasetBaseline before = DatasetBaseline.of(file);
        Files.writeString(file, "a,n\nx,9\ny,2\nz,3\n"); // longer, but an old byte changed
        assertThat(before.rowsStartOffset(file)).isZero();
        Files.writeString(file, "a,n\nx,1\n");
        assertThat(before.rowsStartOffset(file)).isZero();
    }

    @Test
    void noBaselineOrMissingFileJudgesTheWholeFile() throws IOException {
        Path file = write(OLD);
        assertThat(DatasetBaseline.none().rowsStartOffset(file)).isZero();
        assertThat(DatasetBaseline.of(dir.resolve("not-there.csv"))).isEqualTo(DatasetBaseline.none());
    }

    @Test
    void oldEndWithoutNewlineSkipsTheNewlineThatFollows() throws IOException {
        Path file = write("a,n\nx,1");
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "\ny,2\n");
        assertThat(before.rowsStartOffset(file)).isEqualTo(8);
        Files.writeString(file, "a,n\nx,1");
        append(file, "\r\ny,2\r\n");
        assertThat(before.rowsStartOffset(file)).isEqualTo(9);
    }

    @Test
    void continuedLastLineIsJudgedAgainFromItsStart() throws IOException {
        Path file = write("a,n\nx,1");
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "5\ny,2\n"); // x,1 became x,15
        assertThat(before.rowsStartOffset(file)).isEqualTo(4);
    }

    @Test
    void onlyTheFirstAndLast64KiBAreReadSoAnEditBetweenIsNotNoticed() throws IOException {
        StringBuilder big = new StringBuilder("a,n\n");
        while (big.length() < 3 * DatasetBaseline.TAIL_BYTES) {
            big.append("x,1\n");
        }
        Path file = write(big.toString());
        DatasetBaseline before = DatasetBaseline.of(file);
        int middle = big.length() / 2 - big.length() / 2 % 4;
        Files.writeString(file, big.substring(0, middle) + "q" + big.substring(middle + 1)); // a middle row edited
        assertThat(before.rowsStartOffset(file)).isEqualTo(big.length());
        Files.writeString(file, "a,n\nq" + big.substring(5) + "y,2\n"); // first row edited, a row appended
        assertThat(before.rowsStartOffset(file)).isZero();
        Files.writeString(file, big.substring(0, big.length() - 2) + "9\n"); // last row edited
        assertThat(before.rowsStartOffset(file)).isZero();
    }

    @Test
    void detectorNamesFileLinesAfterTheOffsetIncludingCrlfAndQuotedNewlines() throws IOException {
        Path file = write("id,note,amount\r\n1,\"two\nlines\",5\r\n2,ok,5\r\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "3,ok,5\r\n4,ok,500\r\n");
        RuleSet rules = RuleSet.of("t", List.of(ColumnRule.text("id"), ColumnRule.text("note"),
                ColumnRule.number("amount").withMax(10)));
        assertThat(new DataAnomalyDetector(rules).check(file, before)).map(Finding::reason)
                .contains("amount: 500 above 10 at line 6 (1 of 2 changed rows)");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), content);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
