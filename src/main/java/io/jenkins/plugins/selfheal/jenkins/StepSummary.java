package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.LinkedHashMap;
import java.util.Map;

/** One-line texts for the build log and failures; Jenkins-free. */
final class StepSummary {
    private StepSummary() {
    }

    /** e.g. {@code Self-Heal could not heal deployment_failure_DOWN: retry_deployment failed (deployment failed …)}. */
    static String oneLine(Episode episode) {
        String tried = episode.steps().isEmpty() ? "no action"
                : String.join(", ", episode.steps().stream().map(s -> s.action().id()).toList());
        return "Self-Heal could not heal " + episode.state() + " (" + firstLine(episode.reason()) + "); tried " + tried;
    }

    /** Why the stage is UNSTABLE (an escalation, or a recommendation nobody ran), shown on the flow graph's node. */
    static String unstable(Episode episode) {
        String action = episode.chosenAction().map(ActionKind::id).orElse("no action");
        return episode.outcome() == Outcome.RECOMMENDED
                ? "Self-Heal recommends " + action + " for " + episode.state() + " (recommend-only mode: not run)"
                : "Self-Heal escalated " + episode.state() + ": a person has to look at this deployment";
    }

    /**
     * What a step returns: state, action, outcome, feedback and reward ({@code feedback} is
     * {@code pending} until someone decides; action is empty when healthy).
     */
    static Map<String, Object> returnValue(Episode episode) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("state", episode.state());
        value.put("action", episode.chosenAction().map(ActionKind::id).orElse(""));
        value.put("outcome", episode.outcome().id());
        value.put("feedback", episode.verdict().id());
        value.put("reward", episode.reward());
        return value;
    }

    /** A throwable as one readable line: its message, or its type when it has none. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : firstLine(message);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
