package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.learn.HealStep;
import io.jenkins.plugins.selfheal.engine.loop.HealResult;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;

import java.io.IOException;

/** Writes a learned episode into the original simulation's RL log files. */
final class EpisodeLogs {
    private EpisodeLogs() {
    }

    static void write(SeedLogs logs, HealResult result, LogEntry.EpisodeEntry entry) throws IOException {
        if (result.lastStep().isEmpty()) {
            return;
        }
        HealStep last = result.lastStep().get();
        logs.performance(last.state(), last.action().id(), entry.reward());
        String verdict = entry.feedback();
        if (verdict.equals("accepted") || verdict.equals("rejected")) {
            logs.feedback(last.state(), last.action().id(), result.healed() ? "success" : "failure", verdict);
        }
    }
}
