package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step's phases on real threads racing: whatever comes first (a decision, the timeout, stop, a
 * reset of the policy, a resume after a restart), the step ends exactly once, never zero times, and
 * ends with what the build record says.
 */
class StepPhasesTest {
    private static final int ITERATIONS = 2_000;

    @Test
    void decisionTimeoutAndStopRaceWhileWaiting() throws Exception {
        for (int i = 0; i < ITERATIONS; i++) {
            PhasesRig rig = waiting();
            Races.race(() -> rig.decide(Feedback.accepted(), true), rig::timer, rig::stop);
            assertEndedOnce(rig);
        }
    }

    @Test
    void decisionTimeoutAndResetOfThePolicyRaceWhileWaiting() throws Exception {
        for (int i = 0; i < ITERATIONS; i++) {
            PhasesRig rig = waiting();
            Races.race(() -> rig.decide(Feedback.rejected(), true), rig::timer, rig::resetPolicy);
            assertEndedOnce(rig);
            assertThat(rig.onlyEnding()).isInstanceOf(StepPhases.Ending.Decided.class);
        }
    }

    @Test
    void aDecisionThatArrivesBeforeTheWaitIsArmedStillEndsTheStep() throws Exception {
        for (int i = 0; i < ITERATIONS; i++) {
            PhasesRig rig = healing();
            Races.race(rig::heal, () -> rig.decide(Feedback.accepted(), true));
            assertEndedOnce(rig);
            assertThat(decided(rig).episode().verdict()).isEqualTo(Verdict.ACCEPTED);
        }
    }

    @Test
    void aResetBeforeTheWaitIsArmedStillEndsTheStepUnlearned() throws Exception {
        for (int i = 0; i < ITERATIONS; i++) {
            PhasesRig rig = healing();
            Races.race(rig::heal, rig::resetPolicy);
            assertEndedOnce(rig);
            assertThat(EpisodeSettling.notLearned(decided(rig).episode())).isTrue();
            assertThat(rig.learned).hasValue(0);
        }
    }

    @Test
    void aDecisionTheStepNeverHeardOfEndsItWhenItResumes() throws Exception {
        byte[] saved = saved(waiting().phases);
        for (int i = 0; i < ITERATIONS; i++) {
            PhasesRig rig = new PhasesRig(restored(saved));
            // the page decides while Jenkins loads the build: before the load it cannot reach the step
            Races.race(rig::resume, () -> rig.decideWhileLoading(Feedback.accepted()));
            assertEndedOnce(rig);
            assertThat(decided(rig).episode().verdict()).isEqualTo(Verdict.ACCEPTED);
        }
    }

    @Test
    void resumeDecisionTimeoutAndStopRace() throws Exception {
        byte[] saved = saved(waiting().phases);
        for (int i = 0; i < ITERATIONS; i++) {
            PhasesRig rig = new PhasesRig(restored(saved));
            Races.race(rig::resume, () -> rig.decideWhileLoading(Feedback.accepted()), rig::timer, rig::stop);
            assertEndedOnce(rig);
        }
    }

    @Test
    void resumeAfterAResetOfThePolicyEndsAtOnceUnlearned() throws Exception {
        PhasesRig rig = new PhasesRig(restored(saved(waiting().phases)));
        rig.generation.set("gen-2"); // reset while Jenkins was down: no hook reached the step

        rig.resume();

        assertEndedOnce(rig);
        assertThat(EpisodeSettling.notLearned(decided(rig).episode())).isTrue();
        assertThat(rig.record.episode().note()).contains(EpisodeSettling.POLICY_REPLACED);
    }

    @Test
    void resumeOfAnUndecidedWaitArmsTheSameDeadlineAgainAndKeepsWaiting() throws Exception {
        PhasesRig before = waiting();
        PhasesRig rig = new PhasesRig(restored(saved(before.phases)));

        rig.phases.resume(rig);

        assertThat(rig.endings).isEmpty();
        assertThat(rig.deadline.get()).isEqualTo(before.deadline.get());
        assertThat(rig.registered).isTrue();
        assertThat(rig.phases.status()).isEqualTo("waiting for feedback until 2030-01-01T00:00:00Z");
    }

    @Test
    void aTimeoutLearnsFromTheOutcomeOnceAndSaysSo() throws Exception {
        PhasesRig rig = waiting();

        rig.phases.timedOut(rig);
        rig.phases.timedOut(rig); // a second firing (after a restart while timing out) changes nothing

        assertEndedOnce(rig);
        assertThat(decided(rig).episode().verdict()).isEqualTo(Verdict.NONE);
        assertThat(rig.learned).hasValue(1);
        assertThat(rig.log).containsExactly("no feedback within 1 minutes: learning from the outcome only");
    }

    @Test
    void aRestartInTheMiddleOfAHealFailsWithOneLine() throws Exception {
        PhasesRig rig = healing();
        PhasesRig resumed = new PhasesRig(restored(saved(rig.phases)));

        resumed.phases.resume(resumed);

        assertThat(resumed.onlyEnding()).isEqualTo(new StepPhases.Ending.Aborted(
                "Jenkins restarted while Self-Heal was healing; the heal did not finish. Run the build again."));
    }

    @Test
    void aRunningBodyResumesByItselfAndOnlyHealingBlocksARestart() throws Exception {
        PhasesRig rig = new PhasesRig();
        assertThat(rig.phases.blocksRestart()).isTrue();
        assertThat(rig.phases.bodyStarts(rig)).isTrue();
        assertThat(rig.phases.blocksRestart()).isFalse();

        rig.phases.resume(rig);

        assertThat(rig.endings).isEmpty();
        assertThat(rig.phases.phase()).isEqualTo(StepPhases.Phase.RUNNING_BODY);
        assertThat(rig.phases.healStarts(rig)).isTrue();
        assertThat(rig.phases.blocksRestart()).isTrue();
    }

    @Test
    void stopBeforeTheHealKeepsTheHealFromRunning() {
        PhasesRig rig = new PhasesRig();
        assertThat(rig.phases.bodyStarts(rig)).isTrue();

        rig.stop();
        rig.phases.bodyInterrupted(new InterruptedException("again"), rig);

        assertThat(rig.phases.healStarts(rig)).isFalse();
        assertThat(rig.onlyEnding()).isInstanceOf(StepPhases.Ending.Failed.class);
    }

    @Test
    void aHealWithoutWaitingEndsAtOnce() {
        PhasesRig rig = new PhasesRig();
        assertThat(rig.phases.healStarts(rig)).isTrue();

        rig.phases.healed(new StepPhases.Ending.Decided(PhasesRig.draft()), rig);
        rig.phases.decided(new StepPhases.Ending.Decided(PhasesRig.draft()), rig);

        assertThat(rig.onlyEnding()).isInstanceOf(StepPhases.Ending.Decided.class);
        assertThat(rig.armed).hasValue(0);
    }

    private static PhasesRig healing() {
        PhasesRig rig = new PhasesRig();
        assertThat(rig.phases.healStarts(rig)).isTrue();
        return rig;
    }

    private static PhasesRig waiting() throws Exception {
        PhasesRig rig = healing();
        rig.heal();
        assertThat(rig.phases.phase()).isEqualTo(StepPhases.Phase.WAITING);
        return rig;
    }

    private static StepPhases.Ending.Decided decided(PhasesRig rig) {
        assertThat(rig.onlyEnding()).isInstanceOf(StepPhases.Ending.Decided.class);
        return (StepPhases.Ending.Decided) rig.onlyEnding();
    }

    /** Once, never twice nor zero times; no waiting registration left; the step and the record agree. */
    private static void assertEndedOnce(PhasesRig rig) {
        StepPhases.Ending ending = rig.onlyEnding();
        assertThat(rig.phases.phase()).isEqualTo(StepPhases.Phase.DONE);
        assertThat(rig.registered).as("still registered as waiting").isFalse();
        assertThat(rig.learned.get()).as("times learned").isLessThanOrEqualTo(1);
        if (ending instanceof StepPhases.Ending.Decided decided) {
            assertThat(rig.record.isAwaitingFeedback()).isFalse();
            assertThat(decided.episode()).isEqualTo(rig.record.episode());
        }
    }

    private static byte[] saved(StepPhases phases) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(phases);
        }
        return bytes.toByteArray();
    }

    private static StepPhases restored(byte[] saved) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved))) {
            return (StepPhases) in.readObject();
        }
    }
}
