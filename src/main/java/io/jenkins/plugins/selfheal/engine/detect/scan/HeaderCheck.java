package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The first record of a data set must be the rule set's header, exactly; parsed with Commons CSV
 * (a UTF-8 byte order mark is skipped). A wrong encoding or delimiter gets a message saying so.
 */
final class HeaderCheck {
    /** Delimiters a header may use by mistake, and how a message names them. */
    private static final List<Map.Entry<Character, String>> OTHER_DELIMITERS =
            List.of(Map.entry(';', "';'"), Map.entry('\t', "tab"), Map.entry('|', "'|'"));

    private HeaderCheck() {
    }

    static void validate(Path file, RuleSet rules) throws IOException {
        rejectUtf16ByteOrderMark(file);
        try (CSVParser parser = CsvFiles.parserAt(file, 0, new CsvFiles.RecordBudget())) {
            validate(file, rules, parser.iterator());
        }
    }

    private static void rejectUtf16ByteOrderMark(Path file) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(2);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // a short read: try again
            }
        }
        int first = head.get(0) & 0xFF;
        int second = head.get(1) & 0xFF;
        if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
            throw new DatasetFormatException(file, 1, null, String.format(
                    "the file is UTF-16 encoded (byte order mark %02X %02X); save it as UTF-8", first, second));
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
        if (found.equals(expected)) {
            return;
        }
        if (found.stream().anyMatch(name -> name.indexOf('\0') >= 0)) {
            throw new DatasetFormatException(file, 1, null,
                    "the header holds NUL bytes: is the file UTF-16 or binary? Save it as UTF-8 text");
        }
        if (found.size() == 1 && expected.size() > 1) {
            for (Map.Entry<Character, String> delimiter : OTHER_DELIMITERS) {
                if (found.get(0).indexOf(delimiter.getKey()) >= 0) {
                    throw new DatasetFormatException(file, 1, null, "the columns " + String.join(", ", expected)
                            + " were not found: the header looks " + delimiter.getValue()
                            + "-separated, the data set must be ','-separated");
                }
            }
        }
        int mismatch = 0;
        while (mismatch < found.size() && mismatch < expected.size() && found.get(mismatch).equals(expected.get(mismatch))) {
            mismatch++;
        }
        String column = mismatch < expected.size() ? expected.get(mismatch) : null;
        throw new DatasetFormatException(file, 1, column, "the header should be '" + String.join(",", expected)
                + "' but is '" + Shown.value(String.join(",", found)) + "'");
    }
}
