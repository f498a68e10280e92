package io.jenkins.plugins.selfheal.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of format error names the file, the physical line and, when it is about one, the column. */
class DatasetFormatErrorTest {
    private static final String HEADER = "timestamp,name,subject,score\n";

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.csv");
        DatasetFormatException error = check(file);
        assertError(error, file, 0, null, file + ": the data set file does not exist");
    }

    @Test
    void directoryIsNotADataSet() {
        assertThat(check(dir).getMessage()).isEqualTo(dir + ": the data set is not a regular file");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = write("");
        assertError(check(file), file, 1, null,
                file + ":1: the file is empty, expected the header timestamp,name,subject,score");
    }

    @Test
    void wrongHeaderNamesTheFirstDifferentColumn() throws IOException {
        Path file = write("timestamp,name,subject,points\n2025-01-01,Riya,Math,5\n");
        assertError(check(file), file, 1, "score", file + ":1: column 'score': the header should be "
                + "'timestamp,name,subject,score' but is 'timestamp,name,subject,points'");
    }

    @Test
    void headerWithMissingOrExtraColumn() throws IOException {
        Path missing = write("timestamp,name,subject\n");
        assertError(check(missing), missing, 1, "score", missing + ":1: column 'score': the header should be "
                + "'timestamp,name,subject,score' but is 'timestamp,name,subject'");
        Path extra = write(HEADER.trim() + ",grade\n");
        assertThat(check(extra).column()).isNull();
        assertThat(check(extra).line()).isEqualTo(1);
    }

    @Test
    void headerIsValidatedEvenWhenOnlyAppendedRowsAreJudged() throws IOException {
        Path file = write("timestamp,name,score\n2025-01-01,Riya,5\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "2025-01-02,Aman,6\n");
        assertThat(catchThrowableOfType(DatasetFormatException.class,
                () -> detector().check(file, before)).column()).isEqualTo("subject");
    }

    @Test
    void recordWithAMissingColumn() throws IOException {
        Path file = write(HEADER + "2025-01-01,Riya,Math,90\n2025-01-01,Aman,Math\n");
        assertError(check(file), file, 3, "score",
                file + ":3: column 'score': missing (the record has 3 of 4 columns)");
    }

    @Test
    void recordWithAnExtraColumn() throws IOException {
        Path file = write(HEADER + "2025-01-01,Riya,Math,90,A\n");
        assertError(check(file), file, 2, null,
                file + ":2: the record has 5 columns, expected 4 (timestamp,name,subject,score)");
    }

    @Test
    void nonNumberInANumberColumnAfterABaselineNamesTheFileLine() throws IOException {
        Path file = write(HEADER + "2025-01-01,Riya,Math,90\n2025-01-01,Aman,Math,80\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "2025-01-02,Riya,Math,70\n2025-01-02,Aman,Math,abc\n");
        DatasetFormatException error = catchThrowableOfType(DatasetFormatException.class,
                () -> detector().check(file, before));
        assertError(error, file, 5, "score", file + ":5: column 'score': 'abc' is not a number");
    }

    @Test
    void numbersMustBePlainDecimals() throws IOException {
        for (String notANumber : new String[] {"NaN", "Infinity", "0x10", "1d", "1,5"}) {
            Path file = write(HEADER + "2025-01-01,Riya,Math,\"" + notANumber + "\"\n");
            assertThat(check(file).getMessage()).endsWith(":2: column 'score': '" + notANumber + "' is not a number");
        }
    }

    @Test
    void textAfterAClosingQuote() throws IOException {
        Path file = write(HEADER + "2025-01-01,Riya,Math,90\n2025-01-01,\"Aman\"x,Math,90\n");
        DatasetFormatException error = check(file);
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo("name");
        assertThat(error.getMessage()).startsWith(file + ":3: column 'name': bad quoting: Invalid character between encapsulated");
    }

    @Test
    void unterminatedQuoteAfterABaselineNamesTheLineWhereTheRecordStarts() throws IOException {
        Path file = write(HEADER + "2025-01-01,Riya,Math,90\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "2025-01-02,\"Aman,Math,90\n2025-01-02,Riya,Math,90\n");
        DatasetFormatException error = catchThrowableOfType(DatasetFormatException.class,
                () -> detector().check(file, before));
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.getMessage())
                .isEqualTo(file + ":3: column 'name': bad quoting: EOF reached before encapsulated token finished");
    }

    @Test
    void rowsBeforeTheBaselineAreNotParsed() throws IOException {
        Path file = write(HEADER + "2025-01-01,Riya,Math,abc\n2025-01-01,\"Aman\"x,Math,1\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "2025-01-02,Riya,Math,70\n");
        assertThat(detector().check(file, before)).isEmpty();
        assertThat(check(file).line()).isEqualTo(2); // judged whole, the old rows are errors
    }

    private static void assertError(DatasetFormatException error, Path file, long line, String column, String message) {
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.column()).isEqualTo(column);
        assertThat(error.getMessage()).isEqualTo(message);
    }

    private DatasetFormatException check(Path file) {
        return catchThrowableOfType(DatasetFormatException.class, () -> detector().check(file));
    }

    private static DataAnomalyDetector detector() {
        return new DataAnomalyDetector(BuiltInRuleSets.STUDENT_SCORES);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "scores", ".csv"), content);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
