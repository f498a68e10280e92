package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CSV scan behind the data check, the only class of this package the detector sees.
 *
 * <p>How a scan runs: the header (first record) is always validated. Then only the changed rows
 * are parsed, by seeking to {@link DatasetBaseline#rowsStartOffset(Path)}; the bytes before are not
 * parsed. The file is streamed and only running counts and sums are kept, so memory stays flat for
 * a file of any size. Empty lines are skipped.
 *
 * <p>Line numbers: the parser counts lines from the offset; the lines before the offset are counted
 * (a plain byte loop) only when an error or a reason has to name a line, so a clean check never
 * reads the old content.
 *
 * <p>Speed: rows are tallied by a {@link ParallelRowsScan} (a byte loop on several threads) when
 * the input is plain (no quotes, LF or CRLF line breaks); anything else, or anything it is unsure
 * of, goes to the {@link CommonsRowsScan}, the reference both are tested against.
 */
public final class DatasetScan {
    private final RowsScan fastScan;
    private final RowsScan referenceScan = new CommonsRowsScan();

    /** @param fastScan tried first; when it declines, the Commons CSV reference scans the rows */
    DatasetScan(RowsScan fastScan) {
        this.fastScan = Objects.requireNonNull(fastScan, "fastScan");
    }

    /** The parallel byte loop where the input is plain, Commons CSV elsewhere. */
    public static DatasetScan fast() {
        return new DatasetScan(new ParallelRowsScan());
    }

    /** Commons CSV only, on one thread: the baseline the fast path is checked and benchmarked against. */
    public static DatasetScan referenceOnly() {
        return new DatasetScan((rules, lines) -> Optional.empty());
    }

    /**
     * One sentence per rule broken by the rows changed since {@code baseline}, column by column;
     * empty when no rule is broken or no row changed.
     *
     * @throws DatasetFormatException when the file cannot be judged, naming file, line and column
     */
    public List<String> brokenRules(Path file, RuleSet rules, DatasetBaseline baseline) {
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
                return List.of();
            }
            // Lazy file lines: a clean check after a baseline must not count the lines of the old content.
            ChangedRows rows = new ChangedRows(lines.offset > 0, tally.rows(), tally.firstLine(), tally.lastLine(),
                    lines::fileLine);
            List<String> reasons = new ArrayList<>();
            tally.columns().forEach(column -> column.addReasons(reasons, rows, lines::fileLine));
            return List.copyOf(reasons);
        } catch (IOException e) {
            throw new DatasetFormatException(file, 0, null, "cannot read the file: " + e, e);
        }
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
