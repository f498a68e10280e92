package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.store.StoreLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 10 item 6: folders forced after renames and new files, leftovers cleaned, the lock map pruned. */
class StoreHygieneTest {
    @TempDir
    Path dir;

    @Test
    void theLockMapKeepsNoLockForAPolicyNobodyIsUsing() throws Exception {
        for (int i = 0; i < 150; i++) {
            FaultEpisodes.learn(FaultEpisodes.store(dir.resolve("job-" + i).resolve("policy.json"), w -> { }), "e");
        }
        java.lang.reflect.Field field = StoreLock.class.getDeclaredField("LOCKS");
        field.setAccessible(true);
        Map<?, ?> locks = (Map<?, ?>) field.get(null);
        assertThat(locks.keySet()).noneMatch(key -> key.toString().startsWith(dir.toString()));
    }

    @Test
    void aSnapshotRemovesTheTemporaryFilesACrashLeftBehind() throws Exception {
        PolicyStore store = FaultEpisodes.store(dir.resolve("policy.json"), w -> { });
        FaultEpisodes.learn(store, "e0");
        Files.writeString(dir.resolve(".policy.json.1234567.tmp"), "{\"half\":"); // killed mid-snapshot
        Files.writeString(dir.resolve(".policy.json.89.tmp"), "");
        Files.writeString(dir.resolve(".report.html.1.tmp"), "not the store's");

        store.reset("tester"); // a reset always writes a snapshot

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .containsExactly(".report.html.1.tmp");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theFolderIsForcedToDiskAfterARenameAndAfterCreatingTheLog() throws Exception {
        assumeTrue(FaultFs.run("strace", "-V") == null, "SKIPPED: strace is not installed");
        Path work = Files.createDirectories(dir.resolve("work"));
        // -ff: one file per thread, so a call another thread interrupts is never split over two lines
        // ("<unfinished ...>" / "<... resumed>"), which hid the folder's open on a loaded machine
        Path trace = dir.resolve("trace");
        Process process = new ProcessBuilder("strace", "-ff", "-qq", "-o", trace.toString(),
                "-e", "trace=openat,close,rename,renameat,renameat2,fsync,fdatasync",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DurabilityProbe.class.getName(), work.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("probe.out").toFile()).start();
        assertThat(process.waitFor(100, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("probe.out"));
        assumeTrue(process.exitValue() == 0 || !output.contains("ptrace"), "SKIPPED: strace cannot trace here: " + output);
        assertThat(process.exitValue()).as(output).isZero();

        List<String> events = new ArrayList<>();
        try (Stream<Path> perThread = Files.list(dir)) {
            for (Path file : perThread.filter(f -> f.getFileName().toString().startsWith("trace.")).sorted().toList()) {
                events.addAll(folderEvents(Files.readAllLines(file, StandardCharsets.UTF_8), work));
            }
        }
        assertThat(events).as("the folder is forced after the rename").containsSubsequence("rename replaced.json", "force folder");
        assertThat(events).as("the folder is forced after the log is created")
                .containsSubsequence("create created.log", "force folder");
        int created = events.indexOf("create created.log");
        assertThat(events.subList(created, events.size())).contains("force folder");
    }

    /** The trace reduced to: renames onto, and creations of, files in {@code folder}, and fsyncs of the folder. */
    private static List<String> folderEvents(List<String> lines, Path folder) {
        Pattern open = Pattern.compile("openat\\(AT_FDCWD, \"([^\"]*)\", ([^)]*)\\) = (\\d+)");
        Pattern close = Pattern.compile("close\\((\\d+)\\)");
        Pattern sync = Pattern.compile("f(?:data)?sync\\((\\d+)\\)");
        Pattern rename = Pattern.compile("rename(?:at2?)?\\(.*\"" + Pattern.quote(folder.toString()) + "/([^\"/]*)\"");
        Set<String> folderFds = new HashSet<>();
        List<String> events = new ArrayList<>();
        for (String line : lines) {
            Matcher m;
            if ((m = open.matcher(line)).find()) {
                if (m.group(1).equals(folder.toString())) {
                    folderFds.add(m.group(3));
                } else if (m.group(1).equals(folder + "/created.log") && m.group(2).contains("O_CREAT")) {
                    events.add("create created.log");
                }
            } else if ((m = close.matcher(line)).find()) {
                folderFds.remove(m.group(1));
            } else if ((m = sync.matcher(line)).find()) {
                if (folderFds.contains(m.group(1))) {
                    events.add("force folder");
                }
            } else if ((m = rename.matcher(line)).find()) {
                events.add("rename " + m.group(1));
            }
        }
        return events;
    }
}
