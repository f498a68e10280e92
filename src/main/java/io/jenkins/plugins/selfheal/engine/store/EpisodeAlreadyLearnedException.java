package io.jenkins.plugins.selfheal.engine.store;

import java.io.IOException;

/**
 * An update recorded an episode whose id the episode log already holds: it was refused, nothing was
 * changed, and {@link #logged()} is what was learned the first time.
 */
public final class EpisodeAlreadyLearnedException extends IOException {
    private final transient LogEntry.EpisodeEntry logged;

    public EpisodeAlreadyLearnedException(LogEntry.EpisodeEntry logged) {
        super("episode " + logged.id() + " was already learned (" + logged.feedback()
                + (logged.decidedBy() == null ? "" : " by " + logged.decidedBy()) + ")");
        this.logged = logged;
    }

    public LogEntry.EpisodeEntry logged() {
        return logged;
    }
}
