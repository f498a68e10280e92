package io.jenkins.plugins.selfheal.engine.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Finds the rule set a user named: a built-in id, or a path to a custom JSON rule set ({@link RuleSetLoader}). */
public final class RuleSets {
    private RuleSets() {
    }

    /**
     * A built-in rule set ({@code student_scores}, {@code patient_health}) when {@code spec} is one
     * of their ids, else the JSON rule set at that path when it ends in {@code .json} or exists.
     *
     * @throws IllegalArgumentException when it is neither (the message lists the built-ins), or
     *                                  {@link InvalidRuleSetException} when the JSON file is bad
     */
    public static RuleSet resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no rule set given: " + choices());
        }
        String trimmed = spec.trim();
        var builtIn = BuiltInRuleSets.byId(trimmed);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path path = Path.of(trimmed);
        if (trimmed.toLowerCase(Locale.ROOT).endsWith(".json") || Files.exists(path)) {
            return RuleSetLoader.load(path);
        }
        throw new IllegalArgumentException("unknown rule set '" + trimmed + "': " + choices());
    }

    private static String choices() {
        return "expected a built-in rule set (" + String.join(", ", BuiltInRuleSets.ids())
                + ") or the path of a .json rule set file";
    }
}
