package io.jenkins.plugins.selfheal.engine.heal;

/**
 * One action an environment can perform. The environment (CLI simulation, Jenkins build) supplies
 * the actions it can run; the kinds it does not supply are masked and never chosen.
 */
public interface HealingAction {
    ActionKind kind();

    default String name() {
        return kind().id();
    }

    default String description() {
        return kind().description();
    }

    /** Runs the action. Failures are reported in the outcome; only interruption escapes. */
    ActionResult execute() throws InterruptedException;
}
