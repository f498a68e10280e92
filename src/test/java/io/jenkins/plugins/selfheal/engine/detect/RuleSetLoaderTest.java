package io.jenkins.plugins.selfheal.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetLoaderTest {
    private static final String ORDERS = """
            {"name": "orders",
             "columns": [
               {"name": "id", "type": "text", "required": true, "allowed": ["a", "b"]},
               {"name": "amount", "type": "number", "min": 0, "max": 1000, "meanMin": 10, "meanMax": 500.5}
             ]}
            """;

    @TempDir
    Path dir;

    @Test
    void loadsEveryRule() throws IOException {
        RuleSet rules = RuleSetLoader.load(write(ORDERS));

        assertThat(rules.id()).isEqualTo("orders");
        assertThat(rules.name()).isEqualTo("orders");
        assertThat(rules.header()).containsExactly("id", "amount");
        ColumnRule id = rules.columns().get(0);
        assertThat(id.type()).isEqualTo(ColumnType.TEXT);
        assertThat(id.required()).isTrue();
        assertThat(id.allowed()).isEqualTo(Set.of("a", "b"));
        ColumnRule amount = rules.columns().get(1);
        assertThat(amount.required()).isFalse();
        assertThat(amount.min()).isEqualTo(OptionalDouble.of(0));
        assertThat(amount.max()).isEqualTo(OptionalDouble.of(1000));
        assertThat(amount.meanMin()).isEqualTo(OptionalDouble.of(10));
        assertThat(amount.meanMax()).isEqualTo(OptionalDouble.of(500.5));
    }

    @Test
    void loadedRuleSetDrivesTheDetector() throws IOException {
        RuleSet rules = RuleSetLoader.load(write(ORDERS));
        Path data = Files.writeString(dir.resolve("orders.csv"), "id,amount\na,2\nb,4\n");
        assertThat(new DataAnomalyDetector(rules).check(data)).map(Finding::failure).contains("anomaly_orders");
    }

    @Test
    void idDefaultsToNameButCanBeGiven() throws IOException {
        RuleSet rules = RuleSetLoader.load(write("""
                {"id": "orders-v2", "name": "orders", "columns": [{"name": "id", "type": "text"}]}"""));
        assertThat(rules.id()).isEqualTo("orders-v2");
    }

    @Test
    void unknownKeyIsNamedWithItsPath() throws IOException {
        Path file = write("""
                {"name": "orders",
                 "columns": [{"name": "id", "type": "text"}, {"name": "n", "type": "number", "maximum": 3}]}""");
        InvalidRuleSetException error = load(file);
        assertThat(error.file()).isEqualTo(file);
        assertThat(error.field()).isEqualTo("columns[1].maximum");
        assertThat(error.getMessage()).startsWith(file + ":2: field 'columns[1].maximum': unknown field (known: ");
    }

    @Test
    void wrongTypesAreNotCoerced() throws IOException {
        assertThat(load(write("{\"name\":\"o\",\"columns\":[{\"name\":\"n\",\"type\":\"number\",\"min\":\"5\"}]}"))
                .getMessage()).endsWith(":1: field 'columns[0].min': expected a number");
        assertThat(load(write("{\"name\":\"o\",\"columns\":[{\"name\":\"n\",\"type\":\"text\",\"required\":\"yes\"}]}"))
                .field()).isEqualTo("columns[0].required");
        assertThat(load(write("{\"name\":\"o\",\"columns\":{\"name\":\"n\"}}")).getMessage())
                .endsWith("field 'columns': expected an array");
    }

    @Test
    void missingFieldsAndBadValuesAreNamed() throws IOException {
        assertThat(load(write("{\"columns\":[]}")).getMessage()).endsWith(": field 'name': missing (or null)");
        assertThat(load(write("{\"name\":\"o\",\"columns\":[{\"name\":\"n\"}]}")).field()).isEqualTo("columns[0].type");
        assertThat(load(write("{\"name\":\"o\",\"columns\":[{\"name\":\"n\",\"type\":\"int\"}]}")).getMessage())
                .endsWith("field 'columns[0].type': 'int' is not a type, expected text or number");
        assertThat(load(write("{\"name\":\"o\",\"columns\":[{\"name\":\"n\",\"type\":\"text\",\"min\":1}]}"))
                .getMessage()).endsWith("field 'columns[0]': column 'n': min, max, meanMin and meanMax need type number");
        assertThat(load(write("{\"name\":\"Orders!\",\"columns\":[{\"name\":\"n\",\"type\":\"text\"}]}")).getMessage())
                .contains("rule set name 'Orders!' must be lower-case");
    }

    @Test
    void badJsonAndMissingFile() throws IOException {
        Path broken = write("{\"name\": \"o\",\n \"columns\": [}");
        assertThat(load(broken).getMessage()).startsWith(broken + ":2: not valid JSON at column ").doesNotContain("Source");
        Path missing = dir.resolve("missing.json");
        assertThat(load(missing).getMessage()).isEqualTo(missing + ": the rule set file does not exist");
    }

    @Test
    void resolveFindsBuiltInsAndJsonFilesAndListsTheBuiltInsOtherwise() throws IOException {
        assertThat(RuleSets.resolve("student_scores")).isSameAs(BuiltInRuleSets.STUDENT_SCORES);
        assertThat(RuleSets.resolve("patient_health").name()).isEqualTo("health");
        assertThat(RuleSets.resolve(write(ORDERS).toString()).name()).isEqualTo("orders");
        assertThatThrownBy(() -> RuleSets.resolve("students"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown rule set 'students': expected a built-in rule set (patient_health, student_scores)"
                        + " or the path of a .json rule set file");
        assertThatThrownBy(() -> RuleSets.resolve(dir.resolve("x.json").toString()))
                .isInstanceOf(InvalidRuleSetException.class).hasMessageContaining("does not exist");
    }

    @Test
    void builtInsAreFoundByIdAndByDatasetFileName() {
        assertThat(BuiltInRuleSets.byId("student_scores")).contains(BuiltInRuleSets.STUDENT_SCORES);
        assertThat(BuiltInRuleSets.byId("score")).isEmpty();
        assertThat(BuiltInRuleSets.forDataset(Path.of("data/patient_health.csv"))).contains(BuiltInRuleSets.PATIENT_HEALTH);
        assertThat(BuiltInRuleSets.forDataset(Path.of("student_scores.csv")).map(RuleSet::name)).contains("score");
        assertThat(BuiltInRuleSets.forDataset(Path.of("orders.csv"))).isEmpty();
        assertThat(BuiltInRuleSets.ids()).isEqualTo(List.of("patient_health", "student_scores"));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "rules", ".json"), json);
    }

    private static InvalidRuleSetException load(Path file) {
        return catchThrowableOfType(InvalidRuleSetException.class, () -> RuleSetLoader.load(file));
    }
}
