package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.episode.Episode;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The phases of one {@code selfHeal} step and their transitions, Jenkins-free so their races can be
 * tested with plain threads. Every way out (a decision, the timeout, stop, an aborted body, a failure,
 * the policy replaced, a restart mid-heal) is one compare-and-set to {@link Phase#DONE}: the step ends
 * exactly once, whichever comes first. The effects (saving, the timer, the build record, ending the
 * step) belong to the {@link Host} and run outside the lock. Saved with the Pipeline program, so the
 * fields are plain.
 */
final class StepPhases implements Serializable {
    private static final long serialVersionUID = 1L;

    enum Phase { STARTING, RUNNING_BODY, HEALING, WAITING, TIMING_OUT, DONE }

    /** How the step ends. */
    sealed interface Ending {
        /** The episode as decided (or settled without learning: see {@link EpisodeSettling}). */
        record Decided(Episode episode) implements Ending {
        }

        /** A failure shown as one line, no stack trace. */
        record Aborted(String message) implements Ending {
        }

        record Failed(Throwable cause) implements Ending {
        }
    }

    /** What the phases need from the step. Called outside the lock (but {@link #startWaiting}), from whichever thread moved. */
    interface Host {
        /** Persists the phase with the Pipeline program. */
        void save();

        /**
         * Starts waiting for a decision: registers the step as waiting and runs {@link #timedOut} at
         * {@code deadline}. Called under the phases' lock: must not block nor call back.
         */
        void startWaiting(Instant deadline);

        /** Stops waiting: cancels the timer and forgets the registration (also when never waiting). */
        void stopWaiting();

        /** A decision this step missed: the build record decided, or the policy replaced, while nothing listened. */
        Optional<Ending.Decided> settledMeanwhile() throws Exception;

        /** Settles the episode when nobody decided in time (learning from the outcome alone). */
        Ending.Decided settleOnTimeout() throws Exception;

        /** Ends the step; called exactly once. */
        void end(Ending ending);
    }

    private static final Set<Phase> LIVE = EnumSet.complementOf(EnumSet.of(Phase.DONE));
    private static final Set<Phase> AWAITING = EnumSet.of(Phase.WAITING, Phase.TIMING_OUT);

    private Phase phase = Phase.STARTING;
    private long waitDeadlineMillis;

    /** The body (the deployment) starts; false if the step already ended. */
    boolean bodyStarts(Host host) {
        return move(EnumSet.of(Phase.STARTING), Phase.RUNNING_BODY, host);
    }

    /** The heal starts; false if the step already ended (stopped, or the body aborted). */
    boolean healStarts(Host host) {
        return move(EnumSet.of(Phase.STARTING, Phase.RUNNING_BODY), Phase.HEALING, host);
    }

    /** The heal needed no feedback (or is not waited for): the step ends with its episode. */
    void healed(Ending.Decided episode, Host host) {
        finish(EnumSet.of(Phase.HEALING), episode, host);
    }

    /** The heal asks for feedback: wait until {@code deadline}, or end at once if it was decided already. */
    void awaitFeedback(Instant deadline, Host host) throws Exception {
        synchronized (this) {
            if (phase != Phase.HEALING) {
                return;
            }
            phase = Phase.WAITING;
            waitDeadlineMillis = deadline.toEpochMilli();
        }
        host.save();
        watch(host);
    }

    /** A decision reached the step (from the build page, or settled by someone else). */
    void decided(Ending.Decided episode, Host host) {
        finish(AWAITING, episode, host);
    }

    /** The timer fired (or fires again after a restart in the middle of timing out). */
    void timedOut(Host host) throws Exception {
        if (!move(AWAITING, Phase.TIMING_OUT, host)) {
            return; // decided or stopped meanwhile
        }
        finish(EnumSet.of(Phase.TIMING_OUT), host.settleOnTimeout(), host);
    }

    /** Looks again for a decision the step missed (the policy was replaced, or the record decided elsewhere). */
    void recheck(Host host) throws Exception {
        if (isIn(AWAITING)) {
            host.settledMeanwhile().ifPresent(decided -> decided(decided, host));
        }
    }

    /** The body was aborted (user abort, timeout step): not a failed deployment, so the step ends without healing. */
    void bodyInterrupted(Throwable cause, Host host) {
        finish(EnumSet.of(Phase.STARTING, Phase.RUNNING_BODY, Phase.HEALING), new Ending.Failed(cause), host);
    }

    /** Stop, or an error in any phase. */
    void fail(Throwable cause, Host host) {
        finish(LIVE, new Ending.Failed(cause), host);
    }

    /** After a Jenkins restart: waiting goes on (or ends at once if decided meanwhile); a heal cut short fails. */
    void resume(Host host) throws Exception {
        Phase now = phase();
        switch (now) {
            case WAITING, TIMING_OUT -> watch(host);
            case STARTING, HEALING -> finish(EnumSet.of(now), new Ending.Aborted("Jenkins restarted while Self-Heal was "
                    + (now == Phase.HEALING ? "healing" : "starting") + "; the heal did not finish. Run the build again."), host);
            default -> {
                // RUNNING_BODY: the body resumes and calls back; DONE: nothing left
            }
        }
    }

    synchronized Phase phase() {
        return phase;
    }

    /** A restart in the middle of a heal would lose it; waiting and the body survive one. */
    synchronized boolean blocksRestart() {
        return phase == Phase.STARTING || phase == Phase.HEALING;
    }

    synchronized String status() {
        return phase == Phase.WAITING ? "waiting for feedback until " + Instant.ofEpochMilli(waitDeadlineMillis)
                : phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Arms the timer, then looks for a decision that arrived before it was armed (nobody was listening then). */
    private void watch(Host host) throws Exception {
        synchronized (this) {
            // under the lock: an ending that moves to DONE after this sees the timer and the registration
            if (!AWAITING.contains(phase)) {
                return;
            }
            host.startWaiting(Instant.ofEpochMilli(waitDeadlineMillis));
        }
        recheck(host);
    }

    private synchronized boolean isIn(Set<Phase> from) {
        return from.contains(phase);
    }

    private void finish(Set<Phase> from, Ending ending, Host host) {
        if (move(from, Phase.DONE, host)) {
            host.stopWaiting();
            host.end(ending);
        }
    }

    /** Moves from one of {@code from} to {@code to}; false (and no change) from any other phase. */
    private boolean move(Set<Phase> from, Phase to, Host host) {
        synchronized (this) {
            if (!from.contains(phase)) {
                return false;
            }
            phase = to;
        }
        host.save();
        return true;
    }
}
