package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.ColumnRule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Running counts for one column over the changed rows: how many values broke each rule, the first
 * offender, and the sum for the mean. Keeps no rows, so memory stays flat however large the file.
 * Lines are stored as the detector sees them and turned into file lines only when a reason is written.
 *
 * <p>Tallies of consecutive parts of a file can be merged ({@link #absorb}); the merged sum equals
 * the one-pass sum exactly only when {@link #sumIsOrderFree()}.
 */
final class ColumnTally {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final ColumnRule rule;
    private final Violation empty = new Violation();
    private final Violation notAllowed = new Violation();
    private final Violation below = new Violation();
    private final Violation above = new Violation();
    private long values;
    private double sum;
    // Integers whose absolute sum stays below 2^53 add up exactly in any order.
    private boolean integral = true;
    private double magnitude;

    ColumnTally(ColumnRule rule) {
        this.rule = rule;
    }

    ColumnRule rule() {
        return rule;
    }

    /** The value as a number, or empty when it is not a plain decimal (no NaN, no hex, no {@code 1d}). */
    static OptionalDouble parseNumber(String value) {
        return DECIMAL.matcher(value).matches() ? OptionalDouble.of(Double.parseDouble(value)) : OptionalDouble.empty();
    }

    void acceptEmpty(long line) {
        if (rule.required()) {
            empty.add("", line);
        }
    }

    void acceptText(String value, long line) {
        if (!rule.allowed().isEmpty() && !rule.allowed().contains(value)) {
            notAllowed.add(value, line);
        }
    }

    /** @param value the value as written, asked for only when it is the first to break a rule */
    void acceptNumber(double number, long line, Supplier<String> value) {
        values++;
        sum += number;
        magnitude += Math.abs(number);
        integral = integral && number == Math.rint(number);
        if (rule.min().isPresent() && number < rule.min().getAsDouble()) {
            below.add(value, line);
        }
        if (rule.max().isPresent() && number > rule.max().getAsDouble()) {
            above.add(value, line);
        }
    }

    /** Adds the counts of the rows after this tally's rows; {@code lineShift} turns its lines into this tally's. */
    void absorb(ColumnTally later, long lineShift) {
        values += later.values;
        sum += later.sum;
        magnitude += later.magnitude;
        integral = integral && later.integral;
        empty.absorb(later.empty, lineShift);
        notAllowed.absorb(later.notAllowed, lineShift);
        below.absorb(later.below, lineShift);
        above.absorb(later.above, lineShift);
    }

    /** Whether merging per-part sums gives exactly the one-pass sum (so the mean, and the finding, match). */
    boolean sumIsOrderFree() {
        return integral && magnitude < 0x1p53;
    }

    /** Adds one sentence per broken rule to {@code reasons}; {@code toFileLine} maps stored lines to file lines. */
    void addReasons(List<String> reasons, ChangedRows rows, LongUnaryOperator toFileLine) {
        String column = rule.name() + ": ";
        if (empty.count > 0) {
            reasons.add(column + (empty.count == 1 ? "empty" : empty.count + " empty values, first")
                    + " at line " + toFileLine.applyAsLong(empty.firstLine) + " " + rows.share(empty.count));
        }
        if (notAllowed.count > 0) {
            reasons.add(column + offenders(notAllowed, "'" + Shown.value(notAllowed.firstValue) + "'", "not allowed",
                    toFileLine)
                    + " " + rows.share(notAllowed.count) + ", allowed: " + String.join(", ", rule.allowed()));
        }
        if (below.count > 0) {
            reasons.add(column + offenders(below, Shown.value(below.firstValue), "below " + format(rule.min().getAsDouble()),
                    toFileLine) + " " + rows.share(below.count));
        }
        if (above.count > 0) {
            reasons.add(column + offenders(above, Shown.value(above.firstValue), "above " + format(rule.max().getAsDouble()),
                    toFileLine) + " " + rows.share(above.count));
        }
        addMeanReason(reasons, column, rows);
    }

    private void addMeanReason(List<String> reasons, String column, ChangedRows rows) {
        if (values == 0 || !rule.hasMeanBounds()) {
            return;
        }
        double mean = sum / values;
        String broken;
        if (rule.meanMin().isPresent() && mean < rule.meanMin().getAsDouble()) {
            broken = "below " + format(rule.meanMin().getAsDouble());
        } else if (rule.meanMax().isPresent() && mean > rule.meanMax().getAsDouble()) {
            broken = "above " + format(rule.meanMax().getAsDouble());
        } else {
            return;
        }
        String of = values == rows.count() ? rows.described() : values + " values in " + rows.described();
        reasons.add(column + "mean of " + of + " is " + format(mean) + ", " + broken + " (" + rows.lineRange() + ")");
    }

    /** {@code 150 above 120 at line 474} or {@code 3 values above 120, first 150 at line 474}. */
    private static String offenders(Violation violation, String firstValue, String what, LongUnaryOperator toFileLine) {
        long line = toFileLine.applyAsLong(violation.firstLine);
        return violation.count == 1 ? firstValue + " " + what + " at line " + line
                : violation.count + " values " + what + ", first " + firstValue + " at line " + line;
    }

    /** At most two decimals, no trailing zeros: 40, 14.8, 54.72; a sum that overflowed shows as Infinity. */
    static String format(double number) {
        if (!Double.isFinite(number)) {
            return String.valueOf(number); // BigDecimal cannot hold it, e.g. the mean of 1e400 and 5
        }
        return BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** How often one rule was broken and where first. */
    private static final class Violation {
        long count;
        long firstLine;
        String firstValue;

        void add(String value, long line) {
            if (count++ == 0) {
                firstLine = line;
                firstValue = value;
            }
        }

        void add(Supplier<String> value, long line) {
            if (count++ == 0) {
                firstLine = line;
                firstValue = value.get();
            }
        }

        void absorb(Violation later, long lineShift) {
            if (count == 0 && later.count > 0) {
                firstLine = later.firstLine + lineShift;
                firstValue = later.firstValue;
            }
            count += later.count;
        }
    }
}
