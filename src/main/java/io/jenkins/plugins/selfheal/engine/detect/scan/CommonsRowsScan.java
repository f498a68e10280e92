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
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference scan: Commons CSV streams the rows (any quoting, any line breaks), one thread,
 * running counts only. Empty lines are skipped; values are trimmed. Never declines an input.
 */
final class CommonsRowsScan implements RowsScan {
    /** NUL is no text: a UTF-16 file read as UTF-8, or a binary one. */
    static final String NUL_IN_VALUE = "a NUL byte in the value: is the file UTF-16 or binary?";
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    @Override
    public Optional<RowsTally> scan(RuleSet rules, OffsetLines lines) throws IOException {
        CsvFiles.RecordBudget budget = new CsvFiles.RecordBudget();
        try (CSVParser parser = CsvFiles.parserAt(lines.file, lines.offset, budget)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (lines.offset == 0) {
                next(parser, records, lines, rules); // the header, validated by HeaderCheck
                budget.renew();
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
                budget.renew();
                if (record.size() <= 1 && record.get(0).isBlank()) {
                    continue;
                }
                requireWidth(rules, lines, record, line);
                for (int i = 0; i < tallies.size(); i++) {
                    String value = record.get(i);
                    if (value.indexOf('\0') >= 0) {
                        throw lines.error(line, tallies.get(i).rule().name(), NUL_IN_VALUE);
                    }
                    accept(lines, tallies.get(i), value.trim(), line);
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
            String column = e.getCause() instanceof CsvFiles.RecordTooLong ? null
                    : lines.brokenQuoteColumn(fileLine, rules.header());
            throw new DatasetFormatException(lines.file, fileLine, column, OffsetLines.parseProblem(e), e);
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
            if (Double.isInfinite(number.getAsDouble())) {
                throw lines.error(line, tally.rule().name(), tooLarge(value));
            }
            tally.acceptNumber(number.getAsDouble(), line, () -> value);
        } else {
            tally.acceptText(value, line);
        }
    }

    static String notANumber(String value) {
        return "'" + Shown.value(value) + "' is not a number" + (THOUSANDS.matcher(value).matches()
                ? " (no thousands separators: write " + value.replace(",", "") + ")" : "");
    }

    /** A decimal beyond the largest double: it would read as infinity and pass every min or max. */
    static String tooLarge(String value) {
        return "'" + Shown.value(value) + "' is too large for a number (beyond 1.8e308)";
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
