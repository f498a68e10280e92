package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedReviewer;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Random;

/** Where the verdict on a heal comes from, per {@code --feedback}. */
@FunctionalInterface
interface FeedbackSource {
    Feedback feedbackFor(HealResult result) throws InterruptedException;

    static FeedbackSource of(RunOptions.FeedbackMode mode, InputStream in, boolean interactive, PrintWriter out,
                              Duration pipeTimeout, Random random) {
        return switch (mode) {
            case y -> result -> Feedback.accepted();
            case n -> result -> Feedback.rejected();
            case none -> result -> Feedback.none("feedback disabled (--feedback none)");
            case auto -> new SimulatedReviewer(0.0, random)::review;
            case ask -> {
                TerminalFeedback prompt = new TerminalFeedback(new ConsoleInput(in, interactive, pipeTimeout), out);
                yield result -> {
                    HealAttempt last = result.lastStep().orElseThrow();
                    return prompt.ask(last.state(), last.action().id(), result.healed() ? "success" : "failure");
                };
            }
        };
    }
}
