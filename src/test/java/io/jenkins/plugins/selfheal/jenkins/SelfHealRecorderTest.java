package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.learn.PlannerKind;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The post-build step read from a config.xml that lacks fields (a minimal one from the REST API or
 * Job DSL, or one an older version wrote): XStream creates the object without running its field
 * initialisers, then calls readResolve. Done here the same way, without Jenkins.
 */
class SelfHealRecorderTest {
    /** An instance as XStream makes it: no constructor of the class runs, every field is null/0. */
    private static SelfHealRecorder asXStreamReadsIt() throws Exception {
        Constructor<?> bare = sun.reflect.ReflectionFactory.getReflectionFactory()
                .newConstructorForSerialization(SelfHealRecorder.class, Object.class.getDeclaredConstructor());
        return (SelfHealRecorder) ((SelfHealRecorder) bare.newInstance()).readResolve();
    }

    @Test
    void itsAutonomySettingsOverrideTheGlobalDefaultsAndAnOldConfigKeepsThem() throws Exception {
        AutonomyParameters.Defaults global = new AutonomyParameters.Defaults("confident", 0.9, 2, 5, false, false);
        SelfHealRecorder old = asXStreamReadsIt();
        assertThat(old.parameters(60, global).autonomy().gate().autonomy())
                .isEqualTo(io.jenkins.plugins.selfheal.engine.autonomy.Autonomy.CONFIDENT);
        assertThat(old.parameters(60, global).autonomy().budget().maxPerHour()).isEqualTo(2);

        SelfHealRecorder own = new SelfHealRecorder();
        own.setAutonomy("auto");
        own.setConfidenceThreshold(0.5);
        own.setMaxHealsPerHour(0);
        own.setCoolDownMinutes(0);
        own.setMode("shadow");
        AutonomyParameters p = own.parameters(60, global).autonomy();
        assertThat(p.gate().autonomy()).isEqualTo(io.jenkins.plugins.selfheal.engine.autonomy.Autonomy.AUTO);
        assertThat(p.gate().threshold()).isEqualTo(0.5);
        assertThat(p.budget().maxPerHour()).isZero();
        assertThat(p.shadow()).isTrue();
        own.setMode("mirror");
        assertThatThrownBy(() -> own.parameters(60, global)).hasMessageStartingWith("mode:");
    }

    @Test
    void aMinimalConfigGetsTheDefaults() throws Exception {
        SelfHealRecorder recorder = asXStreamReadsIt();

        HealParameters p = recorder.parameters(60);
        assertThat(p.planner()).isEqualTo(PlannerKind.RL);
        assertThat(p.feedback()).isEqualTo(FeedbackMode.ASYNC);
        assertThat(p.maxHeals()).isEqualTo(1);
        assertThat(p.latencyThresholdMs()).isEqualTo(HealParameters.DEFAULT_LATENCY_THRESHOLD_MS);
        assertThat(p.datasetPath()).isEmpty();
        assertThat(p.deployCommand()).isEmpty();
        assertThat(recorder.getFeedback()).isEqualTo("async");
        assertThat(recorder.getPlanner()).isEqualTo("rl");
        assertThat(recorder.getMaxHeals()).isEqualTo(1);
    }

    @Test
    void fieldsTheConfigHeldAreKept() throws Exception {
        SelfHealRecorder recorder = asXStreamReadsIt();
        recorder.setPlanner("random");
        recorder.setDeploy("./deploy.sh");
        recorder.setFeedback("none");
        recorder.setMaxHeals(3);
        recorder.readResolve();

        HealParameters p = recorder.parameters(5);
        assertThat(p.planner()).isEqualTo(PlannerKind.RANDOM);
        assertThat(p.deployCommand()).contains("./deploy.sh");
        assertThat(p.feedback()).isEqualTo(FeedbackMode.NONE);
        assertThat(p.maxHeals()).isEqualTo(3);
        assertThat(p.feedbackTimeoutMinutes()).isEqualTo(5);
    }

    @Test
    void aFreestyleBuildNeverWaits() {
        SelfHealRecorder recorder = new SelfHealRecorder();
        assertThat(recorder.parameters(60).feedback()).isEqualTo(FeedbackMode.ASYNC);
        recorder.setFeedback("wait");
        assertThat(recorder.parameters(60).feedback()).isEqualTo(FeedbackMode.ASYNC);
        recorder.setFeedback(" NONE ");
        assertThat(recorder.parameters(60).feedback()).isEqualTo(FeedbackMode.NONE);
        recorder.setFeedback(null);
        assertThat(recorder.parameters(60).feedback()).isEqualTo(FeedbackMode.ASYNC);
    }

    @Test
    void badValuesAreNamed() {
        SelfHealRecorder recorder = new SelfHealRecorder();
        recorder.setMaxHeals(0);
        assertThatThrownBy(() -> recorder.parameters(60)).hasMessageStartingWith("maxHeals: ");
    }
}
