package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeDrafts;
import io.jenkins.plugins.selfheal.engine.loop.StalePolicyException;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build page's decision rules, without Jenkins. */
class DecisionRecordTest {
    static LogEntry.EpisodeEntry pending(String state) {
        LogEntry.StepEntry step = new LogEntry.StepEntry(state, "retry_deployment", "exploit", 0.1,
                Map.of("retry_deployment", 0.0), List.of("escalate", "retry_deployment"), false, 10, "failed again",
                state, false, List.of("escalate", "retry_deployment"));
        return new LogEntry.EpisodeEntry("job#7", "2026-11-25T10:00:00Z", "gen-1", "rl", "deployment_failure",
                "exit 1", state, List.of(step), "failed", EpisodeDrafts.PENDING, null, null, null, null, 0.0, null,
                "job/x/7/", List.of());
    }

    private static DecisionRecord.Learner recording(AtomicInteger calls) {
        return (draft, feedback, by) -> {
            calls.incrementAndGet();
            return new LogEntry.EpisodeEntry(draft.id(), draft.at(), draft.generation(), draft.planner(), draft.failure(),
                    draft.reason(), draft.state(), draft.steps(), draft.outcome(), feedback.verdict(), null, null, by,
                    "2026-11-25T10:05:00Z", -1.0, null, draft.link(), List.of());
        };
    }

    @Test
    void aSecondSubmissionChangesNothing() throws Exception {
        DecisionRecord record = new DecisionRecord(pending("deployment_failure_DOWN"));
        AtomicInteger calls = new AtomicInteger();
        assertThat(record.isAwaitingFeedback()).isTrue();

        DecisionRecord.Outcome first = record.decide(Feedback.rejected(), "alice", recording(calls));
        DecisionRecord.Outcome second = record.decide(Feedback.accepted(), "bob", recording(calls));

        assertThat(calls).hasValue(1);
        assertThat(first.decidedNow()).isTrue();
        assertThat(second.decidedNow()).isFalse();
        assertThat(second.episode().feedback()).isEqualTo("rejected");
        assertThat(second.episode().decidedBy()).isEqualTo("alice");
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
        LogEntry.EpisodeEntry episode = pending("deployment_failure_DOWN");

        assertThat(StepSummary.oneLine(episode)).isEqualTo(
                "Self-Heal could not heal deployment_failure_DOWN (exit 1); tried retry_deployment");
        assertThat(StepSummary.describe(new RuntimeException("first\nsecond"))).isEqualTo("first");
        assertThat(StepSummary.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
