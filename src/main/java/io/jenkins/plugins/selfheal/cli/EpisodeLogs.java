package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.learn.HealStep;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;

import java.io.IOException;

/** Writes a learned episode into the original simulation's RL log files. */
final class EpisodeLogs {
    private EpisodeLogs() {
    }

    static void write(SeedLogs logs, HealResult result, Episode entry) throws IOException {
        if (result.lastStep().isEmpty()) {
            return;
        }
        HealStep last = result.lastStep().get();
        logs.performance(last.state(), last.action().id(), entry.reward());
        Verdict verdict = entry.verdict();
        if (verdict == Verdict.ACCEPTED || verdict == Verdict.REJECTED) {
            logs.feedback(last.state(), last.action().id(), result.healed() ? "success" : "failure", verdict.id());
        }
    }
}
