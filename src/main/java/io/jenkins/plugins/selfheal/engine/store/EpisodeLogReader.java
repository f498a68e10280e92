package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads an episode log line by line and replays it into a policy. */
final class EpisodeLogReader {
    private EpisodeLogReader() {
    }

    static List<LogEntry> read(Path log, Consumer<String> warnings) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        if (!Files.exists(log)) {
            return entries;
        }
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(PolicyJson.readLogEntry(line, log.getFileName() + ":" + number));
                } catch (PolicyFormatException e) {
                    warnings.accept("skipped unreadable episode log line: " + e.getMessage());
                }
            }
        }
        return entries;
    }

    /** The rebuilt policy's initial values: it gets the default parameters. */
    private static final io.jenkins.plugins.selfheal.engine.learn.LearningParameters.InitialValues INITIAL =
            io.jenkins.plugins.selfheal.engine.learn.LearningParameters.DEFAULTS.initialValues();

    /** Replays resets, imports and the exact cell values episodes recorded. */
    static Policy rebuild(String key, List<LogEntry> log, Instant now) {
        QTable table = new QTable();
        String generation = "rebuilt";
        long episodes = 0;
        for (LogEntry entry : log) {
            if (entry instanceof LogEntry.ResetEntry) {
                table = new QTable();
                episodes = 0;
            } else if (entry instanceof LogEntry.ImportEntry imported) {
                table = PolicyDocument.table("import in episode log", imported.policy().states());
                episodes = 0;
            } else if (entry instanceof LogEntry.EpisodeEntry episode) {
                Optional<Instant> at = Optional.of(Instant.parse(episode.at()));
                for (LogEntry.UpdateEntry update : episode.updates()) {
                    ActionKind action = ActionKind.parse(update.action());
                    table.ensureState(update.state(), INITIAL); // as QLearner: added right before its first update
                    QEntry before = table.entry(update.state(), action);
                    table.put(update.state(), action, new QEntry(update.after(), before.visits() + 1, at));
                }
                // the states the learner added on first sight without updating them (see EpisodeLearner)
                if (!episode.steps().isEmpty()) {
                    table.ensureState(episode.state(), INITIAL);
                }
                for (LogEntry.StepEntry step : episode.steps()) {
                    if (!step.healed()) {
                        table.ensureState(step.stateAfter(), INITIAL);
                    }
                }
                episodes++;
            }
            generation = entry.generation();
        }
        return new Policy(key, generation, io.jenkins.plugins.selfheal.engine.learn.LearningParameters.DEFAULTS,
                io.jenkins.plugins.selfheal.engine.learn.RewardPolicy.DEFAULTS, table, episodes, null, now);
    }
}
