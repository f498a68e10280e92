package io.jenkins.plugins.selfheal.engine.learn;

import java.time.Instant;
import java.util.Optional;

/** One cell of the Q-table: the learned value, how often it was updated, and when last. */
public record QEntry(double value, long visits, Optional<Instant> lastUpdated) {
    public static final QEntry UNVISITED = new QEntry(0.0, 0, Optional.empty());

    public QEntry {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Q-value must be a finite number, was " + value);
        }
        if (visits < 0) {
            throw new IllegalArgumentException("visits must be >= 0, was " + visits);
        }
    }

    public QEntry updatedTo(double newValue, Instant at) {
        return new QEntry(newValue, visits + 1, Optional.of(at));
    }
}
