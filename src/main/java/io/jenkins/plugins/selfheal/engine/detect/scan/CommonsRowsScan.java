package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import io.jenkins.plugins.selfheal.engine.detect.ColumnType;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference scan: Commons CSV streams the rows (any quoting, any line breaks), one thread,
 * running counts only. Empty lines are skipped; values are trimmed. Never declines an input.
 */
final class CommonsRowsScan implements RowsScan {

    @Override
    public Optional<RowsTally> scan(RuleSet rules, OffsetLines lines) throws IOException {
        try (CSVParser parser = CsvFiles.parserAt(lines.file, lines.offset)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (lines.offset == 0) {
                next(parser, records, lines, rules); // the header, validated by HeaderCheck
            }
            List<ColumnTally> tallies = rules.columns().stream().map(ColumnTally::new).toList();
            long count = 0;
            long firstLine = 0;
            long lastLine = 0;
            while (true) {
                // The parser has counted the line breaks before the record it is about to read.
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record = next(parser, records, lines, rules);
                if (record == null) {
                    break;
                }
                if (record.size() <= 1 && record.get(0).isBlank()) {
                    continue;
                }
                requireWidth(rules, lines, record, line);
                for (int i = 0; i < tallies.size(); i++) {
                    accept(lines, tallies.get(i), record.get(i).trim(), line);
                }
                count++;
                firstLine = firstLine == 0 ? line : firstLine;
                lastLine = line;
            }
            return Optional.of(new RowsTally(tallies, count, firstLine, lastLine));
        }
    }

    /** The next record, or null at the end; broken quoting becomes a {@link DatasetFormatException}. */
    private static CSVRecord next(CSVParser parser, Iterator<CSVRecord> records, OffsetLines lines, RuleSet rules) {
        long line = parser.getCurrentLineNumber() + 1;
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            long fileLine = lines.fileLine(line);
            throw new DatasetFormatException(lines.file, fileLine, lines.brokenQuoteColumn(fileLine, rules.header()),
                    OffsetLines.parseProblem(e), e);
        }
    }

    private static void accept(OffsetLines lines, ColumnTally tally, String value, long line) {
        if (value.isEmpty()) {
            tally.acceptEmpty(line);
        } else if (tally.rule().type() == ColumnType.NUMBER) {
            OptionalDouble number = ColumnTally.parseNumber(value);
            if (number.isEmpty()) {
                throw lines.error(line, tally.rule().name(), notANumber(value));
            }
            tally.acceptNumber(number.getAsDouble(), line, () -> value);
        } else {
            tally.acceptText(value, line);
        }
    }

    static String notANumber(String value) {
        return "'" + value + "' is not a number";
    }

    private static void requireWidth(RuleSet rules, OffsetLines lines, CSVRecord record, long line) {
        String problem = widthProblem(rules.header(), record.size());
        if (problem != null) {
            throw lines.error(line, record.size() < rules.columns().size() ? rules.header().get(record.size()) : null,
                    problem);
        }
    }

    /** Why a record of {@code size} values does not fit the header, or null when it does. */
    static String widthProblem(List<String> header, long size) {
        if (size < header.size()) {
            return "missing (the record has " + size + " of " + header.size() + " columns)";
        }
        if (size > header.size()) {
            return "the record has " + size + " columns, expected " + header.size() + " (" + String.join(",", header) + ")";
        }
        return null;
    }
}
