package io.jenkins.plugins.selfheal.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link KillWriter} child JVM: started, told to go, killed with SIGKILL or waited for. */
final class WriterProcess {
    private final Process process;
    private final BufferedReader out;
    private final Path errors;
    /** The last ACK read before the kill (by {@link #awaitAck}); -1 when none. */
    private long acknowledged = -1;

    private WriterProcess(Process process, Path errors) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.errors = errors;
    }

    /**
     * Starts a writer of {@code policy}. With {@code archive}: records a class-data archive there when it
     * does not exist yet (the writer must then exit normally), else starts from it.
     */
    static WriterProcess start(Path policy, Path archive, Path errors) throws IOException {
        return start(policy, archive, errors, 0);
    }

    /** As above; a {@code segmentBytes} above 0 makes the writer's store move its hot log into segments past that size. */
    static WriterProcess start(Path policy, Path archive, Path errors, long segmentBytes) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx64m", "-Xshare:auto"));
        String classPath = System.getProperty("java.class.path");
        if (archive != null) {
            command.add(Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
            classPath = ArchivableClassPath.of(archive.resolveSibling(archive.getFileName() + ".classes.jar"));
        }
        command.addAll(List.of("-cp", classPath, KillWriter.class.getName(), policy.toString()));
        if (segmentBytes > 0) {
            command.add(String.valueOf(segmentBytes));
        }
        return new WriterProcess(new ProcessBuilder(command).redirectError(errors.toFile()).start(), errors);
    }

    /** Waits until the writer has loaded its classes. */
    WriterProcess awaitReady() throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if ("READY".equals(line)) {
                return this;
            }
        }
        throw new IOException("writer did not start; stderr: " + Files.readString(errors));
    }

    void go(long first, long count, String prefix) throws IOException {
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write("GO " + first + " " + count + " " + prefix + "\n");
        in.flush();
    }

    /** Waits until the writer has acknowledged one more episode (so a run of kills makes progress whatever the machine's speed). */
    void awaitAck() throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ACK ")) {
                acknowledged = Long.parseLong(line.substring(4));
                return;
            }
        }
        throw new IOException("writer ended without an acknowledgement; stderr: " + Files.readString(errors));
    }

    /** SIGKILL, then every ACK it printed: the last acknowledged number, or -1. */
    long kill() throws IOException, InterruptedException {
        // through the handle: Process.destroyForcibly would also close the pipe with the last ACKs in it
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IOException("writer survived SIGKILL");
        }
        return lastAck();
    }

    /** Waits for a writer with a finite count to finish; returns its last ACK. */
    long finish() throws IOException, InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("writer did not finish in 120 s");
        }
        long last = lastAck();
        if (process.exitValue() != 0) {
            throw new IOException("writer failed (exit " + process.exitValue() + "): " + Files.readString(errors));
        }
        return last;
    }

    private long lastAck() throws IOException {
        long last = acknowledged;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ACK ")) {
                last = Long.parseLong(line.substring(4));
            }
        }
        return last;
    }
}
