package io.jenkins.plugins.selfheal.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Manage Jenkins → System → Self-Heal: the Q-learning defaults, the rewards and the kill switch.
 * Configuration as Code: {@code unclassified: selfHeal: {alpha: "0.2", epsilon: "0.05"}} (through
 * the {@link DataBoundSetter}s, which validate and save). Decimals in quotes, as JCasC's own export
 * writes them: JCasC's YAML loader drops a plain decimal such as {@code 0.2} before any configurator
 * sees it (its mapping clones each value with {@code ObjectUtils.clone}, which gives null for a
 * {@code Double}; jenkinsci/configuration-as-code-plugin#1444, #1560), silently. Whole numbers and
 * booleans need no quotes.
 */
@Extension
@Symbol("selfHeal")
public class SelfHealGlobalConfiguration extends SavedOnceConfiguration {
    private double alpha = SettingsRules.DEFAULT_ALPHA;
    private double epsilon = SettingsRules.DEFAULT_EPSILON;
    private double gamma = SettingsRules.DEFAULT_GAMMA;
    private double rewardAcceptedHealed = SettingsRules.DEFAULT_REWARD_ACCEPTED_HEALED;
    private double rewardAcceptedNotHealed = SettingsRules.DEFAULT_REWARD_ACCEPTED_NOT_HEALED;
    private double rewardRejected = SettingsRules.DEFAULT_REWARD_REJECTED;
    private double rewardNoFeedbackHealed = SettingsRules.DEFAULT_REWARD_NO_FEEDBACK_HEALED;
    private double rewardNoFeedbackNotHealed = SettingsRules.DEFAULT_REWARD_NO_FEEDBACK_NOT_HEALED;
    private int feedbackTimeoutMinutes = SettingsRules.DEFAULT_FEEDBACK_TIMEOUT_MINUTES;
    private boolean recommendOnly;
    /** Hosts the controller itself may probe for builds without an agent (none by default). */
    private String controllerProbeHosts = "";

    public SelfHealGlobalConfiguration() {
        load();
    }

    /** The singleton instance registered by {@link Extension}. */
    public static SelfHealGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(SelfHealGlobalConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "Self-Heal";
    }

    @Override
    protected void validate(JSONObject json) throws Descriptor.FormException {
        for (String field : SettingsRules.NUMERIC_FIELDS) {
            if (json.has(field)) {
                try {
                    SettingsRules.check(field, json.optString(field));
                } catch (IllegalArgumentException e) {
                    throw new Descriptor.FormException(e.getMessage(), field);
                }
            }
        }
    }

    public double getAlpha() {
        return alpha;
    }

    @DataBoundSetter
    public void setAlpha(double alpha) {
        this.alpha = SettingsRules.requireAlpha(alpha);
        changed();
    }

    public double getEpsilon() {
        return epsilon;
    }

    @DataBoundSetter
    public void setEpsilon(double epsilon) {
        this.epsilon = SettingsRules.requireEpsilon(epsilon);
        changed();
    }

    public double getGamma() {
        return gamma;
    }

    @DataBoundSetter
    public void setGamma(double gamma) {
        this.gamma = SettingsRules.requireGamma(gamma);
        changed();
    }

    public double getRewardAcceptedHealed() {
        return rewardAcceptedHealed;
    }

    @DataBoundSetter
    public void setRewardAcceptedHealed(double reward) {
        this.rewardAcceptedHealed = SettingsRules.requireReward("rewardAcceptedHealed", reward);
        changed();
    }

    public double getRewardAcceptedNotHealed() {
        return rewardAcceptedNotHealed;
    }

    @DataBoundSetter
    public void setRewardAcceptedNotHealed(double reward) {
        this.rewardAcceptedNotHealed = SettingsRules.requireReward("rewardAcceptedNotHealed", reward);
        changed();
    }

    public double getRewardRejected() {
        return rewardRejected;
    }

    @DataBoundSetter
    public void setRewardRejected(double reward) {
        this.rewardRejected = SettingsRules.requireReward("rewardRejected", reward);
        changed();
    }

    public double getRewardNoFeedbackHealed() {
        return rewardNoFeedbackHealed;
    }

    @DataBoundSetter
    public void setRewardNoFeedbackHealed(double reward) {
        this.rewardNoFeedbackHealed = SettingsRules.requireReward("rewardNoFeedbackHealed", reward);
        changed();
    }

    public double getRewardNoFeedbackNotHealed() {
        return rewardNoFeedbackNotHealed;
    }

    @DataBoundSetter
    public void setRewardNoFeedbackNotHealed(double reward) {
        this.rewardNoFeedbackNotHealed = SettingsRules.requireReward("rewardNoFeedbackNotHealed", reward);
        changed();
    }

    public int getFeedbackTimeoutMinutes() {
        return feedbackTimeoutMinutes;
    }

    @DataBoundSetter
    public void setFeedbackTimeoutMinutes(int minutes) {
        this.feedbackTimeoutMinutes = SettingsRules.requireFeedbackTimeout(minutes);
        changed();
    }

    /** Kill switch: detect and recommend only, never run a healing action. */
    public boolean isRecommendOnly() {
        return recommendOnly;
    }

    @DataBoundSetter
    public void setRecommendOnly(boolean recommendOnly) {
        this.recommendOnly = recommendOnly;
        changed();
    }

    /** Host names the controller may send health probes to (space or comma separated, {@code *.domain} allowed). */
    public String getControllerProbeHosts() {
        return controllerProbeHosts == null ? "" : controllerProbeHosts;
    }

    @DataBoundSetter
    public void setControllerProbeHosts(String hosts) {
        this.controllerProbeHosts = String.join(" ", ProbeHosts.parse(hosts).hosts());
        changed();
    }

    // form validation (side-effect free range checks: no permission needed)

    public FormValidation doCheckAlpha(@QueryParameter String value) {
        return check("alpha", value);
    }

    public FormValidation doCheckEpsilon(@QueryParameter String value) {
        return check("epsilon", value);
    }

    public FormValidation doCheckGamma(@QueryParameter String value) {
        return check("gamma", value);
    }

    public FormValidation doCheckRewardAcceptedHealed(@QueryParameter String value) {
        return check("rewardAcceptedHealed", value);
    }

    public FormValidation doCheckRewardAcceptedNotHealed(@QueryParameter String value) {
        return check("rewardAcceptedNotHealed", value);
    }

    public FormValidation doCheckRewardRejected(@QueryParameter String value) {
        return check("rewardRejected", value);
    }

    public FormValidation doCheckRewardNoFeedbackHealed(@QueryParameter String value) {
        return check("rewardNoFeedbackHealed", value);
    }

    public FormValidation doCheckRewardNoFeedbackNotHealed(@QueryParameter String value) {
        return check("rewardNoFeedbackNotHealed", value);
    }

    public FormValidation doCheckFeedbackTimeoutMinutes(@QueryParameter String value) {
        return check("feedbackTimeoutMinutes", value);
    }

    private static FormValidation check(String field, String value) {
        try {
            SettingsRules.check(field, value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
