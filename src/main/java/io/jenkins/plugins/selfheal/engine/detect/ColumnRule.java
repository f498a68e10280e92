package io.jenkins.plugins.selfheal.engine.detect;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The rules for one column of a data set. Only the rows a deployment changed are judged (see
 * {@link DataAnomalyDetector}); values are trimmed before they are judged.
 *
 * <ul>
 *   <li>{@code type}: a {@link ColumnType#NUMBER} column whose non-empty value is not a decimal
 *       number is a <em>format error</em> ({@link DatasetFormatException}), not an anomaly.</li>
 *   <li>{@code required}: an empty value is an anomaly. An empty value in an optional column is
 *       skipped by every other rule, including the mean.</li>
 *   <li>{@code min} / {@code max} (number columns, inclusive, either optional): a value below
 *       {@code min} or above {@code max} is an anomaly.</li>
 *   <li>{@code allowed} (text columns; empty = anything): a value not in the set, compared exactly,
 *       is an anomaly.</li>
 *   <li>{@code meanMin} / {@code meanMax} (number columns, inclusive, either optional): the mean of
 *       the column's values in the changed rows must lie within the bounds, else an anomaly.</li>
 * </ul>
 */
public record ColumnRule(String name, ColumnType type, boolean required, OptionalDouble min, OptionalDouble max,
                         Set<String> allowed, OptionalDouble meanMin, OptionalDouble meanMax) {

    public ColumnRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a non-empty name");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(meanMin, "meanMin");
        Objects.requireNonNull(meanMax, "meanMax");
        allowed = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(allowed, "allowed")));
        boolean number = type == ColumnType.NUMBER;
        if (!number && (min.isPresent() || max.isPresent() || meanMin.isPresent() || meanMax.isPresent())) {
            throw new IllegalArgumentException("column '" + name + "': min, max, meanMin and meanMax need type number");
        }
        if (number && !allowed.isEmpty()) {
            throw new IllegalArgumentException("column '" + name + "': allowed values need type text");
        }
        checkBounds(name, "min", min, "max", max);
        checkBounds(name, "meanMin", meanMin, "meanMax", meanMax);
    }

    /** A text column with no rules but being present. */
    public static ColumnRule text(String name) {
        return new ColumnRule(name, ColumnType.TEXT, false, OptionalDouble.empty(), OptionalDouble.empty(),
                Set.of(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** A number column with no rules but holding numbers. */
    public static ColumnRule number(String name) {
        return new ColumnRule(name, ColumnType.NUMBER, false, OptionalDouble.empty(), OptionalDouble.empty(),
                Set.of(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    public ColumnRule asRequired() {
        return new ColumnRule(name, type, true, min, max, allowed, meanMin, meanMax);
    }

    public ColumnRule withMin(double value) {
        return new ColumnRule(name, type, required, OptionalDouble.of(value), max, allowed, meanMin, meanMax);
    }

    public ColumnRule withMax(double value) {
        return new ColumnRule(name, type, required, min, OptionalDouble.of(value), allowed, meanMin, meanMax);
    }

    public ColumnRule withAllowed(String... values) {
        return new ColumnRule(name, type, required, min, max, new LinkedHashSet<>(Arrays.asList(values)),
                meanMin, meanMax);
    }

    public ColumnRule withMeanMin(double value) {
        return new ColumnRule(name, type, required, min, max, allowed, OptionalDouble.of(value), meanMax);
    }

    public ColumnRule withMeanMax(double value) {
        return new ColumnRule(name, type, required, min, max, allowed, meanMin, OptionalDouble.of(value));
    }

    /** Whether the mean of the changed rows has to be computed for this column. */
    public boolean hasMeanBounds() {
        return meanMin.isPresent() || meanMax.isPresent();
    }

    private static void checkBounds(String column, String lowName, OptionalDouble low,
                                    String highName, OptionalDouble high) {
        for (OptionalDouble bound : new OptionalDouble[] {low, high}) {
            if (bound.isPresent() && !Double.isFinite(bound.getAsDouble())) {
                throw new IllegalArgumentException("column '" + column + "': bounds must be finite numbers");
            }
        }
        if (low.isPresent() && high.isPresent() && low.getAsDouble() > high.getAsDouble()) {
            throw new IllegalArgumentException("column '" + column + "': " + lowName + " " + low.getAsDouble()
                    + " is above " + highName + " " + high.getAsDouble());
        }
    }
}
