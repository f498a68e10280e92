package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.TestClock;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.Planner;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ESCALATE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTART_SERVICE;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealingLoopTest {
    private final TestClock clock = TestClock.at("2024-05-01T10:00:00Z");
    private final FakeTarget target = new FakeTarget(clock);
    private final List<String> progress = new ArrayList<>();

    /** Answers with the given actions in order, and records the allowed sets it was offered. */
    static final class ScriptedPlanner implements Planner {
        final Deque<ActionKind> script;
        final List<Set<ActionKind>> offered = new ArrayList<>();

        ScriptedPlanner(ActionKind... script) {
            this.script = new ArrayDeque<>(List.of(script));
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Decision decide(String state, Set<ActionKind> allowed) {
            offered.add(Set.copyOf(allowed));
            return new Decision(name(), state, script.removeFirst(), Choice.EXPLOIT, 0.1, Map.of(), allowed);
        }
    }

    private HealingLoop loop(Planner planner, int maxHeals) {
        return new HealingLoop(planner, maxHeals, clock, progress::add);
    }

    @Test
    void healthyDeploymentEndsWithoutADecision() throws Exception {
        ScriptedPlanner planner = new ScriptedPlanner();
        target.allowNoop(RETRY_DEPLOYMENT);

        HealResult result = loop(planner, 3).run(target, "gen-1");

        assertThat(result.outcome()).isEqualTo(Outcome.HEALTHY);
        assertThat(result.steps()).isEmpty();
        assertThat(result.needsFeedback()).isFalse();
        assertThat(result.timeToHeal()).isEmpty();
        assertThat(result.initial().state()).isEqualTo("no_failure_UP");
        assertThat(planner.offered).isEmpty();
        assertThat(target.executed).isEmpty();
        assertThat(progress).singleElement().asString().startsWith("state no_failure_UP: no problem found");
    }

    @Test
    void crashFixedByARetryIsHealedInOneStepWithItsTimeToHeal() throws Exception {
        target.crash().allow(RETRY_DEPLOYMENT, Duration.ofSeconds(3), FakeTarget::fixAll).allowNoop(ESCALATE);

        HealResult result = loop(new ScriptedPlanner(RETRY_DEPLOYMENT), 3).run(target, "gen-1");

        assertThat(result.outcome()).isEqualTo(Outcome.HEALED);
        assertThat(result.healed()).isTrue();
        assertThat(result.generation()).isEqualTo("gen-1");
        assertThat(result.planner()).isEqualTo("scripted");
        assertThat(result.initial().state()).isEqualTo("deployment_failure_UP");
        assertThat(result.steps()).singleElement().satisfies(step -> {
            assertThat(step.state()).isEqualTo("deployment_failure_UP");
            assertThat(step.action()).isEqualTo(RETRY_DEPLOYMENT);
            assertThat(step.healed()).isTrue();
            assertThat(step.stateAfter()).isEqualTo("no_failure_UP");
            assertThat(step.allowedAfter()).containsExactlyInAnyOrder(RETRY_DEPLOYMENT, ESCALATE);
            assertThat(step.outcome().duration()).isEqualTo(Duration.ofSeconds(3));
        });
        assertThat(result.timeToHeal()).contains(Duration.ofSeconds(3));
    }

    @Test
    void progressLinesTellStateExplanationOutcomeAndEnd() throws Exception {
        target.crash().allow(RETRY_DEPLOYMENT, Duration.ofMillis(2500), FakeTarget::fixAll);

        loop(new ScriptedPlanner(RETRY_DEPLOYMENT), 3).run(target, "g");

        assertThat(progress).hasSize(4);
        assertThat(progress.get(0)).isEqualTo("state deployment_failure_UP: deployment failed with exit code 1: boom");
        assertThat(progress.get(1)).contains("exploit", "planner scripted", "→ retry_deployment");
        assertThat(progress.get(2)).isEqualTo("retry_deployment succeeded in 2.5 s: ran retry_deployment");
        assertThat(progress.get(3)).isEqualTo("healed: state no_failure_UP after 1 action(s)");
    }

    @Test
    void stillFailingTriesUpToMaxHealsThenFails() throws Exception {
        target.crash().allowNoop(RETRY_DEPLOYMENT).allowNoop(RESTORE_PREVIOUS_VERSION).allowNoop(RESTART_SERVICE)
                .allowNoop(ESCALATE);

        HealResult result = loop(new ScriptedPlanner(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, RESTART_SERVICE, ESCALATE), 3)
                .run(target, "g");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.steps()).hasSize(3).noneMatch(HealAttempt::healed);
        assertThat(target.executed).containsExactly(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, RESTART_SERVICE);
        assertThat(result.timeToHeal()).isEmpty();
        assertThat(progress).filteredOn(l -> l.startsWith("still failing: state deployment_failure_UP")).hasSize(3);
        assertThat(progress).noneMatch(l -> l.contains("succeeded"))
                .filteredOn(l -> l.endsWith("but did not fix it")).hasSize(3);
    }

    @Test
    void aHealNeverRepeatsAFailedActionAndStopsWhenNoneIsLeft() throws Exception {
        target.crash().allowNoop(RETRY_DEPLOYMENT).allowNoop(RESTORE_PREVIOUS_VERSION);
        ScriptedPlanner planner = new ScriptedPlanner(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, RETRY_DEPLOYMENT);

        HealResult result = loop(planner, 5).run(target, "g");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(target.executed).containsExactly(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION);
        assertThat(planner.offered).containsExactly(Set.of(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION),
                Set.of(RESTORE_PREVIOUS_VERSION));
    }

    @Test
    void secondActionThatHealsEndsTheLoopWithBothSteps() throws Exception {
        target.crash().allowNoop(RESTART_SERVICE).allow(RETRY_DEPLOYMENT, Duration.ofSeconds(4), FakeTarget::fixAll);

        HealResult result = loop(new ScriptedPlanner(RESTART_SERVICE, RETRY_DEPLOYMENT), 5).run(target, "g");

        assertThat(result.outcome()).isEqualTo(Outcome.HEALED);
        assertThat(result.steps()).extracting(HealAttempt::action).containsExactly(RESTART_SERVICE, RETRY_DEPLOYMENT);
        assertThat(result.steps().get(0).stateAfter()).isEqualTo("deployment_failure_UP");
        assertThat(result.timeToHeal()).contains(Duration.ofSeconds(5)); // 1 s no-op + 4 s retry
    }

    @Test
    void escalateStopsAtOnce() throws Exception {
        target.uptime = FakeTarget.down();
        target.allowNoop(ESCALATE).allowNoop(RETRY_DEPLOYMENT);

        HealResult result = loop(new ScriptedPlanner(ESCALATE, RETRY_DEPLOYMENT), 5).run(target, "g");

        assertThat(result.outcome()).isEqualTo(Outcome.ESCALATED);
        assertThat(result.steps()).hasSize(1);
        assertThat(target.executed).containsExactly(ESCALATE);
        assertThat(progress.get(progress.size() - 1)).startsWith("escalated: a person has to look at deployment_failure_DOWN");
    }

    @Test
    void theAllowedSetIsReadAgainAfterEveryAction() throws Exception {
        target.crash().allowNoop(RETRY_DEPLOYMENT).allow(RESTORE_PREVIOUS_VERSION, Duration.ofSeconds(1),
                t -> t.mask(RESTORE_PREVIOUS_VERSION));
        ScriptedPlanner planner = new ScriptedPlanner(RESTORE_PREVIOUS_VERSION, RETRY_DEPLOYMENT);

        HealResult result = loop(planner, 2).run(target, "g");

        assertThat(planner.offered).containsExactly(EnumSet.of(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION),
                EnumSet.of(RETRY_DEPLOYMENT));
        assertThat(result.steps().get(0).allowedAfter()).containsExactly(RETRY_DEPLOYMENT);
    }

    @Test
    void maskedActionsAreNeverExecutedEvenWhenTheyLookBest() throws Exception {
        QTable table = new QTable();
        table.put("deployment_failure_UP", ESCALATE, new QEntry(50, 1, Optional.empty()));
        table.put("deployment_failure_UP", ADJUST_THRESHOLDS, new QEntry(40, 1, Optional.empty()));
        QLearningPlanner planner = new QLearningPlanner(table, new LearningParameters(0.1, 0.5, 0.9), new Random(5), false);
        target.crash().allowNoop(RETRY_DEPLOYMENT).allowNoop(RESTORE_PREVIOUS_VERSION).allowNoop(RESTART_SERVICE);

        for (int i = 0; i < 100; i++) {
            loop(planner, 3).run(target, "g");
        }

        assertThat(target.executed).hasSize(300).containsOnly(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, RESTART_SERVICE)
                .contains(RETRY_DEPLOYMENT, RESTORE_PREVIOUS_VERSION, RESTART_SERVICE);
    }

    @Test
    void nothingAllowedIsAnErrorAndMaxHealsMustBePositive() {
        target.crash();
        assertThatThrownBy(() -> loop(new ScriptedPlanner(RETRY_DEPLOYMENT), 1).run(target, "g"))
                .isInstanceOf(IllegalArgumentException.class);
        QTable table = new QTable();
        QLearningPlanner planner = new QLearningPlanner(table, LearningParameters.DEFAULTS, new Random(1), false);
        assertThatThrownBy(() -> loop(planner, 1).run(target, "g")).hasMessageContaining("every action is masked");
        assertThatThrownBy(() -> loop(planner, 0)).hasMessageContaining("maxHeals");
    }
}
