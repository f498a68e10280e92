package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the data check sends over the agent channel (Java serialization, as remoting does) arrives whole. */
class AgentCrossingTest {
    @SuppressWarnings("unchecked")
    private static <T> T crossed(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aFindingAndABaselineCrossWhole() throws Exception {
        Finding finding = new Finding("anomaly_score", "3 rows out of range");
        assertThat(crossed(new AgentDataCheck.Answer(finding, null)).finding()).isEqualTo(finding);
        assertThat(crossed(new DatasetBaseline(120, 42))).isEqualTo(new DatasetBaseline(120, 42));
    }

    @Test
    void aDatasetFormatExceptionArrivesAsItselfAndEndsTheStepWithOneLine() throws Exception {
        DatasetFormatException bad = new DatasetFormatException(Path.of("data.csv"), 3, "score", "not a number: 'x'");

        RuntimeException arrived = crossed(new AgentDataCheck.Answer(null, bad)).badInput();

        assertThat(arrived).isInstanceOf(DatasetFormatException.class).hasMessage(bad.getMessage());
        assertThat(AgentDataCheck.oneLine(arrived)).isEqualTo("Self-Heal: dataset: " + bad.getMessage())
                .doesNotContain("\n");
    }
}
