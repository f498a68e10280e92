package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids of the episode log, kept as hashes with their line's offset and confirmed by reading the line. */
class LearnedEpisodesTest extends StoreTestBase {
    @Test
    void everyIdOfALongLogIsFoundAndNoOtherIs() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 5000; i++) { // the index grows several times
            log.append(line("ep-" + i)).append('\n');
        }
        Files.writeString(store().episodeLog(), log);
        LearnedEpisodes learned = new LearnedEpisodes(new StoreFiles(store().policyFile(), java.time.Clock.systemUTC()));

        for (int i = 0; i < 5000; i += 97) {
            assertThat(learned.find("ep-" + i)).as("ep-" + i).hasValueSatisfying(e -> assertThat(e.id()).startsWith("ep-"));
        }
        assertThat(learned.find("ep-4999").orElseThrow().id()).isEqualTo("ep-4999");
        assertThat(learned.find("ep-5000")).isEmpty();
        assertThat(learned.find("ep-")).isEmpty();

        Files.writeString(store().episodeLog(), line("ep-5000") + "\n", StandardOpenOption.APPEND);
        assertThat(learned.find("ep-5000")).as("appended since: read incrementally").isPresent();
    }

    @Test
    void anIdWithEscapesIsReadFromTheParsedLine() throws IOException {
        String id = "build \"7\" \\ é";
        Files.writeString(store().episodeLog(), line("plain") + "\n" + line(id) + "\n");

        assertThat(new LearnedEpisodes(new StoreFiles(store().policyFile(), java.time.Clock.systemUTC())).find(id)).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(id));
    }

    @Test
    void aTornLineDoesNotCountButAnEarlierReadableOneDoes() throws IOException {
        String whole = line("ep-1");
        Files.writeString(store().episodeLog(), line("ep-0") + "\n" + whole.substring(0, whole.length() - 10) + "\n");
        LearnedEpisodes learned = new LearnedEpisodes(new StoreFiles(store().policyFile(), java.time.Clock.systemUTC()));
        assertThat(learned.find("ep-1")).isEmpty();

        Files.writeString(store().episodeLog(), whole + "\n" + line("ep-2") + "\n"
                + whole.substring(0, whole.length() - 10) + "\n");
        assertThat(new LearnedEpisodes(new StoreFiles(store().policyFile(), java.time.Clock.systemUTC())).find("ep-1")).isPresent();
    }

    private static String line(String id) {
        LogEntry.EpisodeEntry entry = Episodes.entry("g", Instant.parse("2024-05-01T10:00:00Z"), "crash_DOWN",
                ActionKind.RESTART_SERVICE, 1, 0, 0.5);
        LogEntry.EpisodeEntry withId = new LogEntry.EpisodeEntry(id, entry.at(), entry.generation(), entry.planner(),
                entry.failure(), entry.reason(), entry.state(), entry.steps(), entry.outcome(), entry.feedback(),
                entry.overrideAction(), entry.feedbackNote(), entry.decidedBy(), entry.decidedAt(), entry.reward(),
                entry.timeToHealMs(), entry.link(), entry.updates());
        return new String(PolicyJson.write(withId, false), StandardCharsets.UTF_8);
    }
}
