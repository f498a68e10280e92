package io.jenkins.plugins.selfheal.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Crash-safe file writes: readers see the old or the new content, never a torn one. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes to a temporary file beside {@code target}, forces it to disk, then moves it over atomically. */
    public static void write(Path target, byte[] content) throws IOException {
        replace(target, content, true);
    }

    /**
     * Replaces {@code target} atomically (temporary file + rename) without forcing it to disk: after a
     * power loss the file may hold the old content, the new one, or garbage, so only a file that can be
     * rebuilt (a snapshot of the episode log) is written this way. Its modification time is set two
     * seconds into the past, so a later edit in place is told apart by its time even when it keeps the size
     * and falls within the file system's timestamp granularity.
     */
    public static void writeSnapshot(Path target, byte[] content) throws IOException {
        replace(target, content, false);
    }

    private static void replace(Path target, byte[] content, boolean force) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            readableLikeAPlainFile(temp, target);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
            }
            if (!force) {
                Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minusSeconds(2)));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (force) {
                forceDirectory(dir); // the rename itself is in the folder: without this a power loss may undo it
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes the temporary files a crash left beside {@code target} ({@code .<name>.<random>.tmp}). Only
     * for a target whose writers all hold one lock, and under it: another writer's file would go too.
     */
    public static void deleteLeftovers(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        try (var files = Files.newDirectoryStream(dir, f -> f.getFileName().toString().startsWith(prefix)
                && f.getFileName().toString().endsWith(".tmp"))) {
            for (Path leftover : files) {
                Files.deleteIfExists(leftover);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no folder, no leftovers
        }
    }

    /**
     * Forces a folder's entries to disk (a rename, a new file). Linux and macOS allow it; Windows cannot
     * open a folder as a file, and its file systems journal renames themselves.
     */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    /**
     * Temporary files are created owner-only; the file it replaces keeps its permissions, and a new
     * file gets the usual {@code rw-r--r--} (a report or policy others may read).
     */
    static void readableLikeAPlainFile(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /** Appends whole lines and forces them to disk; callers serialise appends with the store lock. */
    public static void appendLines(Path target, Iterable<String> lines) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        if (text.length() == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Appends {@code bytes} and forces them to disk (fdatasync: the data and the new length, which is all
     * an append needs to survive a crash); returns the file's size after. Callers serialise appends with
     * the store lock.
     */
    public static long append(Path target, byte[] bytes) throws IOException {
        FileChannel opened;
        boolean created = false;
        try {
            opened = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            opened = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            created = true;
        }
        try (FileChannel channel = opened) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            if (created) {
                forceDirectory(target.toAbsolutePath().getParent()); // a new file's name is in its folder
            }
            return channel.size();
        }
    }
}
