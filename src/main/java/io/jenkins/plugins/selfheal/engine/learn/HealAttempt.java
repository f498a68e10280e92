package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;

import java.util.Objects;
import java.util.Set;

/**
 * One action of a heal: the decision, what running it did, and the state observed afterwards.
 *
 * @param stateAfter   the state measured after the action (e.g. {@code no_failure_UP} when healed)
 * @param healed       whether the check after the action found no problem
 * @param allowedAfter the actions allowed in {@code stateAfter}, for the bootstrapped value of a failed step
 */
public record HealAttempt(Decision decision, ActionResult outcome, String stateAfter, boolean healed,
                       Set<ActionKind> allowedAfter) {
    public HealAttempt {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(outcome, "outcome");
        StateNames.requireValid(stateAfter);
        allowedAfter = Set.copyOf(allowedAfter);
    }

    public String state() {
        return decision.state();
    }

    public ActionKind action() {
        return decision.action();
    }
}
