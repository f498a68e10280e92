package io.jenkins.plugins.selfheal.engine.sim;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.engine.loop.DeploymentInspector;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment.Scenario;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedEnvironmentTest {
    static final List<Scenario> SCENARIOS = SimulatedEnvironment.SCENARIOS;

    private static SuccessTable always(double p) {
        Map<ActionKind, Double> row = new EnumMap<>(ActionKind.class);
        for (ActionKind kind : ActionKind.values()) {
            row.put(kind, p);
        }
        return new SuccessTable(row, row, row);
    }

    private static ActionResult run(SimulatedEnvironment env, ActionKind kind) throws InterruptedException {
        return env.actions().get(kind).execute();
    }

    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void observerSeesExactlyTheScenariosState(Scenario scenario) throws Exception {
        SimulatedEnvironment env = new SimulatedEnvironment(scenario, SuccessTable.DEFAULT, new Random(1));
        Observation o = new DeploymentInspector().inspect(env);
        assertThat(o.state()).isEqualTo(scenario.state());
        assertThat(o.healthy()).isFalse();
    }

    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void probabilityOneFixesEveryScenarioWithAnyRealAction(Scenario scenario) throws Exception {
        for (ActionKind kind : List.of(ActionKind.RETRY_DEPLOYMENT, ActionKind.RESTORE_PREVIOUS_VERSION,
                ActionKind.ADJUST_THRESHOLDS, ActionKind.RESTART_SERVICE)) {
            SimulatedEnvironment env = new SimulatedEnvironment(scenario, always(1.0), new Random(1));
            ActionResult outcome = run(env, kind);
            assertThat(outcome.success()).isTrue();
            assertThat(outcome.detail()).isEqualTo("simulated fix worked");
            Observation after = new DeploymentInspector().inspect(env);
            assertThat(after.healthy()).as("%s after %s", scenario, kind).isTrue();
            assertThat(after.state()).isEqualTo("no_failure_UP");
        }
    }

    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void probabilityZeroNeverFixes(Scenario scenario) throws Exception {
        SimulatedEnvironment env = new SimulatedEnvironment(scenario, always(0.0), new Random(1));
        for (int i = 0; i < 50; i++) {
            for (ActionKind kind : ActionKind.values()) {
                ActionResult outcome = run(env, kind);
                assertThat(outcome.success()).isEqualTo(kind == ActionKind.ESCALATE);
            }
        }
        assertThat(new DeploymentInspector().inspect(env).state()).isEqualTo(scenario.state());
    }

    @Test
    void escalatingNeverFixesEvenWithProbabilityOne() throws Exception {
        SimulatedEnvironment env = new SimulatedEnvironment(SCENARIOS.get(0), always(1.0), new Random(1));
        assertThat(run(env, ActionKind.ESCALATE).detail()).contains("person");
        assertThat(new DeploymentInspector().inspect(env).healthy()).isFalse();
    }

    @Test
    void defaultTableFixRatesAreFollowed() throws Exception {
        Random random = new Random(77);
        int trials = 4000;
        int retryFixesCrash = 0;
        int adjustFixesCrash = 0;
        int restoreFixesAnomaly = 0;
        for (int i = 0; i < trials; i++) {
            Scenario crash = new Scenario(Finding.DEPLOYMENT_FAILURE, UptimeStatus.DOWN);
            retryFixesCrash += run(new SimulatedEnvironment(crash, SuccessTable.DEFAULT, random), ActionKind.RETRY_DEPLOYMENT).success() ? 1 : 0;
            adjustFixesCrash += run(new SimulatedEnvironment(crash, SuccessTable.DEFAULT, random), ActionKind.ADJUST_THRESHOLDS).success() ? 1 : 0;
            Scenario anomaly = new Scenario("anomaly_health", UptimeStatus.UP);
            restoreFixesAnomaly += run(new SimulatedEnvironment(anomaly, SuccessTable.DEFAULT, random), ActionKind.RESTORE_PREVIOUS_VERSION).success() ? 1 : 0;
        }
        assertThat(retryFixesCrash / (double) trials).isBetween(0.83, 0.87);
        assertThat(adjustFixesCrash).isZero();
        assertThat(restoreFixesAnomaly / (double) trials).isBetween(0.935, 0.965);
    }

    @Test
    void successTableRowsAndIntendedActions() {
        assertThat(SuccessTable.DEFAULT.probability("latency_issue", ActionKind.ADJUST_THRESHOLDS)).isEqualTo(0.9);
        assertThat(SuccessTable.DEFAULT.probability("anomaly_anything", ActionKind.RETRY_DEPLOYMENT)).isZero();
        assertThat(SuccessTable.DEFAULT.probability("deployment_failure", ActionKind.ESCALATE)).isZero();
        assertThat(SuccessTable.intended("deployment_failure")).isEqualTo(ActionKind.RETRY_DEPLOYMENT);
        assertThat(SuccessTable.intended("latency_issue")).isEqualTo(ActionKind.ADJUST_THRESHOLDS);
        assertThat(SuccessTable.intended("anomaly_score")).isEqualTo(ActionKind.RESTORE_PREVIOUS_VERSION);
        assertThat(SuccessTable.intended("anomaly_health")).isEqualTo(ActionKind.RESTORE_PREVIOUS_VERSION);
    }

    @Test
    void everyActionIsOfferedAndScenariosAreSevenDistinctStates() {
        SimulatedEnvironment env = new SimulatedEnvironment(SCENARIOS.get(2), SuccessTable.DEFAULT, new Random(1));
        assertThat(env.actions().keySet()).containsExactly(ActionKind.values());
        assertThat(SCENARIOS).extracting(Scenario::state).doesNotHaveDuplicates().hasSize(7)
                .doesNotContain("latency_issue_DOWN");
    }
}
