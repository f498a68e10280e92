package io.jenkins.plugins.selfheal.engine.autonomy;

import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.episode.TestEpisodes;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutonomyGateTest {
    private static final String STATE = "deployment_failure_DOWN";

    private static HealResult heal(Choice choice) {
        return TestEpisodes.pending(STATE, ActionKind.RETRY_DEPLOYMENT, choice, true, "ok", "healthy", Outcome.HEALED, 5L).heal();
    }

    private static AutonomyGate.Judgements counts(long accepted, long rejected) {
        return (state, action) -> state.equals(STATE) && action == ActionKind.RETRY_DEPLOYMENT
                ? new Judgement(accepted, rejected) : Judgement.NONE;
    }

    @Test
    void confidentActsAloneAtOrAboveTheThresholdAndAsksBelow() {
        AutonomyGate.Settings confident = new AutonomyGate.Settings(Autonomy.CONFIDENT, 0.7);
        AutonomyGate.Verdict alone = AutonomyGate.decide(confident, heal(Choice.EXPLOIT), counts(10, 0));
        assertThat(alone.actsAlone()).isTrue();
        assertThat(alone.why()).isEqualTo("acts alone: confidence 0.72 (retry_deployment in " + STATE
                + ": 10 accepted, 0 rejected) ≥ threshold 0.70");
        AutonomyGate.Verdict asks = AutonomyGate.decide(confident, heal(Choice.EXPLOIT), counts(10, 1));
        assertThat(asks.actsAlone()).isFalse();
        assertThat(asks.why()).startsWith("asks: confidence 0.62").endsWith("< threshold 0.70");
        assertThat(asks.confidence()).hasValueSatisfying(c -> assertThat(c.rejected()).isEqualTo(1));
    }

    @Test
    void anExplorationAlwaysAsks() {
        AutonomyGate.Verdict v = AutonomyGate.decide(new AutonomyGate.Settings(Autonomy.CONFIDENT, 0.1), heal(Choice.EXPLORE),
                counts(50, 0));
        assertThat(v.actsAlone()).isFalse();
        assertThat(v.why()).startsWith("asks: retry_deployment was an exploration");
    }

    @Test
    void askAlwaysAsksAndAutoNeverDoes() {
        assertThat(AutonomyGate.decide(new AutonomyGate.Settings(Autonomy.ASK, 0.1), heal(Choice.EXPLOIT), counts(50, 0))
                .actsAlone()).isFalse();
        AutonomyGate.Verdict auto = AutonomyGate.decide(new AutonomyGate.Settings(Autonomy.AUTO, 0.9), heal(Choice.EXPLORE),
                counts(0, 0));
        assertThat(auto.actsAlone()).isTrue();
        assertThat(auto.why()).startsWith("acts alone: autonomy is 'auto' (confidence 0.00");
    }

    @Test
    void badWordsAndThresholdsNameTheirField() {
        assertThatThrownBy(() -> Autonomy.parse("yolo")).hasMessage("autonomy: expected ask, confident, auto, got 'yolo'");
        assertThatThrownBy(() -> HealMode.parse("dry")).hasMessage("mode: expected act or shadow, got 'dry'");
        assertThatThrownBy(() -> new AutonomyGate.Settings(Autonomy.CONFIDENT, 0)).hasMessageStartingWith("confidenceThreshold:");
        assertThatThrownBy(() -> new AutonomyGate.Settings(Autonomy.CONFIDENT, 1.5)).hasMessageStartingWith("confidenceThreshold:");
        assertThat(Autonomy.parse(" Confident ")).isEqualTo(Autonomy.CONFIDENT);
    }
}
