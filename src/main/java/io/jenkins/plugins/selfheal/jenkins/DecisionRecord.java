package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Jenkins-free part of a build's Self-Heal record: the episode (pending, then decided), and the
 * rules of deciding: one decision per episode (a second submission changes nothing), verdicts parsed
 * with clear messages, learning delegated to the policy's {@link Learner}.
 *
 * <p>Saved with the build as the episode's log line ({@code draftJson}, then {@code decidedJson}: the
 * build.xml format of every earlier version); parsed once after loading, not on every getter.
 */
public class DecisionRecord {
    /** Applies a verdict to the job's policy. */
    @FunctionalInterface
    public interface Learner {
        Episode learn(Episode pending, Feedback feedback, String decidedBy) throws IOException;
    }

    /** What a decide call did: learned now, or found it already decided. */
    public record Decided(Episode episode, boolean decidedNow) {
    }

    /** The buttons' values. */
    private static final Map<String, Verdict> BUTTONS = Map.of("accept", Verdict.ACCEPTED, "reject", Verdict.REJECTED,
            "override", Verdict.OVERRIDE);

    private String draftJson;
    private String decidedJson;
    private transient Episode cached;

    public DecisionRecord(Episode pending) {
        this.draftJson = PolicyJson.writeEpisode(pending);
        this.cached = pending;
    }

    /** The episode as it is now: decided when someone decided, else the draft. */
    public synchronized Episode episode() {
        if (cached == null) {
            cached = PolicyJson.readEpisode(decidedJson != null ? decidedJson : draftJson, "build record");
        }
        return cached;
    }

    public synchronized boolean isDecided() {
        return decidedJson != null || !episode().isPending();
    }

    /** Whether the page should offer the buttons: an action was chosen and nobody decided yet. */
    public synchronized boolean isAwaitingFeedback() {
        return !isDecided() && !episode().steps().isEmpty();
    }

    public synchronized Decided decide(Feedback feedback, String decidedBy, Learner learner) throws IOException {
        if (isDecided()) {
            return new Decided(episode(), false);
        }
        Episode decided = learner.learn(episode(), feedback, decidedBy);
        decidedJson = PolicyJson.writeEpisode(decided);
        cached = decided;
        return new Decided(decided, true);
    }

    /** The chosen (last) action, if any. */
    public Optional<ActionKind> chosenAction() {
        return episode().chosenAction();
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
        Verdict v = BUTTONS.get(verdict == null ? "" : verdict.trim().toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new IllegalArgumentException("verdict: expected accept, reject or override, got '" + verdict + "'");
        }
        return switch (v) {
            case ACCEPTED -> Feedback.accepted();
            case REJECTED -> Feedback.rejected();
            default -> overridden(override);
        };
    }

    private Feedback overridden(String override) {
        if (override == null || override.isBlank()) {
            throw new IllegalArgumentException("override: choose the action that would have been right");
        }
        ActionKind better = ActionKind.parse(override.trim());
        if (chosenAction().map(c -> c == better).orElse(false)) {
            throw new IllegalArgumentException("override: " + better.id() + " is the chosen action; use Accept instead");
        }
        return new Feedback.Overridden(better);
    }
}
