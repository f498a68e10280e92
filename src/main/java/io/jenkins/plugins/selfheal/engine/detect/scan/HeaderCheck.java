package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The first record of a data set must be the rule set's header, exactly; parsed with Commons CSV. */
final class HeaderCheck {
    private HeaderCheck() {
    }

    static void validate(Path file, RuleSet rules) throws IOException {
        try (CSVParser parser = CsvFiles.parserAt(file, 0)) {
            validate(file, rules, parser.iterator());
        }
    }

    private static void validate(Path file, RuleSet rules, Iterator<CSVRecord> records) {
        List<String> expected = rules.header();
        List<String> found = new ArrayList<>();
        try {
            if (records.hasNext()) {
                found.addAll(records.next().toList());
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new DatasetFormatException(file, 1, null, "header: " + OffsetLines.parseProblem(e), e);
        }
        if (!found.isEmpty() && found.get(0).startsWith("\uFEFF")) {
            found.set(0, found.get(0).substring(1)); // a UTF-8 byte order mark is not part of the name
        }
        if (found.equals(expected)) {
            return;
        }
        int mismatch = 0;
        while (mismatch < found.size() && mismatch < expected.size() && found.get(mismatch).equals(expected.get(mismatch))) {
            mismatch++;
        }
        String column = mismatch < expected.size() ? expected.get(mismatch) : null;
        throw new DatasetFormatException(file, 1, column, "the header should be '" + String.join(",", expected)
                + "' but is '" + String.join(",", found) + "'");
    }
}
