package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;
import io.jenkins.plugins.selfheal.engine.store.PolicyFormatException;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into the one-line messages the CLI prints, and tells bad input from other failures. */
final class BadInput {
    private BadInput() {
    }

    static boolean isBadInput(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof DatasetFormatException
                || e instanceof PolicyFormatException || e instanceof IOException;
    }

    static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return "file not found: " + missing.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return "cannot read or write " + fs.getFile() + (fs.getOtherFile() == null ? "" : " or " + fs.getOtherFile())
                    + ": " + RunPreflight.reason(fs);
        }
        if (e instanceof IOException) {
            return "cannot read or write a file: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
