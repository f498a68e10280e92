package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeDrafts;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Jenkins-free part of a build's Self-Heal record: the episode (pending, then decided) kept
 * as JSON strings so it is saved with the build and survives restarts, and the rules of deciding:
 * one decision per episode (a second submission changes nothing), verdicts parsed with clear
 * messages, learning delegated to the policy's {@link Learner}.
 */
public class DecisionRecord {
    /** Applies a verdict to the job's policy. */
    @FunctionalInterface
    public interface Learner {
        LogEntry.EpisodeEntry learn(LogEntry.EpisodeEntry draft, Feedback feedback, String decidedBy) throws IOException;
    }

    /** What a decide call did: learned now, or found it already decided. */
    public record Outcome(LogEntry.EpisodeEntry episode, boolean decidedNow) {
    }

    private String draftJson;
    private String decidedJson;

    public DecisionRecord(LogEntry.EpisodeEntry draft) {
        this.draftJson = json(draft);
    }

    /** The episode as it is now: decided when someone decided, else the draft. */
    public LogEntry.EpisodeEntry episode() {
        return read(decidedJson != null ? decidedJson : draftJson);
    }

    public synchronized boolean isDecided() {
        return decidedJson != null || !EpisodeDrafts.PENDING.equals(read(draftJson).feedback());
    }

    /** Whether the page should offer the buttons: an action was chosen and nobody decided yet. */
    public synchronized boolean isAwaitingFeedback() {
        return !isDecided() && !read(draftJson).steps().isEmpty();
    }

    public synchronized Outcome decide(Feedback feedback, String decidedBy, Learner learner) throws IOException {
        if (isDecided()) {
            return new Outcome(episode(), false);
        }
        LogEntry.EpisodeEntry decided = learner.learn(read(draftJson), feedback, decidedBy);
        decidedJson = json(decided);
        return new Outcome(decided, true);
    }

    /** The chosen (last) action, if any. */
    public Optional<ActionKind> chosenAction() {
        List<LogEntry.StepEntry> steps = episode().steps();
        return steps.isEmpty() ? Optional.empty() : Optional.of(ActionKind.parse(steps.get(steps.size() - 1).action()));
    }

    /** The actions a reviewer may name instead of the chosen one. */
    public List<String> overrideChoices() {
        Optional<ActionKind> chosen = chosenAction();
        return Arrays.stream(ActionKind.values()).filter(a -> chosen.map(c -> c != a).orElse(true)).map(ActionKind::id).toList();
    }

    /**
     * @param verdict  {@code accept}, {@code reject} or {@code override} (the buttons' values)
     * @param override the action named with {@code override}
     */
    public Feedback parse(String verdict, String override) {
        String v = verdict == null ? "" : verdict.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "accept":
                return Feedback.accepted();
            case "reject":
                return Feedback.rejected();
            case "override":
                if (override == null || override.isBlank()) {
                    throw new IllegalArgumentException("override: choose the action that would have been right");
                }
                ActionKind better = ActionKind.parse(override.trim());
                if (chosenAction().map(c -> c == better).orElse(false)) {
                    throw new IllegalArgumentException("override: " + better.id() + " is the chosen action; use Accept instead");
                }
                return new Feedback.Overridden(better);
            default:
                throw new IllegalArgumentException("verdict: expected accept, reject or override, got '" + verdict + "'");
        }
    }

    private static String json(LogEntry.EpisodeEntry entry) {
        return new String(PolicyJson.write(entry, false), StandardCharsets.UTF_8);
    }

    private static LogEntry.EpisodeEntry read(String json) {
        return (LogEntry.EpisodeEntry) PolicyJson.readLogEntry(json, "build record");
    }
}
