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
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks the data set where it lives: the scan runs on the agent holding the workspace (only a
 * finding travels back), judging the rows changed since the baseline taken before the deployment.
 * {@code dataset} and {@code rules} are workspace paths ({@link WorkspaceFiles}). What crosses the
 * channel crosses whole: a {@link Finding}, a {@link DatasetBaseline}, and bad input as the exception
 * itself inside the answer ({@code FilePath.act} would wrap a thrown one, and Jenkins print its stack
 * trace); here it ends the step with one line, an {@link AbortException}.
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
        DatasetBaseline now = workspace.act(new TakeBaseline(dataset));
        return new long[] {now.length(), now.checksum()}; // the form saved with builds and steps
    }

    @Override
    public Optional<Finding> check() throws IOException, InterruptedException {
        Answer answer = workspace.act(new Check(dataset, rules, new DatasetBaseline(baseline[0], baseline[1])));
        if (answer.badInput() != null) {
            throw new AbortException(oneLine(answer.badInput()));
        }
        return Optional.ofNullable(answer.finding());
    }

    /** The check's answer from the agent: the finding (null: none), or the bad input it met. */
    record Answer(Finding finding, RuntimeException badInput) implements Serializable {
        private static final long serialVersionUID = 1L;
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

    private static final class TakeBaseline extends MasterToSlaveFileCallable<DatasetBaseline> {
        private static final long serialVersionUID = 2L;
        private final String dataset;

        TakeBaseline(String dataset) {
            this.dataset = dataset;
        }

        @Override
        public DatasetBaseline invoke(File workspace, VirtualChannel channel) throws IOException {
            Path file;
            try {
                file = WorkspaceFiles.resolve(workspace.toPath(), "dataset", dataset);
            } catch (IllegalArgumentException e) {
                throw new AbortException(oneLine(e));
            }
            try {
                return DatasetBaseline.of(file);
            } catch (IOException e) {
                throw new AbortException("Self-Heal: dataset: cannot read " + file + ": " + StepSummary.describe(e));
            }
        }
    }

    private static final class Check extends MasterToSlaveFileCallable<Answer> {
        private static final long serialVersionUID = 2L;
        private final String dataset;
        private final String rules;
        private final DatasetBaseline baseline;

        Check(String dataset, String rules, DatasetBaseline baseline) {
            this.dataset = dataset;
            this.rules = rules;
            this.baseline = baseline;
        }

        @Override
        public Answer invoke(File workspace, VirtualChannel channel) throws IOException {
            try {
                Path root = workspace.toPath();
                Path file = WorkspaceFiles.resolve(root, "dataset", dataset);
                return new Answer(new DataAnomalyDetector(WorkspaceFiles.ruleSet(root, file, rules)).check(file, baseline)
                        .orElse(null), null);
            } catch (DatasetFormatException | IllegalArgumentException e) {
                return new Answer(null, e);
            }
        }
    }
}
