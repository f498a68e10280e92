package io.jenkins.plugins.selfheal.engine.view;

import io.jenkins.plugins.selfheal.TestClock;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One view per store, served again while the policy's files are unchanged and rebuilt once they change. */
class ViewJsonCacheTest {
    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2025-03-01T10:00:00Z");

    @Test
    void theViewIsReusedWhileTheFilesAreUnchangedAndRebuiltAfterAnUpdate() throws IOException {
        PolicyStore store = new PolicyStore(dir.resolve("policy.json"), "job/demo", clock, w -> { });
        learn(store, 1);
        assertThat(ViewJson.read(ViewJson.of(store)).history().total()).isEqualTo(1);

        // the log changed under the same size and time (no writer does this): only a cached view still says 1
        Path log = store.episodeLog();
        FileTime time = Files.getLastModifiedTime(log);
        String text = Files.readString(log);
        Files.writeString(log, text.replace("\"outcome\":\"healed\"", "\"outcome\":\"failed\""));
        Files.setLastModifiedTime(log, time);
        assertThat(ViewJson.read(ViewJson.of(store)).history().counts().healed()).as("served from the cache").isEqualTo(1);

        learn(store, 2); // an append changes the log's size: the view is built again
        ViewDocument after = ViewJson.read(ViewJson.of(store));
        assertThat(after.history().total()).isEqualTo(2);
        assertThat(after.recent()).hasSize(2);
    }

    private void learn(PolicyStore store, int n) throws IOException {
        store.update(policy -> {
            policy.recordEpisode(ViewFixtures.episode(n, policy.generation(), "deployment_failure_DOWN", "retry_deployment",
                    "healed", "accepted", 3, 100L, null, List.of()));
            return null;
        });
    }
}
