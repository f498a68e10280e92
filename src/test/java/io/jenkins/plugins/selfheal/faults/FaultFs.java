package io.jenkins.plugins.selfheal.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** File-system faults for the fault suites: folders nobody may add to, and small disks that fill up. */
final class FaultFs {
    private FaultFs() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Forbids creating, renaming and deleting files in {@code dir} while existing files stay writable:
     * {@code chmod 555} for a user, {@code chattr +i} for root (whom permissions do not stop).
     * Returns null, with the reason printed, when neither works here.
     */
    static AutoCloseable freezeFolder(Path dir) throws IOException, InterruptedException {
        if (!isRoot()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            return () -> Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String failed = run("chattr", "+i", dir.toString());
        if (failed != null) {
            System.out.println("SKIPPED: cannot freeze a folder here (chattr +i: " + failed + ")");
            return null;
        }
        return () -> run("chattr", "-i", dir.toString());
    }

    /**
     * Mounts a tmpfs of {@code size} (e.g. "1m") on {@code mountPoint}; needs root. Returns null, with the
     * reason printed, where that is not possible.
     */
    static AutoCloseable tmpfs(Path mountPoint, String size) throws IOException, InterruptedException {
        if (!isRoot()) {
            System.out.println("SKIPPED: a full disk needs root to mount a size-limited tmpfs; running as "
                    + System.getProperty("user.name"));
            return null;
        }
        Files.createDirectories(mountPoint);
        String failed = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString());
        if (failed != null) {
            System.out.println("SKIPPED: cannot mount a tmpfs (" + failed + ")");
            return null;
        }
        return () -> run("umount", "-l", mountPoint.toString());
    }

    /** Remounts a mounted tmpfs read-only (true) or read-write. */
    static void remount(Path mountPoint, boolean readOnly) throws IOException, InterruptedException {
        String failed = run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString());
        if (failed != null) {
            throw new IOException("remount " + mountPoint + ": " + failed);
        }
    }

    /** Fills the file system of {@code dir} until it is full; returns the filler file. */
    static Path fill(Path dir) throws IOException {
        Path filler = dir.resolve("filler.bin");
        byte[] chunk = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException expected) {
            // No space left on device
        }
        return filler;
    }

    /** Runs a command; null when it succeeded, else its output. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return process.exitValue() == 0 ? null : output.isEmpty() ? "exit " + process.exitValue() : output;
    }
}
