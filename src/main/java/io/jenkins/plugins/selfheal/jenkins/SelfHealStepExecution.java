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
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Runs {@code selfHeal}: baseline → body → detect/heal (on a background thread, never the CPS VM
 * thread) → feedback. Retrying re-invokes the body and waits for it. Only the waiting phase is
 * restart-safe: the build action keeps the episode and this execution's id, and {@link #onResume}
 * re-arms the timeout; a heal interrupted by a restart ends the step with a clear message.
 */
public class SelfHealStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    enum Phase { STARTING, RUNNING_BODY, HEALING, WAITING, TIMING_OUT, DONE }

    private final String id = UUID.randomUUID().toString();
    private final HealParameters parameters;
    private volatile Phase phase = Phase.STARTING;
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

    @Override
    public boolean start() {
        task = Background.submit(() -> {
            datasetBaseline = runner().datasetBaselineNow();
            if (getContext().hasBody()) {
                phase = Phase.RUNNING_BODY;
                getContext().newBodyInvoker().withCallback(new BodyDone(this)).start();
            } else {
                Run<?, ?> run = getContext().get(Run.class);
                heal(HealRunner.fromBuildResult(run.getResult()));
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

    private void heal(DeploymentResult first) throws IOException, InterruptedException {
        phase = Phase.HEALING;
        HealRunner runner = runner();
        DeploymentRunner redeploy = getContext().hasBody() ? this::runBodyAgain
                : parameters.deployCommand().isPresent() ? runner.deployCommand() : null;
        SelfHealBuildAction action = runner.heal(first, redeploy, runner.dataCheckSince(datasetBaseline), id);
        if (action.isAwaitingFeedback() && parameters.feedback().equals("wait")) {
            waitDeadlineMillis = System.currentTimeMillis() + parameters.feedbackTimeout().toMillis();
            phase = Phase.WAITING;
            armTimeout();
            if (!action.isAwaitingFeedback()) {
                feedbackArrived(action.getEpisode()); // decided between the heal and the wait
            }
            return;
        }
        complete(action.getEpisode());
    }

    private DeploymentResult runBodyAgain() throws InterruptedException {
        CompletableFuture<DeploymentResult> result = new CompletableFuture<>();
        retryBody = result;
        try {
            getContext().newBodyInvoker().withCallback(new BodyDone(this)).start();
            return result.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return DeploymentResult.failure(1, String.valueOf(e.getCause()), Duration.ZERO);
        } finally {
            retryBody = null;
        }
    }

    private void armTimeout() {
        long delay = Math.max(0, waitDeadlineMillis - System.currentTimeMillis());
        task = Background.schedule(this::timedOut, Duration.ofMillis(delay), this::fail);
    }

    private void timedOut() throws IOException, InterruptedException {
        synchronized (this) {
            if (phase != Phase.WAITING) {
                return;
            }
            phase = Phase.TIMING_OUT; // a click from now on finds the episode decided and changes nothing
        }
        SelfHealBuildAction action = getContext().get(Run.class).getAction(SelfHealBuildAction.class);
        runner().log("no feedback within " + parameters.feedbackTimeoutMinutes() + " minutes: learning from the outcome only");
        complete(action.decideAndResume(Feedback.none("no feedback within " + parameters.feedbackTimeoutMinutes() + " minutes"),
                "timeout"));
    }

    /** A restart interrupted the timeout: the episode is decided (or is now), so finish with it. */
    private void finishTimedOut() throws IOException, InterruptedException {
        phase = Phase.WAITING;
        timedOut();
    }

    /** The build page's decision reached a waiting step. */
    void feedbackArrived(LogEntry.EpisodeEntry decided) {
        synchronized (this) {
            if (phase != Phase.WAITING) {
                return;
            }
            phase = Phase.HEALING; // leaves WAITING once: a concurrent timeout now does nothing
        }
        cancelTask();
        complete(decided);
    }

    private synchronized void complete(LogEntry.EpisodeEntry episode) {
        if (phase == Phase.DONE) {
            return;
        }
        phase = Phase.DONE;
        try {
            runner().log("outcome " + episode.outcome() + ", feedback " + episode.feedback() + ", reward " + episode.reward());
            switch (episode.outcome()) {
                case "failed" -> getContext().onFailure(new AbortException(StepSummary.oneLine(episode)));
                case "escalated", "recommended" -> {
                    getContext().setResult(Result.UNSTABLE);
                    getContext().onSuccess(io.jenkins.plugins.selfheal.engine.loop.HealService.summary(episode));
                }
                default -> getContext().onSuccess(io.jenkins.plugins.selfheal.engine.loop.HealService.summary(episode));
            }
        } catch (IOException | InterruptedException e) {
            getContext().onFailure(e);
        }
    }

    private void fail(Throwable t) {
        phase = Phase.DONE;
        getContext().onFailure(t instanceof IllegalArgumentException ? new AbortException("selfHeal: " + t.getMessage()) : t);
    }

    @Override
    public void stop(Throwable cause) {
        cancelTask();
        phase = Phase.DONE; // the episode stays on the build page and can still be decided
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        if (phase == Phase.WAITING) {
            armTimeout();
        } else if (phase == Phase.TIMING_OUT) {
            task = Background.submit(this::finishTimedOut, this::fail);
        } else if (phase == Phase.HEALING || phase == Phase.STARTING) {
            fail(new AbortException("Jenkins restarted while Self-Heal was " + (phase == Phase.HEALING ? "healing" : "starting")
                    + "; the heal did not finish. Run the build again."));
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
