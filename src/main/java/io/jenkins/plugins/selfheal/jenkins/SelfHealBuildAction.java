package io.jenkins.plugins.selfheal.jenkins;

import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.loop.StalePolicyException;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.interceptor.RequirePOST;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The build's Self-Heal panel (summary.jelly on the build page): what was detected, the decision
 * with its explanation, the outcome, and Accept / Reject / Override. Saved with the build; the
 * waiting step is found again by its id, so a click after a restart still completes it.
 */
public class SelfHealBuildAction extends DecisionRecord implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(SelfHealBuildAction.class.getName());
    private final String executionId;
    /** {@code self-heal} for a build's first episode, {@code self-heal-2} … when one build heals several times. */
    private final String urlName;
    /** The data set after this build's check (post-build step): where the next build's check starts. */
    private long[] datasetBaseline;
    private transient Run<?, ?> run;

    /** @param urlName unique in the build: see {@link #urlNameFor} */
    SelfHealBuildAction(Episode draft, String executionId, String urlName) {
        super(draft);
        this.executionId = executionId;
        this.urlName = urlName;
    }

    /** The URL name of a build's next record when it holds {@code existing} already. */
    static String urlNameFor(int existing) {
        return existing == 0 ? "self-heal" : "self-heal-" + (existing + 1);
    }

    /** The record a step execution created in {@code run}. */
    static SelfHealBuildAction of(Run<?, ?> run, String executionId) {
        return run.getActions(SelfHealBuildAction.class).stream().filter(a -> executionId.equals(a.executionId))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Self-Heal record of step " + executionId
                        + " in " + run));
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return null; // the panel is on the build page; no sidebar link
    }

    @Override
    public String getDisplayName() {
        return "Self-Heal";
    }

    @Override
    public String getUrlName() {
        return urlName == null ? "self-heal" : urlName;
    }

    long[] datasetBaseline() {
        return datasetBaseline == null ? null : datasetBaseline.clone();
    }

    void setDatasetBaseline(long[] baseline) {
        this.datasetBaseline = baseline.clone();
    }

    /** The episode for the page (never null). */
    public Episode getEpisode() {
        return episode();
    }

    /** The page's list of actions: each with its decision's explanation and what running it did. */
    public List<HealAttempt> getSteps() {
        return episode().steps();
    }

    /** The chosen action's id, for the question above the buttons ("" when none). */
    public String getChosenAction() {
        return chosenAction().map(a -> a.id()).orElse("");
    }

    public List<String> getOverrideChoices() {
        return overrideChoices();
    }

    /** Whether the current user may decide (Item.BUILD on the job): the page shows the buttons only then. */
    public boolean isDecidable() {
        return run != null && run.getParent().hasPermission(Item.BUILD);
    }

    public String getRewardText() {
        return String.format(Locale.ROOT, "%+.2f", episode().reward());
    }

    /** Accept / Reject / Override from the build page: POST with the crumb, needs Item.BUILD on the job. */
    @RequirePOST
    public HttpResponse doDecide(StaplerRequest2 req) throws IOException {
        run.getParent().checkPermission(Item.BUILD);
        Feedback feedback;
        try {
            feedback = parse(req.getParameter("verdict"), req.getParameter("override"));
        } catch (IllegalArgumentException e) {
            return HttpResponses.errorWithoutStack(400, "Self-Heal: " + e.getMessage());
        }
        try {
            decideAndResume(feedback, Jenkins.getAuthentication2().getName());
        } catch (StalePolicyException e) {
            return HttpResponses.errorWithoutStack(409, "Self-Heal: " + e.getMessage());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Self-Heal: could not save the decision on " + run, e);
            return HttpResponses.errorWithoutStack(500, "Self-Heal: could not save the decision: " + StepSummary.describe(e));
        }
        return HttpResponses.redirectTo("..");
    }

    /** Applies the verdict once and lets a waiting step go on. */
    Episode decideAndResume(Feedback feedback, String by) throws IOException {
        Decided outcome = decide(feedback, by, JobPolicy.learner(run.getParent())::learn);
        if (outcome.decidedNow()) {
            run.save();
            WaitingStepRegistry.resume(run, executionId, outcome.episode());
        }
        return outcome.episode();
    }

    /** Learns from the outcome alone (feedback 'none', a healthy run, or a timeout). */
    Episode decideWithoutFeedback(String why) throws IOException {
        return decide(Feedback.none(why), "Self-Heal", JobPolicy.learner(run.getParent())::learn).episode();
    }
}
