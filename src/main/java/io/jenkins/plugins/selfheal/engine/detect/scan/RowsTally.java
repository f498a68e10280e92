package io.jenkins.plugins.selfheal.engine.detect.scan;

import java.util.List;

/**
 * What a {@link RowsScan} counted over the data rows after an offset: one tally per column (in
 * header order) and which lines held rows, counted from the offset (1-based; 0 when no rows).
 */
record RowsTally(List<ColumnTally> columns, long rows, long firstLine, long lastLine) {
    RowsTally {
        columns = List.copyOf(columns);
    }
}
