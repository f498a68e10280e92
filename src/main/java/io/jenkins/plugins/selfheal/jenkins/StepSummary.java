package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.store.LogEntry;

/** One-line texts for the build log and failures; Jenkins-free. */
final class StepSummary {
    private StepSummary() {
    }

    /** e.g. {@code Self-Heal could not heal deployment_failure_DOWN: retry_deployment failed (deployment failed …)}. */
    static String oneLine(LogEntry.EpisodeEntry episode) {
        String tried = episode.steps().isEmpty() ? "no action"
                : String.join(", ", episode.steps().stream().map(LogEntry.StepEntry::action).toList());
        return "Self-Heal could not heal " + episode.state() + " (" + firstLine(episode.reason()) + "); tried " + tried;
    }

    /** Why the stage is UNSTABLE (an escalation, or a recommendation nobody ran), shown on the flow graph's node. */
    static String unstable(LogEntry.EpisodeEntry episode) {
        String action = episode.steps().isEmpty() ? "no action" : episode.steps().get(episode.steps().size() - 1).action();
        return "recommended".equals(episode.outcome())
                ? "Self-Heal recommends " + action + " for " + episode.state() + " (recommend-only mode: not run)"
                : "Self-Heal escalated " + episode.state() + ": a person has to look at this deployment";
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
