package io.jenkins.plugins.selfheal.engine.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.ColumnRule;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odd CSV input (issue 10 item 10), each with its exact outcome: the reasons of a finding, "no
 * finding", or a one-line error naming file, line and column. The Commons CSV reference, the fast
 * path as shipped and the fast path cut into tiny ranges and buffers must all say the same.
 */
class CsvEdgeCaseTest {
    private static final String H = "timestamp,name,subject,score";
    private static final RuleSet KINDS = RuleSet.of("kinds", List.of(ColumnRule.text("kind").withAllowed("a")));
    private static final RuleSet MIN_ONLY = RuleSet.of("min_only", List.of(ColumnRule.number("value").withMin(0)));

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                text("utf8Bom", "\uFEFF" + H + "\n2025-01-01,Riya,Math,20\n",
                        "score: mean of all 1 row is 20, below 40 (line 2)"),
                text("utf8BomBeforeAQuotedHeader", "\uFEFF\"timestamp\",name,subject,score\n2025-01-01,Riya,Math,50\n",
                        "no finding"),
                text("crlf", H + "\r\n2025-01-01,Riya,Math,50\r\n2025-01-01,Aman,Math,abc\r\n",
                        "d.csv:3 column score: d.csv:3: column 'score': 'abc' is not a number"),
                text("loneCr", H + "\r2025-01-01,Riya,Math,50\r2025-01-01,Aman,Math,abc\r",
                        "d.csv:3 column score: d.csv:3: column 'score': 'abc' is not a number"),
                bytes("utf16WithByteOrderMark", ("\uFEFF" + H + "\n2025-01-01,Riya,Math,50\n").getBytes(StandardCharsets.UTF_16LE),
                        "d.csv:1 column null: d.csv:1: the file is UTF-16 encoded (byte order mark FF FE); save it as UTF-8"),
                bytes("utf16BigEndianWithoutByteOrderMark", (H + "\n").getBytes(Charset.forName("UTF-16BE")),
                        "d.csv:1 column null: d.csv:1: the header holds NUL bytes: is the file UTF-16 or binary? Save it as UTF-8 text"),
                text("nulInText", H + "\n2025-01-01,Ri\0ya,Math,50\n",
                        "d.csv:2 column name: d.csv:2: column 'name': a NUL byte in the value: is the file UTF-16 or binary?"),
                text("nulAfterANumber", H + "\n2025-01-01,Riya,Math,50\0\n",
                        "d.csv:2 column score: d.csv:2: column 'score': a NUL byte in the value: is the file UTF-16 or binary?"),
                text("semicolons", "timestamp;name;subject;score\n2025-01-01;Riya;Math;50\n",
                        "d.csv:1 column null: d.csv:1: the columns timestamp, name, subject, score were not found: the header looks"
                                + " ';'-separated, the data set must be ','-separated"),
                text("tabs", "timestamp\tname\tsubject\tscore\n",
                        "d.csv:1 column null: d.csv:1: the columns timestamp, name, subject, score were not found: the header looks"
                                + " tab-separated, the data set must be ','-separated"),
                text("extraColumn", H + "\n2025-01-01,Riya,Math,50,7\n",
                        "d.csv:2 column null: d.csv:2: the record has 5 columns, expected 4 (timestamp,name,subject,score)"),
                text("missingColumn", H + "\n2025-01-01,Riya,Math\n",
                        "d.csv:2 column score: d.csv:2: column 'score': missing (the record has 3 of 4 columns)"),
                text("escapedQuotesInsideQuotes", H + "\n2025-01-01,\"Riya \"\"R\"\" S\",Math,50\n", "no finding"),
                text("bareQuotesInsideQuotes", H + "\n2025-01-01,\"Riya \"R\" S\",Math,50\n",
                        "d.csv:2 column name: d.csv:2: column 'name': bad quoting: Invalid character between encapsulated"
                                + " token and delimiter"),
                text("nan", H + "\n2025-01-01,Riya,Math,NaN\n",
                        "d.csv:2 column score: d.csv:2: column 'score': 'NaN' is not a number"),
                text("infinity", H + "\n2025-01-01,Riya,Math,-Infinity\n",
                        "d.csv:2 column score: d.csv:2: column 'score': '-Infinity' is not a number"),
                text("overflowWithAMax", H + "\n2025-01-01,Riya,Math,1e309\n",
                        "d.csv:2 column score: d.csv:2: column 'score': '1e309' is too large for a number (beyond 1.8e308)"),
                rules("overflowWithOnlyAMin", MIN_ONLY, "value\n5\n1e309\n",
                        "d.csv:3 column value: d.csv:3: column 'value': '1e309' is too large for a number (beyond 1.8e308)"),
                text("quotedThousandsSeparator", H + "\n2025-01-01,Riya,Math,\"1,234\"\n",
                        "d.csv:2 column score: d.csv:2: column 'score': '1,234' is not a number (no thousands separators:"
                                + " write 1234)"),
                text("lineBreakInAQuotedNumber", H + "\n2025-01-01,Riya,Math,\"1\n2\"\n",
                        "d.csv:2 column score: d.csv:2: column 'score': '1\\n2' is not a number"),
                rules("lineBreakInANotAllowedValue", KINDS, "kind\n\"b\nc\"\n",
                        "kind: 'b\\nc' not allowed at line 2 (1 of 1 rows), allowed: a"),
                text("lineBreakInTheHeader", "\"time\nstamp\",name,subject,score\n",
                        "d.csv:1 column timestamp: d.csv:1: column 'timestamp': the header should be"
                                + " 'timestamp,name,subject,score' but is 'time\\nstamp,name,subject,score'"),
                text("longValue", H + "\n2025-01-01,Riya,Math," + "x".repeat(100) + "\n",
                        "d.csv:2 column score: d.csv:2: column 'score': '" + "x".repeat(80)
                                + "… (100 characters)' is not a number"),
                text("bareThousandsSeparator", H + "\n2025-01-01,Riya,Math,1,234\n",
                        "d.csv:2 column null: d.csv:2: the record has 5 columns, expected 4 (timestamp,name,subject,score)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyScanGivesTheExactOutcome(String name, RuleSet rules, byte[] content, String expected) throws IOException {
        Path file = Files.write(dir.resolve("d.csv"), content);
        assertThat(outcomes(rules, file, DatasetBaseline.none())).containsOnly(expected);
    }

    /** The outcome of each scan: the reference, the fast path as shipped, the fast path in tiny pieces. */
    static List<String> outcomes(RuleSet rules, Path file, DatasetBaseline baseline) {
        return Stream.of(DatasetScan.referenceOnly(), DatasetScan.fast(), new DatasetScan(new ParallelRowsScan(3, 1, 48)))
                .map(scan -> outcome(scan, rules, file, baseline)).toList();
    }

    private static String outcome(DatasetScan scan, RuleSet rules, Path file, DatasetBaseline baseline) {
        try {
            List<String> reasons = scan.brokenRules(file, rules, baseline);
            return reasons.isEmpty() ? "no finding" : String.join("; ", reasons);
        } catch (DatasetFormatException e) {
            String where = file.getParent() + "/";
            return e.file().getFileName() + ":" + e.line() + " column " + e.column() + ": "
                    + e.getMessage().replace(where, "");
        }
    }

    private static Arguments text(String name, String content, String expected) {
        return rules(name, BuiltInRuleSets.STUDENT_SCORES, content, expected);
    }

    private static Arguments rules(String name, RuleSet rules, String content, String expected) {
        return Arguments.of(name, rules, content.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static Arguments bytes(String name, byte[] content, String expected) {
        return Arguments.of(name, BuiltInRuleSets.STUDENT_SCORES, content, expected);
    }
}
