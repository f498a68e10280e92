package io.jenkins.plugins.selfheal.engine.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.ColumnRule;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 10 item 9: the CSV scan fed arbitrary bytes, once per rule set. The Commons CSV reference,
 * the fast path as shipped and the fast path in tiny ranges must say the same, on the whole file and
 * on a delta (a baseline taken part-way); only a {@link DatasetFormatException} naming the file and
 * a line may escape, its message on one line, as a finding's reasons are. {@code mvn verify} runs the
 * corpus in {@code CsvScanFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (see {@code .ci/fuzz}).
 */
class CsvScanFuzzTest {
    /** The custom rule set of the corpus ({@code fuzz/InputsFuzzTestInputs/ruleSetLoader/orders.json}). */
    private static final RuleSet ORDERS = new RuleSet("orders", "orders", List.of(
            ColumnRule.text("id").asRequired().withAllowed("a", "b"),
            ColumnRule.number("amount").withMin(0).withMax(1000).withMeanMin(10).withMeanMax(500)));
    private static final Path WORK = workDirectory();

    @FuzzTest(maxDuration = "5s")
    void studentScores(byte[] data) throws IOException {
        scanAgrees(BuiltInRuleSets.STUDENT_SCORES, data);
    }

    @FuzzTest(maxDuration = "5s")
    void patientHealth(byte[] data) throws IOException {
        scanAgrees(BuiltInRuleSets.PATIENT_HEALTH, data);
    }

    @FuzzTest(maxDuration = "5s")
    void customRules(byte[] data) throws IOException {
        scanAgrees(ORDERS, data);
    }

    private static void scanAgrees(RuleSet rules, byte[] data) throws IOException {
        Path file = WORK.resolve("data.csv");
        Files.write(file, data);
        agreed(rules, file, DatasetBaseline.none());
        // A baseline part-way, at a place that moves as the input does.
        Files.write(file, Arrays.copyOf(data, Math.floorMod(Arrays.hashCode(data), data.length + 1)));
        DatasetBaseline baseline = DatasetBaseline.of(file);
        Files.write(file, data);
        agreed(rules, file, baseline);
    }

    private static void agreed(RuleSet rules, Path file, DatasetBaseline baseline) {
        List<String> outcomes = Stream.of(DatasetScan.referenceOnly(), DatasetScan.fast(),
                        new DatasetScan(new ParallelRowsScan(3, 1, 48)))
                .map(scan -> outcome(scan, rules, file, baseline)).toList();
        assertThat(outcomes).as("reference, fast, fast in tiny ranges").containsOnly(outcomes.get(0));
    }

    private static String outcome(DatasetScan scan, RuleSet rules, Path file, DatasetBaseline baseline) {
        try {
            List<String> reasons = scan.brokenRules(file, rules, baseline);
            assertThat(reasons).noneMatch(reason -> reason.contains("\n") || reason.contains("\r"));
            return "reasons " + reasons;
        } catch (DatasetFormatException e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).as(e.getMessage()).isPositive(); // the file exists: every error is on a line
            assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ": ").doesNotContain("\n", "\r", "\0");
            if (e.column() != null) {
                assertThat(e.getMessage()).contains("column '" + e.column() + "'");
            }
            return "error " + e.line() + " " + e.column() + " " + e.getMessage();
        }
    }

    private static Path workDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fuzz-csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
