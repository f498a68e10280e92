package io.jenkins.plugins.selfheal.engine.loop;

/** Feedback for a decision made with a policy that has been reset or replaced since. */
public class StalePolicyException extends IllegalStateException {
    public StalePolicyException(String decisionGeneration, String currentGeneration) {
        super("the policy was reset or replaced since this decision (decided with generation " + decisionGeneration
                + ", now " + currentGeneration + "); the feedback was not applied");
    }
}
