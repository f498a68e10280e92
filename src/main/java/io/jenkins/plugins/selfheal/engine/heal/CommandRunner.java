package io.jenkins.plugins.selfheal.engine.heal;

/**
 * Runs a configured shell command (rollback, restart, deploy) where the deployment lives: the
 * workspace on the build's agent in Jenkins.
 */
@FunctionalInterface
public interface CommandRunner {
    /** Runs {@code command}; a non-zero exit is an outcome, not an exception. */
    CommandResult run(String command) throws InterruptedException;
}
