package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.detect.ColumnRule;
import io.jenkins.plugins.selfheal.engine.detect.ColumnType;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import org.apache.commons.csv.CSVFormat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Rows for a rule set the simulation has no generator of its own for (a JSON rule set): a normal
 * row keeps every rule; an anomalous row breaks one, chosen from the rules themselves (a bound, the
 * mean, the allowed values, a required value), so {@code --force-anomaly} is detected by that rule set.
 */
final class RuleRows {
    private RuleRows() {
    }

    /** One CSV line keeping every rule of {@code rules}. */
    static String normal(RuleSet rules, Random random, LocalDateTime now) {
        List<String> values = new ArrayList<>();
        for (ColumnRule column : rules.columns()) {
            values.add(column.type() == ColumnType.NUMBER ? number(inside(column), random) : text(column, random, now));
        }
        return line(values);
    }

    /**
     * One CSV line breaking one rule of {@code rules} (the others kept), with a description of the
     * broken rule; empty when no rule can be broken by a row (the rule set checks only the format).
     */
    static Optional<Broken> anomalous(RuleSet rules, Random random, LocalDateTime now) {
        List<ColumnRule> columns = rules.columns();
        // a number out of its bounds first (the data changes a deployment's checks are about), then
        // a value not allowed, then a required value left empty
        for (int kind = 0; kind < 3; kind++) {
            for (int i = 0; i < columns.size(); i++) {
                int wanted = kind;
                Optional<Bad> bad = breaking(columns.get(i)).filter(b -> b.kind() == wanted);
                if (bad.isEmpty()) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (ColumnRule column : columns) {
                    values.add(column.type() == ColumnType.NUMBER ? number(inside(column), random) : text(column, random, now));
                }
                values.set(i, bad.get().value());
                return Optional.of(new Broken(line(values), columns.get(i).name() + ": " + bad.get().rule()));
            }
        }
        return Optional.empty();
    }

    /** A row and the rule it breaks. */
    record Broken(String line, String rule) {
    }

    /** A value breaking a rule; kind 0 a number bound, 1 allowed values, 2 required (the order they are tried). */
    private record Bad(String value, String rule, int kind) {
    }

    /**
     * A value breaking one of the column's rules, the rule's description and its kind (0 a number
     * bound, 1 allowed values, 2 required), if it has a rule a value can break.
     */
    private static Optional<Bad> breaking(ColumnRule c) {
        if (c.max().isPresent()) {
            return Optional.of(new Bad(format(c.max().getAsDouble() + 10), "above max " + format(c.max().getAsDouble()), 0));
        }
        if (c.min().isPresent()) {
            return Optional.of(new Bad(format(c.min().getAsDouble() - 10), "below min " + format(c.min().getAsDouble()), 0));
        }
        if (c.meanMin().isPresent()) {
            return Optional.of(new Bad(format(c.meanMin().getAsDouble() - 10), "below meanMin " + format(c.meanMin().getAsDouble()), 0));
        }
        if (c.meanMax().isPresent()) {
            return Optional.of(new Bad(format(c.meanMax().getAsDouble() + 10), "above meanMax " + format(c.meanMax().getAsDouble()), 0));
        }
        if (!c.allowed().isEmpty()) {
            String value = "not-allowed";
            while (c.allowed().contains(value)) {
                value += "-x";
            }
            return Optional.of(new Bad(value, "not one of the allowed values", 1));
        }
        if (c.required()) {
            return Optional.of(new Bad("", "required, left empty", 2));
        }
        return Optional.empty();
    }

    /** The interval a number keeping the column's bounds and mean bounds is drawn from. */
    private static double[] inside(ColumnRule c) {
        double low = Math.max(bound(c.min(), Double.NEGATIVE_INFINITY), bound(c.meanMin(), Double.NEGATIVE_INFINITY));
        double high = Math.min(bound(c.max(), Double.POSITIVE_INFINITY), bound(c.meanMax(), Double.POSITIVE_INFINITY));
        if (Double.isInfinite(low) && Double.isInfinite(high)) {
            return new double[] {0, 100};
        }
        if (Double.isInfinite(low)) {
            return new double[] {high - 100, high};
        }
        if (Double.isInfinite(high)) {
            return new double[] {low, low + 100};
        }
        return new double[] {low, Math.max(low, high)};
    }

    private static double bound(OptionalDouble value, double otherwise) {
        return value.isPresent() ? value.getAsDouble() : otherwise;
    }

    /** A whole number in the interval when it holds one, else its lower end. */
    private static String number(double[] interval, Random random) {
        long low = (long) Math.ceil(interval[0]);
        long high = (long) Math.floor(interval[1]);
        if (low > high) {
            return format(interval[0]);
        }
        return Long.toString(low + (long) (random.nextDouble() * (high - low + 1)));
    }

    private static String text(ColumnRule c, Random random, LocalDateTime now) {
        if (!c.allowed().isEmpty()) {
            List<String> allowed = List.copyOf(c.allowed());
            return allowed.get(random.nextInt(allowed.size()));
        }
        String name = c.name().toLowerCase(Locale.ROOT);
        if (name.contains("time") || name.contains("date")) {
            return now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
        return "simulated-" + (1 + random.nextInt(999));
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String line(List<String> values) {
        return CSVFormat.DEFAULT.format(values.toArray());
    }
}
