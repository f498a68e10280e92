package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel fast path must say exactly what the Commons CSV reference says: the same reasons,
 * or the same format error (message, line, column), on whole files and on appended rows. Tiny
 * ranges and buffers make every file cross many range and buffer bounds.
 */
class FastPathEquivalenceTest {
    private static final int FILES = 300;

    @TempDir
    Path dir;

    @Test
    void randomFilesGiveTheSameOutcome() throws IOException {
        Random random = new Random(20240601);
        int fastJudged = 0;
        for (int i = 0; i < FILES; i++) {
            RuleSet rules = CsvSamples.RULE_SETS.get(i % CsvSamples.RULE_SETS.size());
            double trouble = i % 3 == 0 ? 0 : random.nextDouble();
            boolean declinable = i % 5 == 4;
            CsvSamples samples = new CsvSamples(random, trouble, declinable);
            Path file = write("f" + i + ".csv", samples.file(rules, random.nextInt(60)));
            ParallelRowsScan fast = new ParallelRowsScan(1 + random.nextInt(4), 1 + random.nextInt(200), 64 + random.nextInt(200));
            assertSameOutcome(rules, file, DatasetBaseline.none(), fast);
            if (trouble == 0 && !declinable) {
                assertThat(judgedByFastPath(rules, file, fast)).as("plain file %s", file).isTrue();
                fastJudged++;
            }
            DatasetBaseline before = DatasetBaseline.of(file);
            Files.writeString(file, samples.row(rules) + "\n" + samples.row(rules), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            assertSameOutcome(rules, file, before, fast);
        }
        assertThat(fastJudged).isGreaterThan(FILES / 5);
    }

    @Test
    void edgeCasesGiveTheSameOutcome() throws IOException {
        String h = "timestamp,name,subject,score";
        String[] files = {
            h + "\r\n2025-01-01,Riya,Math,90\r\n2025-01-01,Aman,Math,10\r\n",
            h + "\n2025-01-01,Riya,Math,90\n2025-01-01,Aman,Math,10",
            h + "\n2025-01-01,,Math,\n",
            h + "\n2025-01-01,Riya,Math,101\n2025-01-01,Riya,Math,-1\n",
            h + "\n2025-01-01,Riya,Math,5\n2025-01-01,Riya,Math,6\n",
            h + "\n2025-01-01,Riya,Math,abc\n",
            h + "\n2025-01-01,Riya,abc\n",
            h + "\n2025-01-01,Riya,Math,1,2\n",
            h + "\n\n   \n2025-01-01,Riya,Math,55\n\n",
            h,
            h + "\n",
            "\uFEFF" + h + "\n2025-01-01,Riya,Math,20.5\n",
            h + "\n2025-01-01,Riya,Math,90\r2025-01-01,Aman,Math,10\n",
            h + "\n2025-01-01,\"Riya\",Math,90\n",
            h + "\n2025-01-01,Riya,Math,\u3000\n2025-01-01,Riya,Math,9\u00e9\n",
            h + "\n\u3000\n2025-01-01,Riya,Math,50\n",
        };
        for (int i = 0; i < files.length; i++) {
            Path file = write("edge" + i + ".csv", files[i]);
            for (ParallelRowsScan fast : new ParallelRowsScan[] {new ParallelRowsScan(1, 1, 64), new ParallelRowsScan(3, 1, 48)}) {
                assertSameOutcome(BuiltInRuleSets.STUDENT_SCORES, file, DatasetBaseline.none(), fast);
            }
        }
    }

    @Test
    void decimalMeansAreAddedInFileOrder() throws IOException {
        StringBuilder text = new StringBuilder("value\n");
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            text.append(random.nextInt(3)).append('.').append(random.nextInt(1000)).append('\n');
        }
        Path file = write("decimals.csv", text.toString());
        assertSameOutcome(CsvSamples.SINGLE, file, DatasetBaseline.none(), new ParallelRowsScan(4, 100, 256));
    }

    private void assertSameOutcome(RuleSet rules, Path file, DatasetBaseline baseline, ParallelRowsScan fast) {
        String reference = outcome(DatasetScan.referenceOnly(), rules, file, baseline);
        String candidate = outcome(new DatasetScan(fast), rules, file, baseline);
        assertThat(candidate).as("%s judged with %s", file, baseline).isEqualTo(reference);
    }

    private static String outcome(DatasetScan scan, RuleSet rules, Path file, DatasetBaseline baseline) {
        try {
            return String.join("; ", scan.brokenRules(file, rules, baseline));
        } catch (DatasetFormatException e) {
            return "error at line " + e.line() + ", column " + e.column() + ": " + e.getMessage();
        }
    }

    private static boolean judgedByFastPath(RuleSet rules, Path file, ParallelRowsScan fast) throws IOException {
        try {
            return fast.scan(rules, new OffsetLines(file, 0)).isPresent();
        } catch (DatasetFormatException e) {
            return true; // the fast path named the error itself
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
