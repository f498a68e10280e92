package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QTableTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void unknownStateIsAddedOnFirstSightWithEveryCellUnvisited() {
        QTable table = new QTable();
        table.ensureState("deployment_failure_DOWN");

        assertThat(table.states()).containsExactly("deployment_failure_DOWN");
        assertThat(table.row("deployment_failure_DOWN")).hasSize(ActionKind.values().length)
                .allSatisfy((action, entry) -> assertThat(entry).isEqualTo(QEntry.UNVISITED));
        assertThat(table.totalVisits()).isZero();
    }

    @Test
    void ensureStateKeepsAnExistingRowAndStatesKeepOrderOfFirstSight() {
        QTable table = new QTable();
        table.put("latency_issue_UP", ADJUST_THRESHOLDS, new QEntry(0.7, 2, Optional.of(T)));
        table.ensureState("anomaly_score_UP");
        table.ensureState("latency_issue_UP");

        assertThat(table.states()).containsExactly("latency_issue_UP", "anomaly_score_UP");
        assertThat(table.entry("latency_issue_UP", ADJUST_THRESHOLDS)).isEqualTo(new QEntry(0.7, 2, Optional.of(T)));
    }

    @Test
    void readingAnUnknownStateDoesNotAddIt() {
        QTable table = new QTable();

        assertThat(table.entry("x_UP", RETRY_DEPLOYMENT)).isEqualTo(QEntry.UNVISITED);
        assertThat(table.values("x_UP")).hasSize(ActionKind.values().length).containsValue(0.0);
        assertThat(table.hasState("x_UP")).isFalse();
        assertThat(table.size()).isZero();
    }

    @Test
    void valuesVisitsAndMaxValue() {
        QTable table = new QTable();
        table.put("s_UP", RETRY_DEPLOYMENT, new QEntry(-0.5, 1, Optional.of(T)));
        table.put("s_UP", RESTORE_PREVIOUS_VERSION, new QEntry(0.25, 4, Optional.of(T)));
        table.put("s_UP", ADJUST_THRESHOLDS, QEntry.UNVISITED.updatedTo(2.0, T));

        assertThat(table.value("s_UP", RESTORE_PREVIOUS_VERSION)).isEqualTo(0.25);
        assertThat(table.entry("s_UP", ADJUST_THRESHOLDS).visits()).isEqualTo(1);
        assertThat(table.entry("s_UP", ADJUST_THRESHOLDS).lastUpdated()).contains(T);
        assertThat(table.totalVisits()).isEqualTo(6);
        assertThat(table.maxValue("s_UP", Set.of(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION))).isEqualTo(0.25);
        assertThat(table.maxValue("s_UP", Set.of(RETRY_DEPLOYMENT))).isEqualTo(-0.5);
        assertThat(table.maxValue("s_UP", Set.of())).isZero();
        assertThat(table.values("s_UP").keySet()).containsExactly(ActionKind.values());
    }

    @Test
    void copyIsIndependentInBothDirections() {
        QTable original = new QTable();
        original.put("s_UP", RETRY_DEPLOYMENT, new QEntry(1.0, 1, Optional.of(T)));
        QTable copy = original.copy();
        assertThat(copy).isEqualTo(original).isNotSameAs(original);

        copy.put("s_UP", RETRY_DEPLOYMENT, new QEntry(9.0, 2, Optional.of(T)));
        copy.ensureState("other_DOWN");
        original.put("s_UP", ADJUST_THRESHOLDS, new QEntry(5.0, 1, Optional.of(T)));

        assertThat(original.value("s_UP", RETRY_DEPLOYMENT)).isEqualTo(1.0);
        assertThat(original.hasState("other_DOWN")).isFalse();
        assertThat(copy.value("s_UP", ADJUST_THRESHOLDS)).isZero();
        assertThat(copy).isNotEqualTo(original);
    }

    @Test
    void rowViewIsReadOnly() {
        QTable table = new QTable();
        table.ensureState("s_UP");
        assertThatThrownBy(() -> table.row("s_UP").put(RETRY_DEPLOYMENT, QEntry.UNVISITED))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t", "line\nbreak", "tab\there", "bell\u0007", "nul\u0000x"})
    void invalidStateNamesAreRejected(String name) {
        QTable table = new QTable();
        assertThatThrownBy(() -> table.ensureState(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid state name");
        assertThatThrownBy(() -> table.put(name, RETRY_DEPLOYMENT, QEntry.UNVISITED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(table.size()).isZero();
    }

    @Test
    void nullAndOverlongNamesAreRejectedButPrintableOnesUpTo200CharsAccepted() {
        QTable table = new QTable();
        assertThatThrownBy(() -> table.ensureState(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.ensureState("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        for (String ok : List.of("x".repeat(200), "anomaly_über_UP", "a b <c>&\"d\"")) {
            table.ensureState(ok);
        }
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void entriesRejectNonFiniteValuesAndNegativeVisits() {
        assertThatThrownBy(() -> new QEntry(Double.NaN, 0, Optional.empty())).hasMessageContaining("finite");
        assertThatThrownBy(() -> new QEntry(Double.POSITIVE_INFINITY, 0, Optional.empty())).hasMessageContaining("finite");
        assertThatThrownBy(() -> new QEntry(0, -1, Optional.empty())).hasMessageContaining("visits");
    }
}
