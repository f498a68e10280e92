package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.loop.StalePolicyException;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.episode.TestEpisodes;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Choice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One step's world without Jenkins: its {@link StepPhases}, a real build record ({@link DecisionRecord})
 * with the real {@link EpisodeSettling} rules, a policy whose generation a reset changes (its learner
 * refuses a stale draft, as EpisodeLearner does), and a host that records what the phases asked for.
 * The actors do what the Jenkins side does: the build page's decision, the timer, stop, a reset.
 */
final class PhasesRig implements StepPhases.Host {
    final StepPhases phases;
    final DecisionRecord record = new DecisionRecord(draft());
    final AtomicReference<String> generation = new AtomicReference<>("gen-1");
    final Queue<StepPhases.Ending> endings = new ConcurrentLinkedQueue<>();
    final Queue<String> log = new ConcurrentLinkedQueue<>();
    final AtomicInteger learned = new AtomicInteger();
    final AtomicInteger armed = new AtomicInteger();
    final AtomicReference<Instant> deadline = new AtomicReference<>();
    /** In WaitingStepRegistry' registry (what a reset of the job's policy finds). */
    final AtomicBoolean registered = new AtomicBoolean();
    /** The build's program is loaded after a restart: its step executions can be found. */
    final AtomicBoolean loaded = new AtomicBoolean();
    private final EpisodeSettling settling;

    PhasesRig() {
        this(new StepPhases());
    }

    PhasesRig(StepPhases phases) {
        this.phases = phases;
        this.settling = new EpisodeSettling(record, this::learn, generation::get, () -> { });
    }

    static Episode draft() {
        return TestEpisodes.pending("deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT, Choice.EXPLOIT, true,
                "deployed", "healthy", Outcome.HEALED, 5L);
    }

    private Episode learn(Episode draft, Feedback feedback, String by) {
        if (!generation.get().equals(draft.generation())) {
            throw new StalePolicyException(draft.generation(), generation.get());
        }
        learned.incrementAndGet();
        return TestEpisodes.decided(draft, feedback, by, 1.0);
    }

    // ---- the actors ----

    /** The heal finished and asks for feedback (HEALING → WAITING). */
    void heal() throws Exception {
        phases.awaitFeedback(Instant.parse("2030-01-01T00:00:00Z"), this);
    }

    /** A POST on the build page: decides the record, then hands the decision to the step if it can reach it. */
    void decide(Feedback verdict, boolean reachable) {
        decide(verdict, () -> reachable);
    }

    /** {@code reachable} is asked after the record is decided, as WaitingStepRegistry looks the step up after it. */
    private void decide(Feedback verdict, java.util.function.BooleanSupplier reachable) {
        DecisionRecord.Decided outcome;
        try {
            outcome = record.decide(verdict, "alice", this::learn);
        } catch (StalePolicyException | java.io.IOException e) {
            return; // the page answers 409; the step is not told
        }
        if (outcome.decidedNow() && reachable.getAsBoolean()) {
            phases.decided(new StepPhases.Ending.Decided(outcome.episode()), this);
        }
    }

    /**
     * After a restart: a decision posted while Jenkins still loads the build cannot reach the step
     * (WaitingStepRegistry.resume finds no loaded program), one posted once it is loaded does.
     */
    void decideWhileLoading(Feedback verdict) {
        decide(verdict, loaded::get);
    }

    /** Jenkins finished loading the build and calls onResume. */
    void resume() throws Exception {
        loaded.set(true);
        phases.resume(this);
    }

    /** The timer fires: only once it was armed (or never, if the step ended before). */
    void timer() throws Exception {
        Races.until(() -> armed.get() > 0 || !endings.isEmpty());
        if (armed.get() > 0) {
            phases.timedOut(this);
        }
    }

    void stop() {
        phases.fail(new InterruptedException("aborted by alice"), this);
    }

    /** Reset of the job's policy, then the hook: the registered waiting steps look again. */
    void resetPolicy() throws Exception {
        generation.set("gen-2");
        if (registered.get()) {
            phases.recheck(this);
        }
    }

    // ---- the host ----

    @Override
    public void save() {
    }

    @Override
    public void startWaiting(Instant at) {
        deadline.set(at);
        registered.set(true);
        armed.incrementAndGet();
    }

    @Override
    public void stopWaiting() {
        registered.set(false);
    }

    @Override
    public Optional<StepPhases.Ending.Decided> settledMeanwhile() throws Exception {
        return settling.meanwhile();
    }

    @Override
    public StepPhases.Ending.Decided settleOnTimeout() throws Exception {
        return settling.onTimeout("no feedback within 1 minutes", log::add);
    }

    @Override
    public void end(StepPhases.Ending ending) {
        endings.add(ending);
    }

    StepPhases.Ending onlyEnding() {
        org.assertj.core.api.Assertions.assertThat(endings).as("endings of the step").hasSize(1);
        return endings.peek();
    }
}
