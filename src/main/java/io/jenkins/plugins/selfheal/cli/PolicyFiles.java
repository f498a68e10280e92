package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the policy file a subcommand's {@code --policy} names, with store warnings on standard error. */
final class PolicyFiles {
    private PolicyFiles() {
    }

    static PolicyStore open(Path policy, CommandSpec spec) {
        return new PolicyStore(policy, policy.getFileName().toString(), Clock.systemUTC(),
                w -> spec.commandLine().getErr().println("self-heal: warning: " + w));
    }

    /** Like {@link #open}, for commands that only read: a missing file is bad input (exit 2). */
    static PolicyStore openExisting(Path policy, CommandSpec spec) {
        if (!Files.exists(policy)) {
            throw new IllegalArgumentException("--policy: file not found: " + policy);
        }
        return open(policy, spec);
    }
}
