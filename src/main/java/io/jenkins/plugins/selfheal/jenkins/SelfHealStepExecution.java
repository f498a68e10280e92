package io.jenkins.plugins.selfheal.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.selfheal.engine.detect.DeploymentResult;
import io.jenkins.plugins.selfheal.engine.loop.DeploymentRunner;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@code selfHeal}: baseline → body → detect/heal (on a background thread, never the CPS VM
 * thread) → feedback. Retrying re-invokes the body and waits for it. The phases and their races are
 * {@link StepPhases}' (one completion of the step, whatever comes first); this class does the Jenkins
 * side. Only the waiting phase survives a restart: the build action keeps the episode and this
 * execution's id, and {@link #onResume} waits again, or ends at once if the episode was decided or its
 * policy replaced meanwhile. Ending needs only the build's listener, so it works with the agent gone.
 */
public class SelfHealStepExecution extends StepExecution {
    private static final long serialVersionUID = 2L;
    private static final Logger LOGGER = Logger.getLogger(SelfHealStepExecution.class.getName());

    private final String id = UUID.randomUUID().toString();
    private final HealParameters parameters;
    private final StepPhases phases = new StepPhases();
    /** The data set before the body ran (length, tail checksum): kept across a restart, unlike the agent's FilePath. */
    private long[] datasetBaseline;
    private transient volatile Future<?> task;
    private transient volatile Future<?> timer;
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
                if (phases.bodyStarts(host())) {
                    getContext().newBodyInvoker().withCallback(new BodyDone(this)).start();
                }
            } else {
                heal(BuildHealer.fromBuildResult(getContext().get(Run.class).getResult()));
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
        phases.bodyInterrupted(cause, host());
    }

    private void heal(DeploymentResult first) throws Exception {
        if (!phases.healStarts(host())) {
            return; // stopped meanwhile
        }
        BuildHealer runner = runner();
        DeploymentRunner redeploy = getContext().hasBody() ? this::runBodyAgain
                : parameters.deployCommand().isPresent() ? runner.deployCommand() : null;
        SelfHealBuildAction action = runner.heal(first, redeploy, runner.dataCheckSince(datasetBaseline), id);
        if (action.isAwaitingFeedback() && parameters.feedback() == FeedbackMode.WAIT) {
            phases.awaitFeedback(Instant.now().plus(parameters.feedbackTimeout()), host());
        } else {
            phases.healed(new StepPhases.Ending.Decided(action.getEpisode()), host());
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

    /** The build page's decision reached a waiting step. */
    void feedbackArrived(Episode decided) {
        phases.decided(new StepPhases.Ending.Decided(decided), host());
    }

    /** Whether this step runs in {@code job} (for {@link WaitingStepRegistry#policyReplaced}). */
    boolean belongsTo(Job<?, ?> job) throws IOException, InterruptedException {
        return job.getFullName().equals(getContext().get(Run.class).getParent().getFullName());
    }

    /** The job's policy was replaced: a waiting episode of the old one settles at once, not learned. */
    void policyReplaced() throws Exception {
        phases.recheck(host());
    }

    private void fail(Throwable t) {
        phases.fail(t, host());
    }

    @Override
    public void stop(Throwable cause) {
        fail(cause); // first, so the interrupted work below cannot end the step with its own error
        Future<?> current = task;
        if (current != null) {
            current.cancel(true);
        }
    }

    @Override
    public void onResume() {
        // off the thread loading the build: resuming reads the build record and may settle it
        task = Background.submit(() -> phases.resume(host()), this::fail);
    }

    @Override
    public boolean blocksRestart() {
        return phases.blocksRestart();
    }

    @Override
    public String getStatus() {
        return phases.status();
    }

    private StepPhases.Host host() {
        return new Effects();
    }

    /** The Jenkins side of the phases: the Pipeline's state, the timer, the build record and the step's end. */
    private final class Effects implements StepPhases.Host {
        @Override
        public void save() {
            getContext().saveState();
        }

        @Override
        public void startWaiting(Instant deadline) {
            WaitingStepRegistry.register(SelfHealStepExecution.this);
            Duration delay = Duration.ofMillis(Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis()));
            timer = Background.schedule(() -> phases.timedOut(this), delay, SelfHealStepExecution.this::fail);
        }

        @Override
        public void stopWaiting() {
            WaitingStepRegistry.forget(SelfHealStepExecution.this);
            Future<?> current = timer;
            if (current != null) {
                current.cancel(false);
            }
        }

        @Override
        public Optional<StepPhases.Ending.Decided> settledMeanwhile() throws IOException, InterruptedException {
            try {
                return settling().meanwhile();
            } catch (IOException e) {
                // not worth ending the build for: a decision or the timeout still ends the wait
                LOGGER.log(Level.WARNING, "Self-Heal could not look at the policy of " + getContext().get(Run.class), e);
                return Optional.empty();
            }
        }

        @Override
        public StepPhases.Ending.Decided settleOnTimeout() throws IOException, InterruptedException {
            return settling().onTimeout("no feedback within " + parameters.feedbackTimeoutMinutes() + " minutes",
                    SelfHealStepExecution.this::log);
        }

        private EpisodeSettling settling() throws IOException, InterruptedException {
            Run<?, ?> run = getContext().get(Run.class);
            SelfHealBuildAction action = SelfHealBuildAction.of(run, id);
            Job<?, ?> job = run.getParent();
            return new EpisodeSettling(action, JobPolicy.learner(job)::learn,
                    () -> JobPolicy.store(job).read().generation(), run::save);
        }

        @Override
        public void end(StepPhases.Ending ending) {
            if (ending instanceof StepPhases.Ending.Decided decided) {
                complete(decided);
            } else if (ending instanceof StepPhases.Ending.Aborted aborted) {
                getContext().onFailure(new AbortException(aborted.message()));
            } else if (ending instanceof StepPhases.Ending.Failed failed) {
                getContext().onFailure(failed.cause() instanceof IllegalArgumentException
                        ? new AbortException("selfHeal: " + failed.cause().getMessage()) : failed.cause());
            }
        }
    }

    /** Ends the step with the episode's outcome: needs only the listener, never the agent. */
    private void complete(StepPhases.Ending.Decided decided) {
        Episode episode = decided.episode();
        try {
            if (EpisodeSettling.notLearned(episode)) {
                log(EpisodeSettling.POLICY_REPLACED);
            }
            log("outcome " + episode.outcome().id() + ", feedback " + episode.verdict().id() + ", reward " + episode.reward());
            switch (episode.outcome()) {
                case FAILED -> getContext().onFailure(new AbortException(StepSummary.oneLine(episode)));
                case ESCALATED, RECOMMENDED -> {
                    getContext().setResult(Result.UNSTABLE);
                    markUnstable(StepSummary.unstable(episode));
                    getContext().onSuccess(StepSummary.returnValue(episode));
                }
                case HEALTHY, HEALED -> getContext().onSuccess(StepSummary.returnValue(episode));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            getContext().onFailure(e);
        }
    }

    /** As the {@code unstable} step does: the stage shows UNSTABLE in the flow graph, not only the build. */
    private void markUnstable(String message) throws IOException, InterruptedException {
        FlowNode node = getContext().get(FlowNode.class);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
        }
    }

    private void log(String line) {
        try {
            getContext().get(TaskListener.class).getLogger().println(BuildHealer.LOG_PREFIX + line);
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.WARNING, "Self-Heal could not write to the build log: " + line, e);
        }
    }

    private BuildHealer runner() throws IOException, InterruptedException {
        StepContext c = getContext();
        return new BuildHealer(c.get(Run.class), parameters, c.get(TaskListener.class), c.get(FilePath.class),
                c.get(Launcher.class), c.get(EnvVars.class));
    }
}
