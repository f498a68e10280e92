package io.jenkins.plugins.selfheal.jenkins;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.DataAnomalyDetector;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import io.jenkins.plugins.selfheal.engine.detect.RuleSets;
import io.jenkins.plugins.selfheal.engine.loop.DataCheck;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

/**
 * Checks the data set where it lives: the scan runs on the agent holding the workspace (only a
 * finding travels back), judging the rows changed since the baseline taken before the deployment.
 */
final class AgentDataCheck implements DataCheck {
    private final FilePath dataset;
    private final String rules;
    private final long[] baseline;

    private AgentDataCheck(FilePath dataset, String rules, long[] baseline) {
        this.dataset = dataset;
        this.rules = rules;
        this.baseline = baseline;
    }

    /**
     * Judges the rows changed since an earlier baseline (a previous build's check); with none,
     * the whole file.
     */
    static AgentDataCheck since(FilePath workspace, String datasetPath, String rules, long[] earlier) {
        return new AgentDataCheck(workspace.child(datasetPath), rules, earlier == null ? new long[] {0, 0} : earlier);
    }

    /** The data set as it is now, for the next build's check. */
    long[] baselineNow() throws IOException, InterruptedException {
        return dataset.act(new TakeBaseline());
    }

    @Override
    public Optional<Finding> check() throws IOException, InterruptedException {
        String[] finding = dataset.act(new Check(rules, baseline));
        return finding == null ? Optional.empty() : Optional.of(new Finding(finding[0], finding[1]));
    }

    /** The rule set named in the step, or the built-in one matching the file name. */
    static RuleSet ruleSet(File file, String rules) {
        if (rules != null && !rules.isBlank()) {
            String spec = rules.trim();
            File relative = new File(file.getParentFile(), spec);
            return BuiltInRuleSets.byId(spec).orElseGet(() -> RuleSets.resolve(relative.exists() ? relative.getPath() : spec));
        }
        return BuiltInRuleSets.forDataset(file.toPath()).orElseThrow(() -> new IllegalArgumentException("rules: no built-in "
                + "rule set matches " + file.getName() + "; name one (" + String.join(", ", BuiltInRuleSets.ids())
                + ") or a .json rule set file"));
    }

    private static final class TakeBaseline extends MasterToSlaveFileCallable<long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] invoke(File file, VirtualChannel channel) throws IOException {
            DatasetBaseline b = DatasetBaseline.of(file.toPath());
            return new long[] {b.length(), b.tailChecksum()};
        }
    }

    /** Returns {failure, reason} or null; format errors travel back as a plain IOException message. */
    private static final class Check extends MasterToSlaveFileCallable<String[]> {
        private static final long serialVersionUID = 1L;
        private final String rules;
        private final long[] baseline;

        Check(String rules, long[] baseline) {
            this.rules = rules;
            this.baseline = baseline.clone();
        }

        @Override
        public String[] invoke(File file, VirtualChannel channel) throws IOException {
            try {
                DatasetBaseline before = new DatasetBaseline(baseline[0], baseline[1]);
                Optional<Finding> finding = new DataAnomalyDetector(ruleSet(file, rules)).check(file.toPath(), before);
                return finding.map(f -> new String[] {f.failure(), f.reason()}).orElse(null);
            } catch (DatasetFormatException | IllegalArgumentException e) {
                throw new IOException(e.getMessage());
            }
        }
    }
}
