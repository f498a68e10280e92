package io.jenkins.plugins.selfheal.engine.detect.scan;

import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import io.jenkins.plugins.selfheal.engine.detect.ColumnRule;
import io.jenkins.plugins.selfheal.engine.detect.ColumnType;
import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;

import java.util.List;
import java.util.Random;

/**
 * Random data sets for checking the fast path against the reference: mostly plain rows, with every
 * kind of trouble the detector has to name (empty, out of range, bad numbers, wrong widths, blank
 * lines, CRLF, no final line break, non-ASCII text) and, rarely, input the fast path must decline
 * (quotes, lone CRs).
 */
final class CsvSamples {
    static final RuleSet CHOICES = RuleSet.of("choices", List.of(
            ColumnRule.text("kind").withAllowed("a", "b", "ü"),
            ColumnRule.number("level").withMin(-5).withMax(5).withMeanMax(2),
            ColumnRule.text("note")));
    static final RuleSet SINGLE = RuleSet.of("single", List.of(ColumnRule.number("value").asRequired().withMeanMin(1)));
    static final List<RuleSet> RULE_SETS = List.of(BuiltInRuleSets.STUDENT_SCORES, BuiltInRuleSets.PATIENT_HEALTH,
            CHOICES, SINGLE);

    private static final String[] NAMES = {"Riya", "Aman", "Priya", "José", "日本", "  padded  ", ""};
    private static final String[] BAD_NUMBERS = {"abc", "1e", "--1", ".", "5x", "0x10", "NaN", "1,5", "ünï", "8 9", "1e400", "1,234"};
    private static final String[] ODD_NUMBERS = {"+.5", "5.", "1e2", "-0", " 7 ", "1E+1", "3.25", "00042",
            "12345678901234567890", "-3"};

    private final Random random;
    /** Trouble per row: 0 gives plain files, 1 gives a broken file. */
    private final double trouble;
    /** Whether input the fast path declines may appear. */
    private final boolean declinable;

    CsvSamples(Random random, double trouble, boolean declinable) {
        this.random = random;
        this.trouble = trouble;
        this.declinable = declinable;
    }

    String file(RuleSet rules, int rows) {
        String lineBreak = random.nextInt(4) == 0 ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder(String.join(",", rules.header())).append(lineBreak);
        for (int i = 0; i < rows; i++) {
            text.append(row(rules)).append(i == rows - 1 && random.nextInt(3) == 0 ? "" : lineBreak);
        }
        return text.toString();
    }

    String row(RuleSet rules) {
        if (troubled(0.1)) {
            return pick("", "   ", "\t", " ");
        }
        StringBuilder row = new StringBuilder();
        int width = rules.columns().size();
        if (troubled(0.05)) {
            width += random.nextBoolean() ? 1 : -1;
        }
        for (int c = 0; c < Math.max(width, 1); c++) {
            if (c > 0) {
                row.append(',');
            }
            row.append(c < rules.columns().size() ? value(rules.columns().get(c)) : "extra");
        }
        if (declinable && random.nextInt(60) == 0) {
            row.insert(random.nextInt(row.length() + 1), random.nextBoolean() ? "\"" : "\r");
        }
        return row.toString();
    }

    private String value(ColumnRule rule) {
        if (troubled(0.1)) {
            return pick("", " ");
        }
        if (rule.type() == ColumnType.TEXT) {
            if (!rule.allowed().isEmpty()) {
                return troubled(0.2) ? "c" : pick("a", "b", "ü", " a ");
            }
            return rule.name().equals("timestamp") ? "2025-01-0" + (1 + random.nextInt(9)) : pick(NAMES);
        }
        if (troubled(0.03)) {
            return pick(BAD_NUMBERS);
        }
        if (troubled(0.2)) {
            return pick(ODD_NUMBERS);
        }
        double low = rule.min().orElse(0) - (troubled(0.2) ? 30 : 0);
        double high = rule.max().orElse(100) + (troubled(0.2) ? 30 : 0);
        double value = low + random.nextDouble() * (high - low);
        return random.nextInt(4) == 0 ? String.format(java.util.Locale.ROOT, "%.1f", value)
                : Long.toString(Math.round(value));
    }

    private boolean troubled(double share) {
        return random.nextDouble() < share * trouble;
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
