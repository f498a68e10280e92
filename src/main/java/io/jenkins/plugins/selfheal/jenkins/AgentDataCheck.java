package io.jenkins.plugins.selfheal.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.selfheal.engine.detect.DataAnomalyDetector;
import io.jenkins.plugins.selfheal.engine.detect.DatasetBaseline;
import io.jenkins.plugins.selfheal.engine.detect.DatasetFormatException;
import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.detect.InvalidRuleSetException;
import io.jenkins.plugins.selfheal.engine.loop.DataCheck;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks the data set where it lives: the scan runs on the agent holding the workspace (only a
 * finding travels back), judging the rows changed since the baseline taken before the deployment.
 * {@code dataset} and {@code rules} are workspace paths ({@link WorkspaceFiles}). Bad input ends
 * the step with one line: an {@link AbortException}, which {@code FilePath.act} passes back from
 * an agent as it is (other exceptions it wraps, and Jenkins prints their stack trace).
 */
final class AgentDataCheck implements DataCheck {
    private final FilePath workspace;
    private final String dataset;
    private final String rules;
    private final long[] baseline;

    private AgentDataCheck(FilePath workspace, String dataset, String rules, long[] baseline) {
        this.workspace = workspace;
        this.dataset = dataset;
        this.rules = rules;
        this.baseline = baseline;
    }

    /**
     * Judges the rows changed since an earlier baseline (a previous build's check); with none,
     * the whole file.
     */
    static AgentDataCheck since(FilePath workspace, String datasetPath, String rules, long[] earlier) {
        return new AgentDataCheck(workspace, datasetPath, rules, earlier == null ? new long[] {0, 0} : earlier);
    }

    /** The data set as it is now, for the next build's check. */
    long[] baselineNow() throws IOException, InterruptedException {
        return workspace.act(new TakeBaseline(dataset));
    }

    @Override
    public Optional<Finding> check() throws IOException, InterruptedException {
        String[] finding = workspace.act(new Check(dataset, rules, baseline));
        return finding == null ? Optional.empty() : Optional.of(new Finding(finding[0], finding[1]));
    }

    /** One line for the build log, naming the field; the stack trace stays out of it. */
    static String oneLine(RuntimeException e) {
        String message = StepSummary.describe(e);
        if (e instanceof DatasetFormatException) {
            return "Self-Heal: dataset: " + message;
        }
        if (e instanceof InvalidRuleSetException) {
            return "Self-Heal: rules: " + message;
        }
        return "Self-Heal: " + message;
    }

    private static final class TakeBaseline extends MasterToSlaveFileCallable<long[]> {
        private static final long serialVersionUID = 1L;
        private final String dataset;

        TakeBaseline(String dataset) {
            this.dataset = dataset;
        }

        @Override
        public long[] invoke(File workspace, VirtualChannel channel) throws IOException {
            Path file;
            try {
                file = WorkspaceFiles.resolve(workspace.toPath(), "dataset", dataset);
            } catch (IllegalArgumentException e) {
                throw new AbortException(oneLine(e));
            }
            try {
                DatasetBaseline b = DatasetBaseline.of(file);
                return new long[] {b.length(), b.tailChecksum()};
            } catch (IOException e) {
                throw new AbortException("Self-Heal: dataset: cannot read " + file + ": " + StepSummary.describe(e));
            }
        }
    }

    /** Returns {failure, reason} or null. */
    private static final class Check extends MasterToSlaveFileCallable<String[]> {
        private static final long serialVersionUID = 1L;
        private final String dataset;
        private final String rules;
        private final long[] baseline;

        Check(String dataset, String rules, long[] baseline) {
            this.dataset = dataset;
            this.rules = rules;
            this.baseline = baseline.clone();
        }

        @Override
        public String[] invoke(File workspace, VirtualChannel channel) throws IOException {
            try {
                Path root = workspace.toPath();
                Path file = WorkspaceFiles.resolve(root, "dataset", dataset);
                DatasetBaseline before = new DatasetBaseline(baseline[0], baseline[1]);
                Optional<Finding> finding = new DataAnomalyDetector(WorkspaceFiles.ruleSet(root, file, rules))
                        .check(file, before);
                return finding.map(f -> new String[] {f.failure(), f.reason()}).orElse(null);
            } catch (DatasetFormatException | IllegalArgumentException e) {
                throw new AbortException(oneLine(e));
            }
        }
    }
}
