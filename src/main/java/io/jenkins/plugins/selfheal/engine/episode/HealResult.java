package io.jenkins.plugins.selfheal.engine.episode;

import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One heal, ready for feedback: what was found first, every action taken, how it ended, and the
 * policy generation its decisions were made with.
 *
 * @param timeToHeal from the first action to the check that passed; empty unless healed
 */
public record HealResult(String planner, String generation, Observation initial, List<HealAttempt> steps,
                         Outcome outcome, Optional<Duration> timeToHeal) {
    public HealResult {
        steps = List.copyOf(steps);
    }

    public boolean needsFeedback() {
        return !steps.isEmpty();
    }

    public Optional<HealAttempt> lastStep() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    public boolean healed() {
        return outcome == Outcome.HEALED;
    }
}
