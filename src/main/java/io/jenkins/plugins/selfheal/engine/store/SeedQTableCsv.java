package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The original simulation's Q-table file {@code rl_log.csv}: first column the state (unnamed
 * header), then one column per action. Imported cells keep their values with no visits recorded.
 */
public final class SeedQTableCsv {
    private SeedQTableCsv() {
    }

    public static QTable read(Reader reader, String source) throws IOException {
        QTable table = new QTable();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
            List<ActionKind> columns = null;
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber();
                if (columns == null) {
                    columns = header(record, source);
                    continue;
                }
                if (record.size() != columns.size() + 1) {
                    throw new PolicyFormatException(source, "line " + line,
                            "expected " + (columns.size() + 1) + " columns, found " + record.size());
                }
                String state = record.get(0);
                try {
                    table.ensureState(state);
                } catch (IllegalArgumentException e) {
                    throw new PolicyFormatException(source, "line " + line + ", column 1", e.getMessage());
                }
                for (int i = 0; i < columns.size(); i++) {
                    table.put(state, columns.get(i), new QEntry(number(record.get(i + 1), source, line, columns.get(i)), 0,
                            Optional.empty()));
                }
            }
            if (columns == null) {
                throw new PolicyFormatException(source, null, "empty file: expected a header ',retry_deployment,…'");
            }
        } catch (UncheckedIOException e) {
            throw new PolicyFormatException(source, "not valid CSV: " + e.getCause().getMessage(), e);
        }
        return table;
    }

    /** The table in the same shape, for tools that read the original format (its dashboard). */
    public static String write(QTable table, List<ActionKind> columns) {
        StringWriter out = new StringWriter();
        // The header's first cell is empty and unquoted, as pandas wrote it (a CSV printer would quote it).
        out.append(columns.stream().map(ActionKind::id).collect(java.util.stream.Collectors.joining(",", ",", "\n")));
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            for (String state : table.states()) {
                List<Object> row = new ArrayList<>();
                row.add(state);
                columns.forEach(a -> row.add(table.value(state, a)));
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<ActionKind> header(CSVRecord record, String source) {
        List<ActionKind> columns = new ArrayList<>();
        for (int i = 1; i < record.size(); i++) {
            String name = record.get(i).trim();
            columns.add(ActionKind.fromId(name).orElseThrow(() -> new PolicyFormatException(source,
                    "line 1, column " + (columns.size() + 2), "unknown action '" + name + "'; known actions: " + ActionKind.ids())));
        }
        if (columns.isEmpty()) {
            throw new PolicyFormatException(source, "line 1", "expected a header ',retry_deployment,…' with action columns");
        }
        return columns;
    }

    private static double number(String text, String source, long line, ActionKind column) {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PolicyFormatException(source, "line " + line + ", column " + column.id(), "'" + text + "' is not a number");
    }
}
