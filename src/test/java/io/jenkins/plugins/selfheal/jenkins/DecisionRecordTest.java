package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.loop.StalePolicyException;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.episode.TestEpisodes;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build page's decision rules, without Jenkins. */
class DecisionRecordTest {
    static Episode pending(String state) {
        return TestEpisodes.pending(state, ActionKind.RETRY_DEPLOYMENT, Choice.EXPLOIT, false, "failed again", state,
                Outcome.FAILED, null);
    }

    private static DecisionRecord.Learner recording(AtomicInteger calls) {
        return (draft, feedback, by) -> {
            calls.incrementAndGet();
            return TestEpisodes.decided(draft, feedback, by, -1.0);
        };
    }

    @Test
    void aSecondSubmissionChangesNothing() throws Exception {
        DecisionRecord record = new DecisionRecord(pending("deployment_failure_DOWN"));
        AtomicInteger calls = new AtomicInteger();
        assertThat(record.isAwaitingFeedback()).isTrue();

        DecisionRecord.Decided first = record.decide(Feedback.rejected(), "alice", recording(calls));
        DecisionRecord.Decided second = record.decide(Feedback.accepted(), "bob", recording(calls));

        assertThat(calls).hasValue(1);
        assertThat(first.decidedNow()).isTrue();
        assertThat(second.decidedNow()).isFalse();
        assertThat(second.episode().verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(second.episode().decidedBy()).contains("alice");
        assertThat(record.isAwaitingFeedback()).isFalse();
    }

    @Test
    void aStalePolicyLeavesTheRecordPendingWithTheMessage() {
        DecisionRecord record = new DecisionRecord(pending("deployment_failure_DOWN"));

        assertThatThrownBy(() -> record.decide(Feedback.accepted(), "alice", (d, f, b) -> {
            throw new StalePolicyException("gen-1", "gen-2");
        })).isInstanceOf(StalePolicyException.class).hasMessageContaining("reset or replaced");
        assertThat(record.isAwaitingFeedback()).isTrue();
    }

    @Test
    void verdictsParseFromTheButtons() {
        DecisionRecord record = new DecisionRecord(pending("deployment_failure_DOWN"));

        assertThat(record.parse("accept", null)).isEqualTo(Feedback.accepted());
        assertThat(record.parse(" Reject ", null)).isEqualTo(Feedback.rejected());
        assertThat(record.parse("override", "restart_service")).isEqualTo(new Feedback.Overridden(ActionKind.RESTART_SERVICE));
        assertThatThrownBy(() -> record.parse("maybe", null)).hasMessageStartingWith("verdict:");
        assertThatThrownBy(() -> record.parse("override", "")).hasMessageStartingWith("override:");
        assertThatThrownBy(() -> record.parse("override", "teleport")).hasMessageContaining("unknown action 'teleport'");
        assertThatThrownBy(() -> record.parse("override", "retry_deployment")).hasMessageContaining("use Accept instead");
    }

    @Test
    void overrideChoicesAreTheOtherActions() {
        DecisionRecord record = new DecisionRecord(pending("deployment_failure_DOWN"));

        assertThat(record.overrideChoices()).containsExactly("restore_previous_version", "adjust_thresholds",
                "restart_service", "escalate");
    }

    @Test
    void hostileTextSurvivesTheRecordUnchanged() {
        String hostile = "<script>alert('x')</script>_DOWN";
        DecisionRecord record = new DecisionRecord(pending(hostile));

        assertThat(record.episode().state()).isEqualTo(hostile);
    }

    @Test
    void stepSummaryIsOneLine() {
        Episode episode = pending("deployment_failure_DOWN");

        assertThat(StepSummary.oneLine(episode)).isEqualTo(
                "Self-Heal could not heal deployment_failure_DOWN (exit 1); tried retry_deployment");
        assertThat(StepSummary.describe(new RuntimeException("first\nsecond"))).isEqualTo("first");
        assertThat(StepSummary.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
