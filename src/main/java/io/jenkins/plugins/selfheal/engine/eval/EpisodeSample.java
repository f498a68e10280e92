package io.jenkins.plugins.selfheal.engine.eval;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the estimator reads of one recorded episode in which an action ran and a reward was given: its
 * state, reward, whether it healed, its time to heal, and the importance weight of a candidate policy,
 * the product over its actions of π(action) / μ(action), μ being the recorded probability. The weight
 * is empty when a step has no recorded probability (an episode logged before they were kept).
 */
record EpisodeSample(String state, double reward, boolean healed, double timeToHealMs, OptionalDouble weight) {
    /** The sample of an episode, or empty when it teaches nothing here (healthy, pending, or no action ran). */
    static Optional<EpisodeSample> of(Episode episode, TargetPolicy candidate) {
        if (episode.steps().isEmpty() || episode.isPending() || episode.outcome() == Outcome.RECOMMENDED) {
            return Optional.empty();
        }
        double weight = 1;
        boolean known = true;
        for (HealAttempt step : episode.steps()) {
            OptionalDouble recorded = step.decision().probability();
            if (recorded.isEmpty()) {
                known = false;
                break;
            }
            weight *= candidate.probability(step.state(), step.action(), step.decision().allowed()) / recorded.getAsDouble();
        }
        boolean healed = episode.outcome() == Outcome.HEALED;
        return Optional.of(new EpisodeSample(episode.state(), episode.reward(), healed, healed ? timeToHealMs(episode) : 0,
                known ? OptionalDouble.of(weight) : OptionalDouble.empty()));
    }

    /** The recorded time to heal, or without one the time its actions took. */
    static double timeToHealMs(Episode episode) {
        return episode.timeToHeal().filter(d -> !d.isZero()).orElseGet(() -> episode.steps().stream()
                .map(s -> s.outcome().duration()).reduce(Duration.ZERO, Duration::plus)).toMillis();
    }
}
