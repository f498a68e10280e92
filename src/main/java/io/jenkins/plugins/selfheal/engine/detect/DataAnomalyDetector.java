package io.jenkins.plugins.selfheal.engine.detect;

import io.jenkins.plugins.selfheal.engine.detect.scan.DatasetScan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges the rows of a CSV data set that a deployment changed against a {@link RuleSet}.
 *
 * <p>Only the rows after {@link DatasetBaseline#rowsStartOffset(Path)} are parsed, streamed with
 * running counts only, so memory stays flat for a file of any size; how, and how fast, is the
 * business of {@link DatasetScan}.
 *
 * <p>Outcome: a format error throws {@link DatasetFormatException}; rules broken give one
 * {@link Finding#anomaly(String, String)} named after {@link RuleSet#name()}, whose reason lists
 * every broken rule ({@code "; "}-joined, at most {@value #MAX_REASONS}); no changed rows or no
 * broken rule give no finding.
 */
public final class DataAnomalyDetector {
    static final int MAX_REASONS = 5;

    private final RuleSet rules;
    private final DatasetScan scan;

    public DataAnomalyDetector(RuleSet rules) {
        this(rules, DatasetScan.fast());
    }

    private DataAnomalyDetector(RuleSet rules, DatasetScan scan) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.scan = scan;
    }

    /**
     * A detector that always uses the Commons CSV reference scan (one thread): the baseline the
     * fast path is checked and benchmarked against. Findings and errors are the same.
     */
    public static DataAnomalyDetector withReferenceScanOnly(RuleSet rules) {
        return new DataAnomalyDetector(rules, DatasetScan.referenceOnly());
    }

    public RuleSet ruleSet() {
        return rules;
    }

    /** Judges the whole file (no baseline). */
    public Optional<Finding> check(Path file) {
        return check(file, DatasetBaseline.none());
    }

    /** Judges the rows changed since {@code baseline}; see the class comment. */
    public Optional<Finding> check(Path file, DatasetBaseline baseline) {
        List<String> reasons = scan.brokenRules(file, rules, baseline);
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join("; ", reasons.subList(0, Math.min(MAX_REASONS, reasons.size())));
        int hidden = reasons.size() - MAX_REASONS;
        return Optional.of(Finding.anomaly(rules.name(), hidden > 0 ? shown + "; and " + hidden + " more" : shown));
    }
}
