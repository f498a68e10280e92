package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Increments one Q-table cell {@code n} times through {@link PolicyStore#update}, recording an episode each
 * time. Run in this JVM by threads, and as {@code main} by child JVMs of {@link PolicyStoreConcurrencyTest}.
 */
public final class CountingUpdater {
    static final String STATE = "deployment_failure_DOWN";
    static final ActionKind ACTION = ActionKind.RETRY_DEPLOYMENT;

    private CountingUpdater() {
    }

    static void increment(PolicyStore store, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            store.update(policy -> {
                Instant now = Instant.now();
                QEntry before = policy.table().entry(STATE, ACTION);
                policy.table().put(STATE, ACTION, before.updatedTo(before.value() + 1, now));
                policy.recordEpisode(Episodes.entry(policy.generation(), now, STATE, ACTION, 1, before.value(),
                        before.value() + 1));
                return null;
            });
        }
    }

    /** Arguments: policy file, number of updates. */
    public static void main(String[] args) throws IOException {
        PolicyStore store = new PolicyStore(Path.of(args[0]), "shared", Clock.systemUTC(), System.err::println);
        increment(store, Integer.parseInt(args[1]));
    }
}
