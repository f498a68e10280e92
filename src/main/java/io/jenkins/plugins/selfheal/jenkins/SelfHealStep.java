package io.jenkins.plugins.selfheal.jenkins;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

import java.util.Set;

/**
 * {@code selfHeal(planner: 'rl') { sh './deploy.sh' }}: runs the deployment, detects a crash,
 * high latency or a data anomaly, heals with the job's policy and asks for feedback.
 */
public class SelfHealStep extends Step {
    private String planner = "rl";
    private String healthUrl;
    private long latencyThresholdMs = HealParameters.DEFAULT_LATENCY_THRESHOLD_MS;
    private String dataset;
    private String rules;
    private String deploy;
    private String rollback;
    private String restart;
    private int maxHeals = 1;
    private String feedback = "wait";
    private Integer feedbackTimeoutMinutes;
    private String simulate;
    private String autonomy;
    private Double confidenceThreshold;
    private Integer maxHealsPerHour;
    private Integer coolDownMinutes;
    private String mode;

    @DataBoundConstructor
    public SelfHealStep() {
    }

    @Override
    public StepExecution start(StepContext context) throws AbortException {
        int timeout = feedbackTimeoutMinutes != null ? feedbackTimeoutMinutes
                : SelfHealGlobalConfiguration.get().getFeedbackTimeoutMinutes();
        try {
            AutonomyParameters autonomyParameters = AutonomyParameters.resolve(autonomy, confidenceThreshold, maxHealsPerHour,
                    coolDownMinutes, mode, HealParameters.text(simulate).isPresent(), SelfHealAutonomyConfiguration.get().defaults());
            return new SelfHealStepExecution(context, new HealParameters(planner, healthUrl, latencyThresholdMs, dataset,
                    rules, deploy, rollback, restart, maxHeals, feedback, timeout, simulate, autonomyParameters));
        } catch (IllegalArgumentException e) {
            throw new AbortException("selfHeal: " + e.getMessage()); // one line in the log, no stack trace
        }
    }

    // The same settings as SelfHealRecorder (with the Step's own defaults); see help-<field>.html.
    public String getPlanner() { return planner; }
    @DataBoundSetter public void setPlanner(String planner) { this.planner = planner; }
    public String getHealthUrl() { return healthUrl; }
    @DataBoundSetter public void setHealthUrl(String healthUrl) { this.healthUrl = healthUrl; }
    public long getLatencyThresholdMs() { return latencyThresholdMs; }
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
    public int getMaxHeals() { return maxHeals; }
    @DataBoundSetter public void setMaxHeals(int maxHeals) { this.maxHeals = maxHeals; }
    public String getFeedback() { return feedback; }
    @DataBoundSetter public void setFeedback(String feedback) { this.feedback = feedback; }
    public Integer getFeedbackTimeoutMinutes() { return feedbackTimeoutMinutes; }
    @DataBoundSetter public void setFeedbackTimeoutMinutes(Integer minutes) { this.feedbackTimeoutMinutes = minutes; }
    public String getSimulate() { return simulate; }
    @DataBoundSetter public void setSimulate(String simulate) { this.simulate = simulate; }
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
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "selfHeal";
        }

        @Override
        public String getDisplayName() {
            return "Self-Heal: run a deployment, detect problems and heal them";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public ListBoxModel doFillPlannerItems() {
            return FormChoices.planners();
        }

        public ListBoxModel doFillFeedbackItems() {
            return FormChoices.feedbackModes(true);
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
