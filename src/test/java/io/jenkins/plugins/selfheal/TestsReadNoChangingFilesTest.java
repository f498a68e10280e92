package io.jenkins.plugins.selfheal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README runs the CLI (which appends to {@code dataset/*.csv} and writes {@code logs/}) before
 * {@code mvn -B verify}: no test may read those working files, nor {@code ../shared/seed-dataset},
 * which a user's clone does not have. Tests take the seed data from {@link SeedData}.
 */
class TestsReadNoChangingFilesTest {
    /** A path of the working tree that a run changes (relative: the project folder), or the shared seed data. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "(?:Path\\.of|Paths\\.get|new File)\\(\\s*\"(?:\\./)?(?:dataset|logs)\\b|\\.\\./shared/seed-dataset");

    @Test
    void noTestSourceNamesTheWorkingDataSetsLogsOrSharedSeedData() throws IOException {
        List<String> offenders = new ArrayList<>();
        Path self = Path.of("src/test/java", getClass().getName().replace('.', '/') + ".java");
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.equals(self)).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    boolean comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                    if (!comment && FORBIDDEN.matcher(line).find()) {
                        offenders.add(file + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(offenders).as("tests reading files a CLI run changes (use SeedData and a @TempDir)").isEmpty();
    }

    @Test
    void theSeedDataShipsWithTheTests() {
        assertThat(SeedData.text(SeedData.STUDENTS)).startsWith("timestamp,name,subject,score\n");
        assertThat(SeedData.text(SeedData.PATIENTS)).startsWith("timestamp,heart_rate,blood_pressure,oxygen_level");
        SeedData.LOGS.forEach(log -> assertThat(SeedData.text("logs/" + log)).isNotEmpty());
    }
}
