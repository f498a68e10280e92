package io.jenkins.plugins.selfheal.engine.detect;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules one data set must keep: its exact header (the column names in {@link #columns()} order,
 * nothing more, nothing less) and a {@link ColumnRule} per column.
 *
 * @param id      how the rule set is looked up, e.g. {@code student_scores} (see {@link BuiltInRuleSets})
 * @param name    the failure name it reports, e.g. {@code score}: an anomaly becomes the state
 *                {@code anomaly_score} via {@link Finding#anomaly(String, String)}; lower-case letters,
 *                digits and underscores only, because it becomes part of a state name
 * @param columns one rule per column, in header order
 */
public record RuleSet(String id, String name, List<ColumnRule> columns) {
    private static final Pattern STATE_NAME = Pattern.compile("[a-z0-9_]+");

    public RuleSet {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule set needs a non-empty id");
        }
        if (name == null || !STATE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rule set name '" + name
                    + "' must be lower-case letters, digits and underscores (it becomes anomaly_<name>)");
        }
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("rule set '" + id + "' needs at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (ColumnRule column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("rule set '" + id + "' names column '" + column.name() + "' twice");
            }
        }
    }

    /** A rule set looked up by its own name. */
    public static RuleSet of(String name, List<ColumnRule> columns) {
        return new RuleSet(name, name, columns);
    }

    /** The header the data set must start with, in order. */
    public List<String> header() {
        return columns.stream().map(ColumnRule::name).toList();
    }
}
