package io.jenkins.plugins.selfheal.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark entry points run on tiny inputs and produce every section (run by
 * {@code bench/run.sh --smoke}; the root build never runs benchmarks). Times are not checked.
 */
class BenchSmokeTest {
    @TempDir
    Path work;

    @Test
    void everySectionRunsOnTinyInputs() throws Exception {
        // Child processes (scan contenders, writer processes) need the test's class path.
        Settings settings = new Settings(false, true, work.resolve("target").resolve("work"),
                System.getProperty("java.class.path"));
        String report = BenchMain.report(settings, List.of());
        for (String title : BenchMain.TITLES) {
            assertTrue(report.contains("## " + title), title);
        }
        assertTrue(report.contains("lost updates"), report);
    }
}
