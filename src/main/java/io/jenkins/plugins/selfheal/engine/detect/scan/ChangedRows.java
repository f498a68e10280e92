package io.jenkins.plugins.selfheal.engine.detect.scan;

import java.util.function.LongUnaryOperator;

/**
 * Which rows were judged, for the wording of a finding.
 *
 * @param appended  true when a baseline showed the rows were appended by this deployment,
 *                  false when the whole file was judged
 * @param count     how many data rows were judged
 * @param firstLine  the line of the first judged row, counted from the offset (1-based)
 * @param lastLine   the line of the last judged row, counted from the offset
 * @param toFileLine turns those into physical lines; called only when a reason names the range,
 *                   because after a baseline it counts the lines of the old content
 */
record ChangedRows(boolean appended, long count, long firstLine, long lastLine, LongUnaryOperator toFileLine) {

    /** {@code (1 of 5 changed rows)} or {@code (1 of 833 rows)}. */
    String share(long offending) {
        return "(" + offending + " of " + count + (appended ? " changed rows)" : " rows)");
    }

    /** {@code the 5 rows added by this deployment} or {@code all 833 rows}. */
    String described() {
        return appended ? "the " + count + (count == 1 ? " row" : " rows") + " added by this deployment"
                : "all " + count + (count == 1 ? " row" : " rows");
    }

    /** {@code line 835} or {@code lines 835-839}. */
    String lineRange() {
        long first = toFileLine.applyAsLong(firstLine);
        return firstLine == lastLine ? "line " + first : "lines " + first + "-" + toFileLine.applyAsLong(lastLine);
    }
}
