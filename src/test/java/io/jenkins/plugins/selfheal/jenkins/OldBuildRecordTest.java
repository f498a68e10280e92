package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build record saved by an earlier version (build.xml keeps {@code draftJson} and {@code decidedJson},
 * the episode's log line) loads as it did: XStream sets the two strings and leaves the transient cache empty.
 */
class OldBuildRecordTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = OldBuildRecordTest.class.getResourceAsStream("/legacy-policy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** What XStream does: the saved fields set, the transient one left null, no constructor run. */
    private static DecisionRecord loaded(String draftJson, String decidedJson) throws Exception {
        DecisionRecord record = new DecisionRecord(PhasesRig.draft());
        set(record, "draftJson", draftJson);
        set(record, "decidedJson", decidedJson);
        set(record, "cached", null);
        return record;
    }

    private static void set(Object target, String name, Object value) throws Exception {
        Field field = DecisionRecord.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    @Test
    void anOldPendingRecordOffersTheButtons() throws Exception {
        DecisionRecord record = loaded(resource("build-record-draft.json"), null);

        assertThat(record.isAwaitingFeedback()).isTrue();
        assertThat(record.episode().verdict()).isEqualTo(Verdict.PENDING);
        assertThat(record.episode().state()).isEqualTo("deployment_failure_DOWN");
        assertThat(record.episode().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(record.chosenAction()).contains(ActionKind.RETRY_DEPLOYMENT);
    }

    @Test
    void anOldDecidedRecordShowsItsVerdict() throws Exception {
        DecisionRecord record = loaded(resource("build-record-draft.json"), resource("build-record-decided.json"));

        assertThat(record.isDecided()).isTrue();
        assertThat(record.isAwaitingFeedback()).isFalse();
        assertThat(record.episode().verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(record.episode().decidedBy()).contains("root");
        assertThat(record.episode().reward()).isEqualTo(-1.0);
        assertThat(record.episode().updates()).singleElement()
                .satisfies(u -> assertThat(u.after()).isEqualTo(0.17000000000000004));
    }

    @Test
    void everyLineOfAnOldLogIsWrittenBackByteForByte() throws IOException {
        List<String> lines = resource("policy.episodes.jsonl").lines().toList();
        assertThat(lines).hasSize(6);
        for (String line : lines) {
            assertThat(PolicyJson.writeEpisode(PolicyJson.readEpisode(line, "sample"))).isEqualTo(line);
        }
        String draft = resource("build-record-draft.json");
        assertThat(PolicyJson.writeEpisode(PolicyJson.readEpisode(draft, "sample"))).isEqualTo(draft);
    }
}
