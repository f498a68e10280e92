package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One job's (or one CLI file's) learned policy: the Q-table with the settings it was learned with.
 * A mutable aggregate handed to {@link PolicyStore#update} under the store's lock; log entries
 * recorded during an update are appended to the episode log before the document is saved.
 *
 * <p>The generation changes on every reset and import, so a decision taken before a reset can be
 * told apart and refused.
 */
public final class Policy {
    /** The generation of a policy never saved, reset or imported. */
    public static final String INITIAL_GENERATION = "initial";

    private final String key;
    private String generation;
    private LearningParameters parameters;
    private RewardPolicy rewards;
    private QTable table;
    private long episodes;
    private Long latencyThresholdMs;
    private Instant updatedAt;
    private final List<LogEntry> pendingLog = new ArrayList<>();

    public Policy(String key, String generation, LearningParameters parameters, RewardPolicy rewards,
                  QTable table, long episodes, Long latencyThresholdMs, Instant updatedAt) {
        this.key = Objects.requireNonNull(key, "key");
        this.generation = Objects.requireNonNull(generation, "generation");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.rewards = Objects.requireNonNull(rewards, "rewards");
        this.table = Objects.requireNonNull(table, "table");
        this.episodes = episodes;
        this.latencyThresholdMs = latencyThresholdMs;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Policy empty(String key, String generation, Instant now) {
        return new Policy(key, generation, LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, new QTable(), 0, null, now);
    }

    public String key() {
        return key;
    }

    public String generation() {
        return generation;
    }

    public LearningParameters parameters() {
        return parameters;
    }

    public RewardPolicy rewards() {
        return rewards;
    }

    /** The live table: changes made inside {@link PolicyStore#update} are saved with the policy. */
    public QTable table() {
        return table;
    }

    public long episodes() {
        return episodes;
    }

    /** This policy's relaxed latency threshold, when {@code adjust_thresholds} has relaxed it. */
    public OptionalLong latencyThresholdMs() {
        return latencyThresholdMs == null ? OptionalLong.empty() : OptionalLong.of(latencyThresholdMs);
    }

    public void setLatencyThresholdMs(long thresholdMs) {
        this.latencyThresholdMs = thresholdMs;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The settings the next updates use (from the job's or the CLI's configuration). */
    public void useSettings(LearningParameters newParameters, RewardPolicy newRewards) {
        this.parameters = Objects.requireNonNull(newParameters);
        this.rewards = Objects.requireNonNull(newRewards);
    }

    /** Records a finished episode: counted, and appended to the episode log when the update is saved. */
    public void recordEpisode(Episode episode) {
        recordEpisode(EpisodeRecords.entry(episode));
    }

    void recordEpisode(LogEntry.EpisodeEntry episode) {
        episodes++;
        pendingLog.add(episode);
    }

    void replaceTable(QTable newTable, String newGeneration, LogEntry cause) {
        this.table = newTable;
        this.generation = newGeneration;
        this.latencyThresholdMs = null;
        pendingLog.add(cause);
    }

    /** Replay of a patch: the fields an update set outside the table. */
    void restore(String newGeneration, long newEpisodes, LearningParameters newParameters, RewardPolicy newRewards,
                 Long newLatencyThresholdMs) {
        this.generation = Objects.requireNonNull(newGeneration);
        this.episodes = newEpisodes;
        this.parameters = Objects.requireNonNull(newParameters);
        this.rewards = Objects.requireNonNull(newRewards);
        this.latencyThresholdMs = newLatencyThresholdMs;
    }

    /** Replay: a table replaced by a reset or an import, without logging it again. */
    void replayTable(QTable newTable, String newGeneration) {
        this.table = newTable;
        this.generation = newGeneration;
        this.latencyThresholdMs = null;
        this.episodes = 0;
    }

    void setGeneration(String newGeneration) {
        this.generation = Objects.requireNonNull(newGeneration);
    }

    Long latencyThresholdOrNull() {
        return latencyThresholdMs;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    void countEpisodes(long count) {
        this.episodes = count;
    }

    List<LogEntry> drainPendingLog() {
        List<LogEntry> drained = List.copyOf(pendingLog);
        pendingLog.clear();
        return drained;
    }
}
