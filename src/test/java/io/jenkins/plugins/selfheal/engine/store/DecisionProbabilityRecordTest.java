package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEpisodes;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The log keeps each decision's probability; a line written before it was kept still loads, without one. */
class DecisionProbabilityRecordTest {
    private final Episode episode = new SimulatedEpisodes(SuccessTable.DEFAULT, 0, 1)
            .run(new QTable(), LearningParameters.DEFAULTS, 1, new Random(1)).get(0);

    @Test
    void theProbabilityOfTheChosenActionIsWrittenAndReadBack() {
        String line = PolicyJson.writeEpisode(episode);
        assertThat(line).contains("\"probability\":0.92");
        Episode read = PolicyJson.readEpisode(line, "test");
        assertThat(read.steps().get(0).decision().probability()).isEqualTo(episode.steps().get(0).decision().probability());
    }

    @Test
    void aLineWithoutAProbabilityLoadsWithoutOne() {
        String line = PolicyJson.writeEpisode(episode).replaceAll(",\"probability\":[0-9.E-]+", "");
        assertThat(line).doesNotContain("probability");
        assertThat(PolicyJson.readEpisode(line, "test").steps().get(0).decision().probability()).isEmpty();
    }
}
