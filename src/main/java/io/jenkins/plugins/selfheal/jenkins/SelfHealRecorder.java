package io.jenkins.plugins.selfheal.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Self-Heal: check the deployment and heal" for freestyle jobs: the build's result so far is the
 * crash evidence, a {@code deploy} command is the retry; feedback is always given later on the
 * build page. A post-build step cannot make a failed build successful again, so a healed failure
 * leaves the build's result as it was and says so.
 */
public class SelfHealRecorder extends Recorder implements SimpleBuildStep {
    private static final Logger LOGGER = Logger.getLogger(SelfHealRecorder.class.getName());
    private static final String DEFAULT_PLANNER = "rl";
    private static final String DEFAULT_FEEDBACK = FeedbackMode.ASYNC.id();
    private static final int DEFAULT_MAX_HEALS = 1;

    // Defaults are set twice: here for a new step, in readResolve for one read from a config.xml that
    // lacks the field (XStream skips these initialisers: REST API, Job DSL, an older plugin version).
    private String planner = DEFAULT_PLANNER;
    private String healthUrl;
    private Long latencyThresholdMs = HealParameters.DEFAULT_LATENCY_THRESHOLD_MS;
    private String dataset;
    private String rules;
    private String deploy;
    private String rollback;
    private String restart;
    private Integer maxHeals = DEFAULT_MAX_HEALS;
    private String feedback = DEFAULT_FEEDBACK;
    private String autonomy;
    private Double confidenceThreshold;
    private Integer maxHealsPerHour;
    private Integer coolDownMinutes;
    private String mode;

    @DataBoundConstructor
    public SelfHealRecorder() {
    }

    /** Called by XStream after reading a config.xml: the defaults of the fields it did not hold. */
    protected Object readResolve() {
        if (planner == null) {
            planner = DEFAULT_PLANNER;
        }
        if (latencyThresholdMs == null) {
            latencyThresholdMs = HealParameters.DEFAULT_LATENCY_THRESHOLD_MS;
        }
        if (maxHeals == null) {
            maxHeals = DEFAULT_MAX_HEALS;
        }
        if (feedback == null) {
            feedback = DEFAULT_FEEDBACK;
        }
        return this;
    }

    /**
     * The settings, validated: feedback is given later on the build page ({@code async}) unless it
     * is {@code none} (a freestyle build cannot wait).
     *
     * @throws IllegalArgumentException naming the field
     */
    HealParameters parameters(int feedbackTimeoutMinutes) {
        return parameters(feedbackTimeoutMinutes, AutonomyParameters.DEFAULTS_ONLY);
    }

    /** @param defaults the global autonomy defaults this step's own settings override */
    HealParameters parameters(int feedbackTimeoutMinutes, AutonomyParameters.Defaults defaults) {
        return new HealParameters(planner, healthUrl, getLatencyThresholdMs(), dataset, rules, deploy, rollback, restart,
                getMaxHeals(), FeedbackMode.find(feedback).filter(FeedbackMode.NONE::equals).orElse(FeedbackMode.ASYNC).id(),
                feedbackTimeoutMinutes, null, AutonomyParameters.resolve(autonomy, confidenceThreshold, maxHealsPerHour,
                        coolDownMinutes, mode, false, defaults));
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        try {
            heal(run, workspace, env, launcher, listener);
        } catch (AbortException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new AbortException("Self-Heal: " + e.getMessage()); // one line in the log, no stack trace
        } catch (IOException | RuntimeException e) {
            // e.g. a policy whose files cannot be read: one line in the build log, the details in the controller's
            LOGGER.log(Level.WARNING, "Self-Heal post-build step of " + run.getExternalizableId(), e);
            throw new AbortException("Self-Heal: " + StepSummary.describe(e));
        }
    }

    private void heal(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        HealParameters parameters = parameters(SelfHealGlobalConfiguration.get().getFeedbackTimeoutMinutes(),
                SelfHealAutonomyConfiguration.get().defaults());
        BuildHealer runner = new BuildHealer(run, parameters, listener, workspace, launcher, env);
        // The build changed the data before this step runs: judge the rows changed since the
        // previous build's check (the first check judges the whole file).
        AgentDataCheck data = runner.dataCheckSince(previousBaseline(run));
        SelfHealBuildAction action = runner.heal(BuildHealer.fromBuildResult(run.getResult()),
                parameters.deployCommand().isPresent() ? runner.deployCommand() : null, data, null);
        if (data != null) {
            action.setDatasetBaseline(data.baselineNow());
            run.save();
        }
        Episode episode = action.getEpisode();
        if (parameters.autonomy().shadow()) {
            runner.log("shadow mode: the build's result is left as it was");
            return;
        }
        switch (episode.outcome()) {
            case FAILED -> {
                runner.log(StepSummary.oneLine(episode));
                run.setResult(Result.FAILURE);
            }
            case ESCALATED, RECOMMENDED -> run.setResult(Result.UNSTABLE);
            case HEALED -> runner.log("healed; a post-build step cannot change an earlier failure of this build");
            case HEALTHY -> runner.log("the deployment is healthy");
        }
    }

    private static long[] previousBaseline(Run<?, ?> run) {
        for (Run<?, ?> previous = run.getPreviousBuild(); previous != null; previous = previous.getPreviousBuild()) {
            SelfHealBuildAction action = previous.getAction(SelfHealBuildAction.class);
            if (action != null && action.datasetBaseline() != null) {
                return action.datasetBaseline();
            }
        }
        return null;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    public String getPlanner() { return planner == null ? DEFAULT_PLANNER : planner; }
    @DataBoundSetter public void setPlanner(String planner) { this.planner = planner; }
    public String getHealthUrl() { return healthUrl; }
    @DataBoundSetter public void setHealthUrl(String healthUrl) { this.healthUrl = healthUrl; }
    public long getLatencyThresholdMs() { return latencyThresholdMs == null ? HealParameters.DEFAULT_LATENCY_THRESHOLD_MS : latencyThresholdMs; }
    @DataBoundSetter public void setLatencyThresholdMs(long latencyThresholdMs) { this.latencyThresholdMs = latencyThresholdMs; }
    public String getDataset() { return dataset; }
    @DataBoundSetter public void setDataset(String dataset) { this.dataset = dataset; }
    public String getRules() { return rules; }
    @DataBoundSetter public void setRules(String rules) { this.rules = rules; }
    public String getDeploy() { return deploy; }
    @DataBoundSetter public void setDeploy(String deploy) { this.deploy = deploy; }
    public String getRollback() { return rollback; }
    @DataBoundSetter public void setRollback(String rollback) { this.rollback = rollback; }
    public String getRestart() { return restart; }
    @DataBoundSetter public void setRestart(String restart) { this.restart = restart; }
    public int getMaxHeals() { return maxHeals == null ? DEFAULT_MAX_HEALS : maxHeals; }
    @DataBoundSetter public void setMaxHeals(int maxHeals) { this.maxHeals = maxHeals; }
    public String getFeedback() { return feedback == null ? DEFAULT_FEEDBACK : feedback; }
    @DataBoundSetter public void setFeedback(String feedback) { this.feedback = feedback; }
    // autonomy, caps and mode; null: the global default (SelfHealAutonomyConfiguration)
    public String getAutonomy() { return autonomy; }
    @DataBoundSetter public void setAutonomy(String autonomy) { this.autonomy = HealParameters.text(autonomy).orElse(null); }
    public Double getConfidenceThreshold() { return confidenceThreshold; }
    @DataBoundSetter public void setConfidenceThreshold(Double threshold) { this.confidenceThreshold = threshold; }
    public Integer getMaxHealsPerHour() { return maxHealsPerHour; }
    @DataBoundSetter public void setMaxHealsPerHour(Integer max) { this.maxHealsPerHour = max; }
    public Integer getCoolDownMinutes() { return coolDownMinutes; }
    @DataBoundSetter public void setCoolDownMinutes(Integer minutes) { this.coolDownMinutes = minutes; }
    public String getMode() { return mode; }
    @DataBoundSetter public void setMode(String mode) { this.mode = HealParameters.text(mode).orElse(null); }

    @Extension
    @Symbol("selfHealCheck")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Self-Heal: check the deployment and heal";
        }

        public ListBoxModel doFillPlannerItems() {
            return FormChoices.planners();
        }

        public ListBoxModel doFillFeedbackItems() {
            return FormChoices.feedbackModes(false);
        }

        public ListBoxModel doFillAutonomyItems() {
            return FormChoices.autonomies(true);
        }

        public ListBoxModel doFillModeItems() {
            return FormChoices.modes();
        }

        public FormValidation doCheckConfidenceThreshold(@QueryParameter String value) {
            return FormChoices.checkThreshold(value);
        }

        public FormValidation doCheckHealthUrl(@QueryParameter String value) {
            return FormChoices.checkHealthUrl(value);
        }

        public FormValidation doCheckLatencyThresholdMs(@QueryParameter String value) {
            return FormChoices.checkPositive("latencyThresholdMs", value);
        }
    }
}
