package io.jenkins.plugins.selfheal.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by fuzzing (InputsFuzzTest#episodeLogReader): a log line that parses but cannot be replayed
 * (an unknown action) made a rebuild from the whole log fail, so the policy could not be read at all.
 * It is skipped with a warning instead, as a tail replay already did.
 */
class DamagedLogRebuildTest extends StoreTestBase {
    private static final String SEED_LOG = "/io/jenkins/plugins/selfheal/fuzz/InputsFuzzTestInputs/episodeLogReader/"
            + "policy.episodes.jsonl";

    @Test
    void anEntryThatCannotBeReplayedIsSkippedWithAWarning() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream(SEED_LOG)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String update = "\"updates\":[{\"state\":\"deployment_failure_DOWN\",\"action\":\"retry_deployment\"";
        assertThat(lines).hasSize(3).allMatch(line -> line.contains(update));
        String damaged = lines.get(1).replace(update, update.replace("retry_deployment", "setry_deployment"));
        Files.writeString(dir.resolve("policy.episodes.jsonl"), lines.get(0) + "\n" + damaged + "\n" + lines.get(2) + "\n");

        Policy policy = store().read();

        assertThat(policy.episodes()).isEqualTo(2);
        assertThat(warnings).anyMatch(w -> w.startsWith("skipped an episode log entry that cannot be replayed")
                && w.contains("unknown action 'setry_deployment'"));
    }
}
