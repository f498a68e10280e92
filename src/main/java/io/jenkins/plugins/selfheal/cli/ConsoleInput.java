package io.jenkins.plugins.selfheal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Lines from standard input, read by a daemon thread so a prompt can give up: on a terminal it
 * waits as long as the person needs; on a pipe or file it waits at most {@code pipeTimeout}, so a
 * non-interactive run never blocks.
 */
final class ConsoleInput {
    /** A line, the end of input, or no answer in time. */
    sealed interface Answer {
        record Line(String text) implements Answer {
        }

        record EndOfInput() implements Answer {
        }

        record NoAnswer(Duration waited) implements Answer {
        }
    }

    private static final Object EOF = new Object();
    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private final boolean interactive;
    private final Duration pipeTimeout;

    ConsoleInput(InputStream in, boolean interactive, Duration pipeTimeout) {
        this.interactive = interactive;
        this.pipeTimeout = pipeTimeout;
        Thread reader = new Thread(() -> pump(in), "self-heal-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // treated as the end of input
        }
        lines.add(EOF);
    }

    Answer next() throws InterruptedException {
        Object item = interactive ? lines.take() : lines.poll(pipeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            return new Answer.NoAnswer(pipeTimeout);
        }
        if (item == EOF) {
            lines.add(EOF); // later prompts see the end too
            return new Answer.EndOfInput();
        }
        return new Answer.Line((String) item);
    }
}
