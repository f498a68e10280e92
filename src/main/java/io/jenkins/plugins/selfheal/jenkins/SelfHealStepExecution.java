package io.jenkins.plugins.selfheal.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.loop.DeploymentRunner;
import io.jenkins.plugins.selfheal.engine.loop.HealService;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs {@code selfHeal}: baseline → body → detect/heal (on a background thread, never the CPS VM
 * thread) → feedback. Retrying re-invokes the body and waits for it. Every phase change goes through
 * {@link #move} (one completion of the step, whatever races) and is saved with the Pipeline. Only
 * the waiting phase survives a restart: the build action keeps the episode and this execution's id,
 * and {@link #onResume} re-arms the timeout; healing blocks a safe restart.
 */
public class SelfHealStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    enum Phase { STARTING, RUNNING_BODY, HEALING, WAITING, TIMING_OUT, DONE }

    private final String id = UUID.randomUUID().toString();
    private final HealParameters parameters;
    private Phase phase = Phase.STARTING;
    private long waitDeadlineMillis;
    /** The data set before the body ran (length, tail checksum): kept across a restart, unlike the agent's FilePath. */
    private long[] datasetBaseline;
    private transient volatile Future<?> task;
    private transient volatile CompletableFuture<DeploymentResult> retryBody;

    SelfHealStepExecution(StepContext context, HealParameters parameters) {
        super(context);
        this.parameters = parameters;
    }

    String id() {
        return id;
    }

    /** Moves from one of {@code from} to {@code to}; false (and no change) from any other phase. */
    private boolean move(Set<Phase> from, Phase to) {
        synchronized (this) {
            if (!from.contains(phase)) {
                return false;
            }
            phase = to;
        }
        getContext().saveState();
        return true;
    }

    @Override
    public boolean start() {
        task = Background.submit(() -> {
            datasetBaseline = runner().datasetBaselineNow();
            if (getContext().hasBody()) {
                if (move(Set.of(Phase.STARTING), Phase.RUNNING_BODY)) {
                    getContext().newBodyInvoker().withCallback(new BodyDone(this)).start();
                }
            } else {
                heal(HealRunner.fromBuildResult(getContext().get(Run.class).getResult()));
            }
        }, this::fail);
        return false;
    }

    /** Called by {@link BodyDone} when a body run ends (first run or a retry). */
    void bodyFinished(DeploymentResult result) {
        CompletableFuture<DeploymentResult> waiting = retryBody;
        if (waiting != null) {
            waiting.complete(result);
        } else {
            task = Background.submit(() -> heal(result), this::fail);
        }
    }

    /** The body was aborted (user abort, timeout): not a failed deployment, so no healing. */
    void bodyInterrupted(Throwable cause) {
        CompletableFuture<DeploymentResult> waiting = retryBody;
        if (waiting != null) {
            waiting.completeExceptionally(cause); // the retry stops the heal; the step ends here
        }
        if (move(Set.of(Phase.STARTING, Phase.RUNNING_BODY, Phase.HEALING), Phase.DONE)) {
            getContext().onFailure(cause);
        }
    }

    private void heal(DeploymentResult first) throws IOException, InterruptedException {
        if (!move(Set.of(Phase.STARTING, Phase.RUNNING_BODY), Phase.HEALING)) {
            return; // stopped meanwhile
        }
        HealRunner runner = runner();
        DeploymentRunner redeploy = getContext().hasBody() ? this::runBodyAgain
                : parameters.deployCommand().isPresent() ? runner.deployCommand() : null;
        SelfHealBuildAction action = runner.heal(first, redeploy, runner.dataCheckSince(datasetBaseline), id);
        if (action.isAwaitingFeedback() && parameters.feedback().equals("wait")) {
            waitDeadlineMillis = System.currentTimeMillis() + parameters.feedbackTimeout().toMillis();
            if (move(Set.of(Phase.HEALING), Phase.WAITING)) {
                armTimeout();
                if (!action.isAwaitingFeedback()) {
                    feedbackArrived(action.getEpisode()); // decided between the heal and the wait
                }
            }
            return;
        }
        if (move(Set.of(Phase.HEALING), Phase.DONE)) {
            complete(action.getEpisode());
        }
    }

    private DeploymentResult runBodyAgain() throws InterruptedException {
        CompletableFuture<DeploymentResult> result = new CompletableFuture<>();
        retryBody = result;
        try {
            getContext().newBodyInvoker().withCallback(new BodyDone(this)).start();
            return result.get();
        } catch (ExecutionException e) {
            InterruptedException aborted = new InterruptedException("the deployment was aborted while Self-Heal retried it");
            aborted.initCause(e.getCause());
            throw aborted;
        } finally {
            retryBody = null;
        }
    }

    private void armTimeout() {
        long delay = Math.max(0, waitDeadlineMillis - System.currentTimeMillis());
        task = Background.schedule(this::timedOut, Duration.ofMillis(delay), this::fail);
    }

    private void timedOut() throws IOException, InterruptedException {
        if (!move(Set.of(Phase.WAITING, Phase.TIMING_OUT), Phase.TIMING_OUT)) {
            return; // decided or stopped meanwhile
        }
        SelfHealBuildAction action = SelfHealBuildAction.of(getContext().get(Run.class), id);
        String why = "no feedback within " + parameters.feedbackTimeoutMinutes() + " minutes";
        runner().log(why + ": learning from the outcome only");
        LogEntry.EpisodeEntry episode = action.decideAndResume(Feedback.none(why), "timeout");
        if (move(Set.of(Phase.TIMING_OUT), Phase.DONE)) {
            complete(episode);
        }
    }

    /** The build page's decision reached a waiting step. */
    void feedbackArrived(LogEntry.EpisodeEntry decided) {
        if (move(Set.of(Phase.WAITING), Phase.DONE)) {
            cancelTask();
            complete(decided);
        }
    }

    /** Ends the step with the episode's outcome; called once, after moving to DONE. */
    private void complete(LogEntry.EpisodeEntry episode) {
        try {
            runner().log("outcome " + episode.outcome() + ", feedback " + episode.feedback() + ", reward " + episode.reward());
            switch (episode.outcome()) {
                case "failed" -> getContext().onFailure(new AbortException(StepSummary.oneLine(episode)));
                case "escalated", "recommended" -> {
                    getContext().setResult(Result.UNSTABLE);
                    getContext().onSuccess(HealService.summary(episode));
                }
                default -> getContext().onSuccess(HealService.summary(episode));
            }
        } catch (IOException | InterruptedException e) {
            getContext().onFailure(e);
        }
    }

    private void fail(Throwable t) {
        if (move(Set.of(Phase.STARTING, Phase.RUNNING_BODY, Phase.HEALING, Phase.WAITING, Phase.TIMING_OUT), Phase.DONE)) {
            getContext().onFailure(t instanceof IllegalArgumentException ? new AbortException("selfHeal: " + t.getMessage()) : t);
        }
    }

    @Override
    public void stop(Throwable cause) {
        cancelTask();
        fail(cause); // the episode stays on the build page and can still be decided
    }

    @Override
    public void onResume() {
        Phase now;
        synchronized (this) {
            now = phase;
        }
        switch (now) {
            case WAITING -> armTimeout();
            case TIMING_OUT -> task = Background.submit(this::timedOut, this::fail);
            case STARTING, HEALING -> fail(new AbortException("Jenkins restarted while Self-Heal was "
                    + (now == Phase.HEALING ? "healing" : "starting") + "; the heal did not finish. Run the build again."));
            default -> {
                // RUNNING_BODY: the body resumes and calls back; DONE: nothing left
            }
        }
    }

    @Override
    public boolean blocksRestart() {
        synchronized (this) {
            return phase == Phase.STARTING || phase == Phase.HEALING;
        }
    }

    @Override
    public String getStatus() {
        synchronized (this) {
            return phase == Phase.WAITING ? "waiting for feedback until " + Instant.ofEpochMilli(waitDeadlineMillis)
                    : phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    private void cancelTask() {
        Future<?> current = task;
        if (current != null) {
            current.cancel(true);
        }
    }

    private HealRunner runner() throws IOException, InterruptedException {
        StepContext c = getContext();
        return new HealRunner(c.get(Run.class), parameters, c.get(TaskListener.class), c.get(FilePath.class),
                c.get(Launcher.class), c.get(EnvVars.class));
    }
}
