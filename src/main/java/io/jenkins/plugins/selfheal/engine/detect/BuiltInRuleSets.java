package io.jenkins.plugins.selfheal.engine.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rule sets for the seed simulation's two data sets. They keep its intent (a low mean score,
 * a racing heart or low oxygen) but, unlike the seed, judge only the rows a deployment changed.
 * Extra rules (required values, score 0–100, oxygen at most 100) hold for every row of the seed files.
 */
public final class BuiltInRuleSets {
    /** Student scores: the mean score of the changed rows must be at least 40 → {@code anomaly_score}. */
    public static final RuleSet STUDENT_SCORES = new RuleSet("student_scores", "score", List.of(
            ColumnRule.text("timestamp").asRequired(),
            ColumnRule.text("name").asRequired(),
            ColumnRule.text("subject").asRequired(),
            ColumnRule.number("score").asRequired().withMin(0).withMax(100).withMeanMin(40)));

    /** Patient health: heart rate at most 120, oxygen at least 95 in every changed row → {@code anomaly_health}. */
    public static final RuleSet PATIENT_HEALTH = new RuleSet("patient_health", "health", List.of(
            ColumnRule.text("timestamp").asRequired(),
            ColumnRule.number("heart_rate").asRequired().withMax(120),
            ColumnRule.text("blood_pressure").asRequired(),
            ColumnRule.number("oxygen_level").asRequired().withMin(95).withMax(100)));

    private static final Map<String, RuleSet> BY_ID = new TreeMap<>(Map.of(
            STUDENT_SCORES.id(), STUDENT_SCORES,
            PATIENT_HEALTH.id(), PATIENT_HEALTH));

    private BuiltInRuleSets() {
    }

    /** The built-in rule set with this id ({@code student_scores}, {@code patient_health}). */
    public static Optional<RuleSet> byId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    /** The built-in rule set named like the file, without its extension: {@code student_scores.csv} → {@code student_scores}. */
    public static Optional<RuleSet> forDataset(Path file) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toString();
        int dot = name.lastIndexOf('.');
        return byId(dot > 0 ? name.substring(0, dot) : name);
    }

    /** The ids of all built-in rule sets, sorted. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }
}
