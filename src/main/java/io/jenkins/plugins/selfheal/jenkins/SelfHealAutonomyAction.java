package io.jenkins.plugins.selfheal.jenkins;

import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.selfheal.engine.autonomy.AutonomyGate;
import io.jenkins.plugins.selfheal.engine.autonomy.LedgerView;
import jenkins.security.stapler.StaplerDispatchable;
import io.jenkins.plugins.selfheal.engine.store.Policy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The job's "Self-Heal autonomy" page ({@code …/self-heal-autonomy/}): per state the greedy action and
 * the confidence in it (would {@code confident} act alone at the threshold of the job's last heal, or else the global one?), shadow agreement
 * per state and over time, and the simulated episodes. Read-only; kept apart from the job's Self-Heal
 * page so the two evolve separately.
 */
public class SelfHealAutonomyAction implements Action {
    private final Job<?, ?> job;

    SelfHealAutonomyAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "/plugin/self-heal/images/self-heal.svg";
    }

    @Override
    public String getDisplayName() {
        return "Self-Heal autonomy";
    }

    @Override
    public String getUrlName() {
        return "self-heal-autonomy";
    }

    /**
     * The offline evaluation sub-page ({@code evaluation/}), computed only when that page is opened. Marked
     * dispatchable: Stapler routes a getter only to a type it knows as a web object, and this one is a plain view.
     */
    @StaplerDispatchable
    public JobEvaluation getEvaluation() {
        return new JobEvaluation(job);
    }

    /** The page's facts, read once per page (the policy and the ledger). */
    public Facts getFacts() throws IOException {
        Policy policy = JobPolicy.store(job).read();
        LedgerView view = JobAutonomy.ledger(job).view(policy.generation());
        double global = SelfHealAutonomyConfiguration.get().getConfidenceThreshold();
        Optional<AutonomyGate.Settings> used = view.lastSettings();
        double threshold = used.map(AutonomyGate.Settings::threshold).orElse(global);
        return new Facts(threshold, used.isPresent(), global, view.states(policy.table(), policy.parameters(), threshold), view.shadowByState(),
                view.shadowByDay(), view.simulatedLearned(), view.simulatedNotLearned(),
                view.lastFailedHeal().map(Object::toString).orElse(""));
    }

    /** What the page shows; numbers as text with two decimals. */
    public record Facts(double threshold, boolean jobsOwn, double global, List<LedgerView.StateRow> states,
                        List<LedgerView.Agreement> shadowByState,
                        List<LedgerView.Agreement> shadowByDay, long simulatedLearned, long simulatedNotLearned,
                        String lastFailedHeal) {
        public String thresholdText() {
            return AutonomyGate.format(threshold);
        }

        /** Where the threshold comes from: the job's last heal, or the global default. */
        public String thresholdSource() {
            return jobsOwn ? "the threshold of this job's last heal; the global default is " + AutonomyGate.format(global)
                    : "the global default: no heal of this job ran yet; a job may set its own with confidenceThreshold";
        }

        public String confidenceText(LedgerView.StateRow row) {
            return AutonomyGate.format(row.confidence().lowerBound());
        }

        public String rateText(LedgerView.Agreement agreement) {
            return AutonomyGate.format(agreement.rate());
        }
    }
}
