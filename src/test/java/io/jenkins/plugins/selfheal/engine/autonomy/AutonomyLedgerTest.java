package io.jenkins.plugins.selfheal.engine.autonomy;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.episode.TestEpisodes;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AutonomyLedgerTest {
    private static final AutonomyGate.Settings ASK = new AutonomyGate.Settings(Autonomy.ASK, AutonomyGate.DEFAULT_THRESHOLD);
    private static final String STATE = "deployment_failure_DOWN";
    @TempDir
    Path dir;

    private static Episode judged(Feedback feedback) {
        Episode pending = TestEpisodes.pending(STATE, ActionKind.RETRY_DEPLOYMENT, Choice.EXPLOIT, true, "ok", "healthy",
                Outcome.HEALED, 5L);
        return TestEpisodes.decided(pending, feedback, "alice", 1.0);
    }

    @Test
    void verdictsAreCountedPerStateAndActionAndSurviveANewInstance() throws Exception {
        Path file = dir.resolve("autonomy.json");
        AutonomyLedger ledger = new AutonomyLedger(file, w -> { });
        ledger.judged(judged(Feedback.accepted()), false);
        ledger.judged(judged(Feedback.accepted()), false);
        ledger.judged(judged(Feedback.rejected()), false);
        ledger.judged(judged(new Feedback.Overridden(ActionKind.RESTART_SERVICE)), false);
        ledger.judged(judged(Feedback.none("timeout")), false); // no person: not counted

        AutonomyGate.Judgements counts = new AutonomyLedger(file, w -> { }).judgements("gen-1");
        assertThat(counts.of(STATE, ActionKind.RETRY_DEPLOYMENT)).isEqualTo(new Judgement(2, 2));
        assertThat(counts.of(STATE, ActionKind.RESTART_SERVICE)).isEqualTo(new Judgement(1, 0));
        assertThat(counts.of("other", ActionKind.RETRY_DEPLOYMENT)).isEqualTo(Judgement.NONE);
    }

    @Test
    void anotherPolicyGenerationStartsTheCountsOver() throws Exception {
        AutonomyLedger ledger = new AutonomyLedger(dir.resolve("autonomy.json"), w -> { });
        ledger.judged(judged(Feedback.accepted()), true);
        assertThat(ledger.judgements("gen-2").of(STATE, ActionKind.RETRY_DEPLOYMENT)).isEqualTo(Judgement.NONE);
        assertThat(ledger.view("gen-2").shadowByState()).isEmpty();
        assertThat(ledger.view("gen-1").shadowByState()).singleElement()
                .isEqualTo(new LedgerView.Agreement(STATE, 1, 1));
    }

    @Test
    void shadowAgreementIsKeptPerStateAndPerDay() throws Exception {
        AutonomyLedger ledger = new AutonomyLedger(dir.resolve("autonomy.json"), w -> { });
        ledger.judged(judged(Feedback.accepted()), true);
        ledger.judged(judged(new Feedback.Overridden(ActionKind.RESTART_SERVICE)), true);
        ledger.judged(judged(Feedback.accepted()), false); // not a shadow episode: confidence only
        LedgerView view = ledger.view("gen-1");
        assertThat(view.shadowByState()).containsExactly(new LedgerView.Agreement(STATE, 1, 2));
        assertThat(view.shadowByDay()).containsExactly(new LedgerView.Agreement("2026-11-25", 1, 2));
        QTable table = new QTable();
        table.ensureState(STATE);
        assertThat(view.states(table, LearningParameters.DEFAULTS, 0.5)).singleElement().satisfies(row -> {
            assertThat(row.greedy()).isEqualTo(ActionKind.RETRY_DEPLOYMENT);
            assertThat(row.confidence().accepted()).isEqualTo(2);
            assertThat(row.confidence().rejected()).isEqualTo(1);
            assertThat(row.actsAlone()).isFalse();
        });
    }

    @Test
    void healsAreRememberedForTheCaps() throws Exception {
        Path file = dir.resolve("autonomy.json");
        AutonomyLedger ledger = new AutonomyLedger(file, w -> { });
        Instant t = Instant.parse("2026-12-03T12:00:00Z");
        ledger.healRan(t, false, ASK);
        ledger.healRan(t.plusSeconds(60), true, ASK);
        AutonomyLedger again = new AutonomyLedger(file, w -> { });
        assertThat(again.refusal(HealBudget.of(2, 0), t.plusSeconds(120))).isPresent();
        assertThat(again.refusal(HealBudget.of(3, 0), t.plusSeconds(120))).isEmpty();
        assertThat(again.refusal(HealBudget.of(0, 10), t.plusSeconds(120))).hasValueSatisfying(why ->
                assertThat(why).contains("cooling down"));
        assertThat(again.refusal(HealBudget.of(0, 10), t.plusSeconds(60 + 601))).isEmpty();
    }

    @Test
    void theGateOfTheLastHealIsRememberedForThePage() throws Exception {
        Path file = dir.resolve("autonomy.json");
        AutonomyLedger ledger = new AutonomyLedger(file, w -> { });
        assertThat(ledger.view("gen-1").lastSettings()).isEmpty();
        Instant t = Instant.parse("2026-12-03T12:00:00Z");
        ledger.healRan(t, false, ASK);
        ledger.healRan(t.plusSeconds(60), false, new AutonomyGate.Settings(Autonomy.CONFIDENT, 0.35));
        ledger.simulated(true); // other bookkeeping keeps it
        assertThat(new AutonomyLedger(file, w -> { }).view("gen-2").lastSettings())
                .contains(new AutonomyGate.Settings(Autonomy.CONFIDENT, 0.35));
        // a hand-edited value falls back to none (the page then shows the global threshold), never an error
        Files.writeString(file, Files.readString(file).replace("\"confident\"", "\"bold\""));
        assertThat(new AutonomyLedger(file, w -> { }).view("gen-2").lastSettings()).isEmpty();
    }

    @Test
    void anUnreadableFileIsSetAsideWithAWarning() throws Exception {
        Path file = dir.resolve("autonomy.json");
        Files.writeString(file, "{not json");
        List<String> warnings = new ArrayList<>();
        AutonomyLedger ledger = new AutonomyLedger(file, warnings::add);
        assertThat(ledger.judgements("gen-1").of(STATE, ActionKind.RETRY_DEPLOYMENT)).isEqualTo(Judgement.NONE);
        assertThat(warnings).singleElement().asString().contains("could not be read").contains("confidence starts over");
        ledger.judged(judged(Feedback.accepted()), false);
        assertThat(new AutonomyLedger(file, w -> { }).judgements("gen-1").of(STATE, ActionKind.RETRY_DEPLOYMENT))
                .isEqualTo(new Judgement(1, 0));
    }
}
