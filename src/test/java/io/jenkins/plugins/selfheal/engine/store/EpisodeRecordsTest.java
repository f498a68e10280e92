package io.jenkins.plugins.selfheal.engine.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EpisodeRecordsTest {
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T03:02:22.229235736Z", "2024-05-01T10:00:00Z", "2024-05-01T10:00:00.1Z",
            "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z", "2025-03-01T10:00:00.120Z"})
    void theFastPathReadsWhatInstantParseReads(String text) {
        assertThat(EpisodeRecords.instant(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T10:00:00Z", "2024-13-01T10:00:00Z", "2024-0+-01T10:00:00Z",
            "2024-05-01 10:00:00Z", "yesterday"})
    void whatInstantParseRefusesIsRefusedAsItRefusesIt(String text) {
        assertThatThrownBy(() -> EpisodeRecords.instant(text)).isInstanceOf(DateTimeParseException.class);
    }
}
