package io.jenkins.plugins.selfheal.engine.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Judges the rows of a CSV data set that a deployment changed against a {@link RuleSet}.
 *
 * <p>How a check runs: the header (first record) is always validated. Then only the changed rows
 * are parsed, by seeking to {@link DatasetBaseline#rowsStartOffset(Path)}; the bytes before are not
 * parsed. The file is streamed and only running counts and sums are kept, so memory stays flat for
 * a file of any size. Empty lines are skipped.
 *
 * <p>Line numbers: the parser counts lines from the offset; the lines before the offset are counted
 * (a plain byte loop) only when an error or a finding has to name a line, so a clean check never
 * reads the old content.
 *
 * <p>Outcome: a format error throws {@link DatasetFormatException}; rules broken give one
 * {@link Finding#anomaly(String, String)} named after {@link RuleSet#name()}, whose reason lists
 * every broken rule ({@code "; "}-joined, at most {@value #MAX_REASONS}); no changed rows or no
 * broken rule give no finding.
 */
public final class DataAnomalyDetector {
    static final int MAX_REASONS = 5;

    private final RuleSet rules;

    public DataAnomalyDetector(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public RuleSet ruleSet() {
        return rules;
    }

    /** Judges the whole file (no baseline). */
    public Optional<Finding> check(Path file) {
        return check(file, DatasetBaseline.none());
    }

    /** Judges the rows changed since {@code baseline}; see the class comment. */
    public Optional<Finding> check(Path file, DatasetBaseline baseline) {
        requireReadableFile(file);
        try {
            if (Files.size(file) == 0) {
                throw new DatasetFormatException(file, 1, null,
                        "the file is empty, expected the header " + String.join(",", rules.header()));
            }
            long offset = baseline.rowsStartOffset(file);
            if (offset > 0) {
                try (CSVParser headerParser = CsvFiles.parserAt(file, 0)) {
                    validateHeader(file, headerParser.iterator());
                }
            }
            try (CSVParser parser = CsvFiles.parserAt(file, offset)) {
                return judgeRows(new RowsPass(file, offset, parser));
            }
        } catch (IOException e) {
            throw new DatasetFormatException(file, 0, null, "cannot read the file: " + e, e);
        }
    }

    private Optional<Finding> judgeRows(RowsPass pass) {
        Iterator<CSVRecord> records = pass.parser.iterator();
        if (pass.offset == 0) {
            validateHeader(pass.file, records);
        }
        List<ColumnTally> tallies = rules.columns().stream().map(ColumnTally::new).toList();
        long count = 0;
        long firstLine = 0;
        long lastLine = 0;
        for (CSVRecord record = pass.next(); record != null; record = pass.next()) {
            if (record.size() <= 1 && record.get(0).isBlank()) {
                continue;
            }
            long line = pass.recordLine;
            requireWidth(pass, record, line);
            for (int i = 0; i < tallies.size(); i++) {
                accept(pass, tallies.get(i), record.get(i).trim(), line);
            }
            count++;
            firstLine = firstLine == 0 ? line : firstLine;
            lastLine = line;
        }
        if (count == 0) {
            return Optional.empty();
        }
        return reason(pass, tallies, count, firstLine, lastLine).map(reason -> Finding.anomaly(rules.name(), reason));
    }

    private Optional<String> reason(RowsPass pass, List<ColumnTally> tallies, long count, long first, long last) {
        ChangedRows rows = new ChangedRows(pass.offset > 0, count, pass.fileLine(first), pass.fileLine(last));
        List<String> reasons = new ArrayList<>();
        tallies.forEach(tally -> tally.addReasons(reasons, rows, pass::fileLine));
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join("; ", reasons.subList(0, Math.min(MAX_REASONS, reasons.size())));
        int hidden = reasons.size() - MAX_REASONS;
        return Optional.of(hidden > 0 ? shown + "; and " + hidden + " more" : shown);
    }

    private static void accept(RowsPass pass, ColumnTally tally, String value, long line) {
        if (value.isEmpty()) {
            tally.acceptEmpty(line);
        } else if (tally.rule().type() == ColumnType.NUMBER) {
            OptionalDouble number = ColumnTally.parseNumber(value);
            if (number.isEmpty()) {
                throw pass.error(line, tally.rule().name(), "'" + value + "' is not a number");
            }
            tally.acceptNumber(value, number.getAsDouble(), line);
        } else {
            tally.acceptText(value, line);
        }
    }

    private void requireWidth(RowsPass pass, CSVRecord record, long line) {
        List<String> header = rules.header();
        if (record.size() < header.size()) {
            throw pass.error(line, header.get(record.size()),
                    "missing (the record has " + record.size() + " of " + header.size() + " columns)");
        }
        if (record.size() > header.size()) {
            throw pass.error(line, null, "the record has " + record.size() + " columns, expected "
                    + header.size() + " (" + String.join(",", header) + ")");
        }
    }

    private void validateHeader(Path file, Iterator<CSVRecord> records) {
        List<String> expected = rules.header();
        List<String> found = new ArrayList<>();
        try {
            if (records.hasNext()) {
                found.addAll(records.next().toList());
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new DatasetFormatException(file, 1, null, "header: " + RowsPass.parseProblem(e), e);
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

    private static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new DatasetFormatException(file, 0, null, "the data set file does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file, 0, null, "the data set is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new DatasetFormatException(file, 0, null, "the data set file is not readable");
        }
    }
}
