package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.ACTION;
import static io.jenkins.plugins.selfheal.faults.FaultEpisodes.STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 10 item 8: a full disk and a read-only policy folder. The full disk is a size-limited tmpfs,
 * so it needs root; elsewhere the test is skipped with a one-line message.
 */
class DiskFaultsTest {
    @TempDir
    Path dir;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private AutoCloseable mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            mounted.close();
        }
    }

    private PolicyStore store(Path policy) {
        return FaultEpisodes.store(policy, warnings::add);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFullDiskRefusesUpdatesCleanlyAndTheRetriesLearnEachEpisodeOnce() throws Exception {
        Path disk = dir.resolve("disk");
        mounted = FaultFs.tmpfs(disk, "192k");
        assumeTrue(mounted != null, "needs root for a size-limited tmpfs");
        Path policy = disk.resolve("policy.json");

        List<Integer> acknowledged = new ArrayList<>();
        int refused = 0;
        int next = 0;
        // learn until the disk has refused ten updates; a refused episode is retried, as a second click would
        while (refused < 10 && next < 5000) {
            try {
                FaultEpisodes.learn(store(policy), "e" + next);
                acknowledged.add(next);
                next++;
            } catch (IOException e) {
                refused++;
                assertThat(e.getMessage()).as("a refused update says why").isNotBlank();
            }
            checkLoads(policy, acknowledged);
        }
        assertThat(refused).as("the disk filled up").isEqualTo(10);

        // an administrator grows the disk
        assertThat(FaultFs.run("mount", "-o", "remount,size=4m", disk.toString())).isNull();
        for (int i = 0; i < 5; i++, next++) {
            FaultEpisodes.learn(store(policy), "e" + next);
            acknowledged.add(next);
        }
        checkLoads(policy, acknowledged);
        System.out.printf("DiskFaultsTest: %d episodes on a 192 KiB disk, %d refused updates, %d warnings%n",
                acknowledged.size(), refused, warnings.size());
    }

    @Test
    void aReadOnlyPolicyFolderRefusesUpdatesWithAClearErrorAndStillLoads() throws Exception {
        Path disk = dir.resolve("ro");
        mounted = FaultFs.tmpfs(disk, "4m");
        Path folder = mounted == null ? dir : disk; // without root: only the frozen folder below
        Path policy = folder.resolve("policy.json");
        for (int i = 0; i < 3; i++) {
            FaultEpisodes.learn(store(policy), "e" + i);
        }
        List<Integer> acknowledged = new ArrayList<>(List.of(0, 1, 2));

        // a folder nobody may add files to: the log still grows, the snapshot cannot be replaced (a warning)
        Files.delete(policy); // so the next update must write a snapshot
        AutoCloseable frozen = FaultFs.freezeFolder(folder);
        if (frozen != null) {
            try (frozen) {
                FaultEpisodes.learn(store(policy), "e3");
            }
            acknowledged.add(3);
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("could not write the snapshot"));
            checkLoads(policy, acknowledged);
        }
        if (mounted != null) {
            // a read-only file system: every update is refused with one clear message, and nothing is lost
            FaultFs.remount(disk, true);
            assertThatThrownBy(() -> FaultEpisodes.learn(store(policy), "e4"))
                    .isInstanceOf(IOException.class).hasMessageContaining(folder.toString());
            assertThat(FaultEpisodes.loggedIds(store(policy))).hasSize(acknowledged.size());
            assertThat(store(policy).read().episodes()).isEqualTo(acknowledged.size());
            FaultFs.remount(disk, false);
        }
        int next = acknowledged.size();
        FaultEpisodes.learn(store(policy), "e" + next);
        acknowledged.add(next);
        checkLoads(policy, acknowledged);
    }

    /** The policy loads, the log holds exactly the planned prefix with every acknowledged episode, each once. */
    private void checkLoads(Path policy, List<Integer> acknowledged) throws IOException {
        List<String> ids = FaultEpisodes.loggedIds(store(policy));
        int n = ids.size();
        assertThat(ids).containsExactlyElementsOf(IntStream.range(0, n).mapToObj(i -> "e" + i).toList());
        if (!acknowledged.isEmpty()) {
            assertThat(n - 1).isGreaterThanOrEqualTo(acknowledged.get(acknowledged.size() - 1));
        }
        Policy loaded = store(policy).read();
        assertThat(loaded.episodes()).isEqualTo(n);
        assertThat(loaded.table().entry(STATE, ACTION).visits()).isEqualTo(n);
    }
}
