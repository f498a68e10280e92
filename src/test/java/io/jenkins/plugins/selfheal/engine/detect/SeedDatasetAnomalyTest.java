package io.jenkins.plugins.selfheal.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import io.jenkins.plugins.selfheal.SeedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in rule sets on copies of the seed data sets (shipped in the test resources), changed the way the seed simulation changes them. */
class SeedDatasetAnomalyTest {
    private static final String STUDENTS = SeedData.STUDENTS;
    private static final String PATIENTS = SeedData.PATIENTS;

    @TempDir
    Path dir;

    @Test
    void fiveLowScoresAppendedGiveAnomalyScoreThoughTheWholeFileMeanIsFine() throws IOException {
        Path file = copy(STUDENTS);
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "2025-10-23,Alice,Math,10\n2025-10-23,Bob,Math,12\n2025-10-23,Charlie,Math,15\n"
                + "2025-10-23,David,Math,18\n2025-10-23,Alice,Math,19\n");

        Optional<Finding> finding = detector(BuiltInRuleSets.STUDENT_SCORES).check(file, before);

        assertThat(finding).isPresent();
        assertThat(finding.get().failure()).isEqualTo("anomaly_score");
        assertThat(finding.get().reason())
                .isEqualTo("score: mean of the 5 rows added by this deployment is 14.8, below 40 (lines 835-839)");
    }

    @Test
    void oneNormalStudentRowAppendedGivesNoFinding() throws IOException {
        Path file = copy(STUDENTS);
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "2025-10-23,Priya,Science,77\n");

        assertThat(detector(BuiltInRuleSets.STUDENT_SCORES).check(file, before)).isEmpty();
    }

    @Test
    void wholeSeedStudentFileHasNoAnomalyBecauseItsMeanIsAbove40() throws IOException {
        assertThat(detector(BuiltInRuleSets.STUDENT_SCORES).check(copy(STUDENTS), DatasetBaseline.none())).isEmpty();
    }

    @Test
    void nothingAppendedGivesNoFinding() throws IOException {
        Path file = copy(PATIENTS);
        assertThat(detector(BuiltInRuleSets.PATIENT_HEALTH).check(file, DatasetBaseline.of(file))).isEmpty();
    }

    @Test
    void anomalousPatientRowAppendedGivesAnomalyHealthNamingBothColumns() throws IOException {
        Path file = copy(PATIENTS);
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "2025-10-11 09:00:00,150,120/80,90\n");

        Optional<Finding> finding = detector(BuiltInRuleSets.PATIENT_HEALTH).check(file, before);

        assertThat(finding).map(Finding::failure).contains("anomaly_health");
        assertThat(finding.get().reason()).isEqualTo("heart_rate: 150 above 120 at line 474 (1 of 1 changed rows); "
                + "oxygen_level: 90 below 95 at line 474 (1 of 1 changed rows)");
    }

    @Test
    void normalPatientRowAppendedGivesNoFindingThoughTheFileEndsInAnomalousRows() throws IOException {
        Path file = copy(PATIENTS);
        DatasetBaseline before = DatasetBaseline.of(file);
        append(file, "2025-10-11 09:00:00,72,118/76,98\n");

        assertThat(detector(BuiltInRuleSets.PATIENT_HEALTH).check(file, before)).isEmpty();
        // Without a baseline the old anomalous rows are judged too.
        assertThat(detector(BuiltInRuleSets.PATIENT_HEALTH).check(file)).map(Finding::failure).contains("anomaly_health");
    }

    @Test
    void rewrittenStudentFileIsJudgedWhole() throws IOException {
        Path file = dir.resolve("student_scores.csv");
        Files.writeString(file, "timestamp,name,subject,score\n2025-01-01,Riya,Math,90\n");
        DatasetBaseline before = DatasetBaseline.of(file);
        Files.writeString(file, "timestamp,name,subject,score\n2025-01-01,Riya,Math,20\n2025-01-02,Aman,Math,30\n");

        Optional<Finding> finding = detector(BuiltInRuleSets.STUDENT_SCORES).check(file, before);

        assertThat(finding).map(Finding::reason).contains("score: mean of all 2 rows is 25, below 40 (lines 2-3)");
    }

    private Path copy(String seed) throws IOException {
        return SeedData.copyInto(seed, dir);
    }

    private static void append(Path file, String rows) throws IOException {
        Files.writeString(file, rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static DataAnomalyDetector detector(RuleSet rules) {
        return new DataAnomalyDetector(rules);
    }
}
