package io.jenkins.plugins.selfheal.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises changes to one policy across threads and processes: a JVM-wide lock per file (file
 * locks are per process, and a second lock in one JVM would throw) plus an OS file lock on
 * {@code <policy>.lock} for other processes (two CLIs, or the CLI beside Jenkins).
 *
 * <p>A JVM-wide lock lives only while some thread holds or waits for it (counted under the map's
 * per-key atomic {@code compute}), so a Jenkins with many jobs, or jobs renamed and deleted over
 * months, keeps no lock per policy it ever touched.
 */
public final class StoreLock {
    private static final ConcurrentHashMap<Path, Users> LOCKS = new ConcurrentHashMap<>();

    /** A JVM-wide lock and how many threads hold or wait for it (changed only inside {@code compute}). */
    private static final class Users {
        final ReentrantLock lock = new ReentrantLock();
        int count;
    }

    private StoreLock() {
    }

    public interface Work<T> {
        T run() throws IOException;
    }

    public static <T> T withLock(Path policyFile, Work<T> work) throws IOException {
        Path lockFile = policyFile.toAbsolutePath().normalize().resolveSibling(policyFile.getFileName() + ".lock");
        Users users = LOCKS.compute(lockFile, (p, u) -> {
            Users counted = u == null ? new Users() : u;
            counted.count++;
            return counted;
        });
        ReentrantLock jvmLock = users.lock;
        try {
            jvmLock.lock();
            try {
                if (jvmLock.getHoldCount() > 1) {
                    return work.run(); // re-entered by the same thread: the file lock is already held
                }
                FileChannel opened;
                try {
                    opened = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                } catch (java.nio.file.NoSuchFileException e) {
                    Files.createDirectories(lockFile.getParent());
                    opened = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                }
                try (FileChannel channel = opened; FileLock ignored = channel.lock()) {
                    return work.run();
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                jvmLock.unlock();
            }
        } finally {
            LOCKS.compute(lockFile, (p, u) -> --u.count == 0 ? null : u);
        }
    }
}
