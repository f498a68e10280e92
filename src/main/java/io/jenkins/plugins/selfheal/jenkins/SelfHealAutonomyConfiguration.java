package io.jenkins.plugins.selfheal.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.selfheal.engine.autonomy.Autonomy;
import io.jenkins.plugins.selfheal.engine.autonomy.AutonomyGate;
import io.jenkins.plugins.selfheal.engine.autonomy.HealBudget;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Manage Jenkins → System → "Self-Heal: autonomy and simulation": the defaults a job's {@code autonomy},
 * {@code confidenceThreshold}, {@code maxHealsPerHour} and {@code coolDownMinutes} override, and the
 * administrator's switches for injected failures ({@code simulate}: off by default) and for learning
 * from them (off by default). JCasC: {@code unclassified: selfHealAutonomy: {allowInjectedFailures: true}}.
 */
@Extension
@Symbol("selfHealAutonomy")
public class SelfHealAutonomyConfiguration extends SavedOnceConfiguration {
    private String autonomy = Autonomy.ASK.id();
    private double confidenceThreshold = AutonomyGate.DEFAULT_THRESHOLD;
    private int maxHealsPerHour;
    private int coolDownMinutes;
    private boolean allowInjectedFailures;
    private boolean learnFromSimulated;

    public SelfHealAutonomyConfiguration() {
        load();
    }

    public static SelfHealAutonomyConfiguration get() {
        return ExtensionList.lookupSingleton(SelfHealAutonomyConfiguration.class);
    }

    /** The defaults for {@link AutonomyParameters#resolve}. */
    AutonomyParameters.Defaults defaults() {
        return new AutonomyParameters.Defaults(getAutonomy(), confidenceThreshold, maxHealsPerHour, coolDownMinutes,
                allowInjectedFailures, learnFromSimulated);
    }

    @Override
    public String getDisplayName() {
        return "Self-Heal: autonomy and simulation";
    }

    @Override
    protected void validate(JSONObject json) throws Descriptor.FormException {
        try {
            Autonomy.parse(field(json, "autonomy", "ask"));
            AutonomyGate.requireThreshold(Double.parseDouble(field(json, "confidenceThreshold", "0.8")));
            HealBudget.of(Integer.parseInt(field(json, "maxHealsPerHour", "0")), Integer.parseInt(field(json, "coolDownMinutes", "0")));
        } catch (NumberFormatException e) {
            throw new Descriptor.FormException("Self-Heal autonomy: numbers expected (" + e.getMessage() + ")", "confidenceThreshold");
        } catch (IllegalArgumentException e) {
            throw new Descriptor.FormException(e.getMessage(), e.getMessage().substring(0, e.getMessage().indexOf(':')));
        }
    }

    private static String field(JSONObject json, String name, String absent) {
        String value = json.has(name) ? json.optString(name) : "";
        return value == null || value.isBlank() ? absent : value.strip();
    }


    public String getAutonomy() {
        return autonomy == null ? Autonomy.ASK.id() : autonomy;
    }

    @DataBoundSetter
    public void setAutonomy(String autonomy) {
        this.autonomy = Autonomy.parse(autonomy).id();
        changed();
    }

    public double getConfidenceThreshold() {
        return confidenceThreshold;
    }

    @DataBoundSetter
    public void setConfidenceThreshold(double threshold) {
        this.confidenceThreshold = AutonomyGate.requireThreshold(threshold);
        changed();
    }

    public int getMaxHealsPerHour() {
        return maxHealsPerHour;
    }

    @DataBoundSetter
    public void setMaxHealsPerHour(int max) {
        this.maxHealsPerHour = HealBudget.of(max, 0).maxPerHour();
        changed();
    }

    public int getCoolDownMinutes() {
        return coolDownMinutes;
    }

    @DataBoundSetter
    public void setCoolDownMinutes(int minutes) {
        this.coolDownMinutes = (int) HealBudget.of(0, minutes).coolDown().toMinutes();
        changed();
    }

    /** Whether {@code simulate} (failures injected over real deployments, real commands run) is allowed at all. */
    public boolean isAllowInjectedFailures() {
        return allowInjectedFailures;
    }

    @DataBoundSetter
    public void setAllowInjectedFailures(boolean allow) {
        this.allowInjectedFailures = allow;
        changed();
    }

    /** Whether episodes on injected failures teach the jobs' policies (their outcomes are drawn at random). */
    public boolean isLearnFromSimulated() {
        return learnFromSimulated;
    }

    @DataBoundSetter
    public void setLearnFromSimulated(boolean learn) {
        this.learnFromSimulated = learn;
        changed();
    }

    public ListBoxModel doFillAutonomyItems() {
        return FormChoices.autonomies();
    }

    public FormValidation doCheckConfidenceThreshold(@QueryParameter String value) {
        return FormChoices.checkThreshold(value);
    }
}
