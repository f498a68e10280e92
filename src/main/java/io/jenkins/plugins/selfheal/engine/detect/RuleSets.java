package io.jenkins.plugins.selfheal.engine.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

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
            throw new IllegalArgumentException("no rule set given: " + choices("path"));
        }
        return resolve(spec, null, Path::of, "", "path", null);
    }

    /**
     * The one resolution of a rule set, for the CLI and the Jenkins step: {@code spec} blank means the
     * built-in the data set's file name names ({@code noMatch} when none does); a built-in id; else the
     * JSON file {@code locate} finds for it (a workspace path on an agent).
     *
     * @param field the message prefix naming the setting (e.g. {@code "rules: "}), or empty
     * @param where what {@code spec} is a path in, for the message (e.g. {@code "workspace path"})
     */
    public static RuleSet resolve(String spec, Path dataset, Function<String, Path> locate, String field, String where,
                                  Supplier<IllegalArgumentException> noMatch) {
        String trimmed = spec == null ? "" : spec.strip();
        if (trimmed.isEmpty()) {
            return BuiltInRuleSets.forDataset(dataset).orElseThrow(noMatch);
        }
        var builtIn = BuiltInRuleSets.byId(trimmed);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path path = locate.apply(trimmed);
        if (trimmed.toLowerCase(Locale.ROOT).endsWith(".json") || Files.exists(path)) {
            return RuleSetLoader.load(path);
        }
        throw new IllegalArgumentException(field + "unknown rule set '" + trimmed + "': " + choices(where));
    }

    private static String choices(String where) {
        return "expected a built-in rule set (" + String.join(", ", BuiltInRuleSets.ids())
                + ") or the " + where + " of a .json rule set file";
    }
}
