package io.jenkins.plugins.selfheal.engine.store;

import java.io.IOException;

/**
 * An update recorded an episode whose id the episode log already holds: it was refused, nothing was
 * changed, and {@link #episode()} is what was learned the first time.
 */
public final class EpisodeAlreadyLearnedException extends IOException {
    private final transient LogEntry.EpisodeEntry logged;

    public EpisodeAlreadyLearnedException(LogEntry.EpisodeEntry logged) {
        super("episode " + logged.id() + " was already learned (" + logged.feedback()
                + (logged.decidedBy() == null ? "" : " by " + logged.decidedBy()) + ")");
        this.logged = logged;
    }

    LogEntry.EpisodeEntry logged() {
        return logged;
    }

    /** The episode as it was learned the first time. */
    public io.jenkins.plugins.selfheal.engine.episode.Episode episode() {
        return EpisodeRecords.episode(logged);
    }
}
