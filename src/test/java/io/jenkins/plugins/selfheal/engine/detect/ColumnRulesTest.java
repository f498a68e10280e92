package io.jenkins.plugins.selfheal.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each anomaly rule firing and not firing, judged over a whole small file. */
class ColumnRulesTest {
    private static final String HEADER = "id,kind,amount\n";

    @TempDir
    Path dir;

    @Test
    void requiredValueEmptyFiresAndPresentDoesNot() throws IOException {
        RuleSet rules = rules(ColumnRule.text("kind").asRequired(), ColumnRule.number("amount"));
        assertThat(check(rules, "1,a,5\n2, ,6\n3,,7\n")).contains(
                "kind: 2 empty values, first at line 3 (2 of 3 rows)");
        assertThat(check(rules, "1,a,5\n2,b,\n")).isEmpty(); // amount is optional
    }

    @Test
    void singleEmptyValueIsNamedWithItsLine() throws IOException {
        RuleSet rules = rules(ColumnRule.text("kind"), ColumnRule.number("amount").asRequired());
        assertThat(check(rules, "1,a,5\n2,b,\n")).contains("amount: empty at line 3 (1 of 2 rows)");
    }

    @Test
    void valueBelowMinFiresAndBoundIsInclusive() throws IOException {
        RuleSet rules = rules(ColumnRule.text("kind"), ColumnRule.number("amount").withMin(10));
        assertThat(check(rules, "1,a,10\n2,a,9.5\n")).contains("amount: 9.5 below 10 at line 3 (1 of 2 rows)");
        assertThat(check(rules, "1,a,10\n2,a,11\n")).isEmpty();
    }

    @Test
    void valueAboveMaxFiresAndBoundIsInclusive() throws IOException {
        RuleSet rules = rules(ColumnRule.text("kind"), ColumnRule.number("amount").withMax(100));
        assertThat(check(rules, "1,a,101\n2,a,100\n3,a,2e3\n"))
                .contains("amount: 2 values above 100, first 101 at line 2 (2 of 3 rows)");
        assertThat(check(rules, "1,a,100\n2,a,-3\n")).isEmpty();
    }

    @Test
    void valueNotAllowedFiresAndAllowedValueDoesNot() throws IOException {
        RuleSet rules = rules(ColumnRule.text("kind").withAllowed("a", "b"), ColumnRule.number("amount"));
        assertThat(check(rules, "1,a,1\n2,c,1\n")).contains(
                "kind: 'c' not allowed at line 3 (1 of 2 rows), allowed: a, b");
        assertThat(check(rules, "1,a,1\n2,b,1\n")).isEmpty();
    }

    @Test
    void meanBelowMeanMinFiresAndMeanAtTheBoundDoesNot() throws IOException {
        RuleSet rules = rules(ColumnRule.text("kind"), ColumnRule.number("amount").withMeanMin(40));
        assertThat(check(rules, "1,a,30\n2,a,45\n")).contains("amount: mean of all 2 rows is 37.5, below 40 (lines 2-3)");
        assertThat(check(rules, "1,a,30\n2,a,50\n")).isEmpty();
    }

    @Test
    void meanAboveMeanMaxFiresAndSkipsEmptyOptionalValues() throws IOException {
        RuleSet rules = rules(ColumnRule.text("kind"), ColumnRule.number("amount").withMeanMax(10));
        assertThat(check(rules, "1,a,12\n2,a,\n3,a,13\n"))
                .contains("amount: mean of 2 values in all 3 rows is 12.5, above 10 (lines 2-4)");
        assertThat(check(rules, "1,a,12\n2,a,\n3,a,8\n")).isEmpty();
    }

    @Test
    void aMeanWhoseSumOverflowsIsShownAsInfinityNotACrash() throws IOException {
        // One value beyond the largest double is a format error (CsvEdgeCaseTest); two large ones overflow the sum.
        RuleSet rules = rules(ColumnRule.text("kind"), ColumnRule.number("amount").withMeanMax(10));
        assertThat(check(rules, "1,a,1e308\n2,a,1e308\n"))
                .contains("amount: mean of all 2 rows is Infinity, above 10 (lines 2-3)");
    }

    @Test
    void severalBrokenRulesAreListedInColumnOrder() throws IOException {
        RuleSet rules = rules(ColumnRule.text("kind").withAllowed("a"), ColumnRule.number("amount").withMax(5));
        assertThat(check(rules, "1,z,9\n")).contains(
                "kind: 'z' not allowed at line 2 (1 of 1 rows), allowed: a; amount: 9 above 5 at line 2 (1 of 1 rows)");
    }

    @Test
    void reasonsAreCappedWithACountOfTheRest() throws IOException {
        RuleSet rules = RuleSet.of("many", List.of(ColumnRule.number("a").withMax(0), ColumnRule.number("b").withMax(0),
                ColumnRule.number("c").withMax(0), ColumnRule.number("d").withMax(0), ColumnRule.number("e").withMax(0),
                ColumnRule.number("f").withMax(0), ColumnRule.number("g").withMax(0)));
        Path file = write("a,b,c,d,e,f,g\n1,1,1,1,1,1,1\n");
        String reason = new DataAnomalyDetector(rules).check(file).orElseThrow().reason();
        assertThat(reason).startsWith("a: 1 above 0 at line 2").endsWith("; e: 1 above 0 at line 2 (1 of 1 rows); and 2 more");
    }

    @Test
    void headerOnlyOrBlankRowsOnlyGiveNoFinding() throws IOException {
        RuleSet rules = rules(ColumnRule.text("kind").asRequired(), ColumnRule.number("amount").withMeanMin(40));
        assertThat(check(rules, "")).isEmpty();
        assertThat(check(rules, "\n\n")).isEmpty();
    }

    @Test
    void findingIsNamedAfterTheRuleSetName() throws IOException {
        RuleSet rules = new RuleSet("my_lookup_id", "orders", List.of(ColumnRule.text("id"),
                ColumnRule.text("kind").asRequired(), ColumnRule.number("amount")));
        Optional<Finding> finding = new DataAnomalyDetector(rules).check(write(HEADER + "1,,2\n"));
        assertThat(finding).map(Finding::failure).contains("anomaly_orders");
        assertThat(finding.get().isAnomaly()).isTrue();
    }

    @Test
    void contradictoryRulesAreRejected() {
        assertThatThrownBy(() -> ColumnRule.number("x").withMin(5).withMax(1))
                .hasMessageContaining("min 5.0 is above max 1.0");
        assertThatThrownBy(() -> ColumnRule.text("x").withMin(1)).hasMessageContaining("need type number");
        assertThatThrownBy(() -> ColumnRule.number("x").withAllowed("1")).hasMessageContaining("need type text");
        assertThatThrownBy(() -> RuleSet.of("Bad-Name", List.of(ColumnRule.text("x"))))
                .hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> RuleSet.of("dup", List.of(ColumnRule.text("x"), ColumnRule.number("x"))))
                .hasMessageContaining("names column 'x' twice");
    }

    private RuleSet rules(ColumnRule kind, ColumnRule amount) {
        return RuleSet.of("test", List.of(ColumnRule.text("id"), kind, amount));
    }

    private Optional<String> check(RuleSet rules, String rows) throws IOException {
        return new DataAnomalyDetector(rules).check(write(HEADER + rows), DatasetBaseline.none()).map(Finding::reason);
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "data", ".csv");
        return Files.writeString(file, content);
    }
}
