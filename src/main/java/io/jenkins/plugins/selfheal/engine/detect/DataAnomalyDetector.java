package io.jenkins.plugins.selfheal.engine.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * <p>Speed: rows are tallied by a {@link ParallelRowsScan} (a byte loop on several threads) when
 * the input is plain (no quotes, LF or CRLF line breaks); anything else, or anything it is unsure
 * of, goes to the {@link CommonsRowsScan}, the reference both are tested against.
 *
 * <p>Outcome: a format error throws {@link DatasetFormatException}; rules broken give one
 * {@link Finding#anomaly(String, String)} named after {@link RuleSet#name()}, whose reason lists
 * every broken rule ({@code "; "}-joined, at most {@value #MAX_REASONS}); no changed rows or no
 * broken rule give no finding.
 */
public final class DataAnomalyDetector {
    static final int MAX_REASONS = 5;

    private final RuleSet rules;
    private final RowsScan fastScan;
    private final RowsScan referenceScan = new CommonsRowsScan();

    public DataAnomalyDetector(RuleSet rules) {
        this(rules, new ParallelRowsScan());
    }

    /** @param fastScan tried first; when it declines, the Commons CSV reference scans the rows */
    DataAnomalyDetector(RuleSet rules, RowsScan fastScan) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.fastScan = Objects.requireNonNull(fastScan, "fastScan");
    }

    /**
     * A detector that always uses the Commons CSV reference scan (one thread): the baseline the
     * fast path is checked and benchmarked against. Findings and errors are the same.
     */
    public static DataAnomalyDetector withReferenceScanOnly(RuleSet rules) {
        return new DataAnomalyDetector(rules, (r, lines) -> Optional.empty());
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
            HeaderCheck.validate(file, rules);
            OffsetLines lines = new OffsetLines(file, offset);
            Optional<RowsTally> fast = fastScan.scan(rules, lines);
            RowsTally tally = fast.isPresent() ? fast.get() : referenceScan.scan(rules, lines).orElseThrow();
            if (tally.rows() == 0) {
                return Optional.empty();
            }
            return reason(lines, tally).map(reason -> Finding.anomaly(rules.name(), reason));
        } catch (IOException e) {
            throw new DatasetFormatException(file, 0, null, "cannot read the file: " + e, e);
        }
    }

    private static Optional<String> reason(OffsetLines lines, RowsTally tally) {
        // Lazy file lines: a clean check after a baseline must not count the lines of the old content.
        ChangedRows rows = new ChangedRows(lines.offset > 0, tally.rows(), tally.firstLine(), tally.lastLine(),
                lines::fileLine);
        List<String> reasons = new ArrayList<>();
        tally.columns().forEach(column -> column.addReasons(reasons, rows, lines::fileLine));
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join("; ", reasons.subList(0, Math.min(MAX_REASONS, reasons.size())));
        int hidden = reasons.size() - MAX_REASONS;
        return Optional.of(hidden > 0 ? shown + "; and " + hidden + " more" : shown);
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
