package io.jenkins.plugins.selfheal.engine.episode;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One episode, the engine's currency from the healing loop to the page: the heal (what was found,
 * every action with its explanation, how it ended), the verdict, the reward and the Q-table cells it
 * changed. Pending until someone decides (or nobody is asked); the store keeps it as one log line.
 *
 * @param link     where it happened (a build URL)
 * @param override the better action a reviewer named ({@link Verdict#OVERRIDE})
 * @param note     why there was no verdict, when it says so
 * @param reward   reward of the action that ended the episode (0 while pending or when healthy)
 */
public record Episode(String id, Instant at, Optional<String> link, HealResult heal, Verdict verdict,
                      Optional<ActionKind> override, Optional<String> note, Optional<String> decidedBy,
                      Optional<Instant> decidedAt, double reward, List<QUpdate> updates) {
    public Episode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(heal, "heal");
        Objects.requireNonNull(verdict, "verdict");
        updates = List.copyOf(updates);
    }

    /** A heal waiting for its verdict. */
    public static Episode pending(HealResult heal, String id, String link, Instant at) {
        return new Episode(id, at, Optional.ofNullable(link), heal, Verdict.PENDING, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0.0, List.of());
    }

    /** This episode once {@code feedback} was learned from; a missing verdict names no one and no time. */
    public Episode decided(Feedback feedback, String by, Instant now, double newReward, List<QUpdate> newUpdates) {
        boolean none = feedback instanceof Feedback.None;
        return new Episode(id, at, link, heal, feedback.verdict(),
                feedback instanceof Feedback.Overridden o ? Optional.of(o.better()) : Optional.empty(),
                feedback instanceof Feedback.None n && !n.why().isEmpty() ? Optional.of(n.why()) : Optional.empty(),
                none ? Optional.empty() : Optional.ofNullable(by), none ? Optional.empty() : Optional.of(now),
                newReward, newUpdates);
    }

    /** This episode closed without learning (its policy was replaced meanwhile): verdict and note, nothing else. */
    public Episode closed(Verdict newVerdict, String why) {
        return new Episode(id, at, link, heal, newVerdict, Optional.empty(), Optional.of(why), Optional.empty(),
                Optional.empty(), 0.0, List.of());
    }

    public boolean isPending() {
        return verdict == Verdict.PENDING;
    }

    /** The policy generation its decisions were made with. */
    public String generation() {
        return heal.generation();
    }

    public Outcome outcome() {
        return heal.outcome();
    }

    public String state() {
        return heal.initial().state();
    }

    public String failure() {
        return heal.initial().failure();
    }

    public String reason() {
        return heal.initial().reason();
    }

    public List<HealAttempt> steps() {
        return heal.steps();
    }

    /** The action that ended the episode (the last one), if any ran or was recommended. */
    public Optional<ActionKind> chosenAction() {
        return heal.lastStep().map(HealAttempt::action);
    }

    public Optional<Duration> timeToHeal() {
        return heal.timeToHeal();
    }
}
