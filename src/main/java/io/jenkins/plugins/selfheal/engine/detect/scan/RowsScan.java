package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;

import java.io.IOException;
import java.util.Optional;

/**
 * Tallies the data rows of a data set after a byte offset, the header having been validated already.
 * Two implementations, which must agree on every file: {@link CommonsRowsScan} (the reference,
 * any CSV) and {@link ParallelRowsScan} (plain unquoted input only, on several threads).
 *
 * <p>Format errors are thrown as {@link DatasetFormatException} naming the first bad row, with
 * lines from {@code lines}; the scan is empty when this implementation cannot judge the input, and
 * the caller then uses the reference.
 */
interface RowsScan {
    Optional<RowsTally> scan(RuleSet rules, OffsetLines lines) throws IOException;
}
