package io.jenkins.plugins.selfheal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks every file a run will read or write before the run changes anything, so a run that exits 2
 * has changed no file. Each problem is one line naming the option and the file. Folders are checked
 * by creating (and deleting) a probe file in them, which also holds for a privileged user whom
 * permission bits do not stop.
 */
final class RunPreflight {
    private RunPreflight() {
    }

    /** A folder that exists and takes new files, or the nearest existing folder above it does. */
    static void writableFolder(String option, Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + folder + ": not a folder");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + folder + ": cannot be created ("
                    + (existing == null ? "no existing parent" : existing + " is not a folder") + ")");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".self-heal-probe", ".tmp"));
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + folder + ": cannot write in " + existing + " ("
                    + reason(e) + ")");
        }
    }

    /** Files the run rewrites or appends to: each one that exists must be a writable regular file. */
    static void writableFiles(String option, List<Path> files) {
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(option + " " + file + ": not a regular file"
                        + (Files.isDirectory(file) ? " (it is a folder)" : ""));
            }
            if (!Files.isWritable(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException(option + " " + file + ": not readable and writable");
            }
        }
    }

    /** The data set: a readable, writable regular file in a folder that takes its backup. */
    static void dataset(Path dataset) {
        if (Files.isDirectory(dataset)) {
            throw new IllegalArgumentException("--dataset " + dataset + ": is a folder, expected a CSV file");
        }
        if (!Files.isRegularFile(dataset)) {
            throw new IllegalArgumentException("--dataset: file not found: " + dataset);
        }
        writableFiles("--dataset", List.of(dataset, DatasetChange.backupOf(dataset)));
        writableFolder("--dataset", dataset.toAbsolutePath().getParent());
    }

    /** Why a file operation failed, without the probe's own name. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
