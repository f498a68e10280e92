package io.jenkins.plugins.selfheal.engine.learn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedValueTest {
    @Test
    void manyRelatedStatesAreNamedUpToThreeSoTheLineStaysShort() {
        SharedValue shared = new SharedValue(List.of("anomaly_a_UP", "anomaly_b_UP", "anomaly_c_UP", "anomaly_d_UP", "anomaly_e_UP"), 7, 1);
        assertThat(shared.describe()).isEqualTo("valued from its 1 try here together with anomaly_a_UP, anomaly_b_UP, "
                + "anomaly_c_UP and 2 more, where it was learned from 7 tries");
    }

    @Test
    void oneTryAndNoRelatedState() {
        assertThat(new SharedValue(List.of("latency_issue_DOWN"), 1, 0).describe())
                .isEqualTo("valued from latency_issue_DOWN, where it was learned from 1 try; untried here");
        assertThatThrownBy(() -> new SharedValue(List.of(), 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
