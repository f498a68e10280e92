package io.jenkins.plugins.selfheal.engine.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.jenkins.plugins.selfheal.engine.episode.Episode;

import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * One line of a policy's append-only episode log (JSON lines). The log alone is enough to rebuild
 * the Q-table: episodes carry the resulting value of every cell they changed, resets start over,
 * imports carry the imported table, and a patch carries whatever else an update changed (a relaxed
 * latency threshold, new settings, cells changed without an episode). Times are ISO-8601 instants.
 *
 * <p>The log is the durable record of a policy: {@link PolicyStore} forces every append to disk and
 * keeps the document only as a snapshot of a prefix of the log.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LogEntry.EpisodeEntry.class, name = "episode"),
        @JsonSubTypes.Type(value = LogEntry.ResetEntry.class, name = "reset"),
        @JsonSubTypes.Type(value = LogEntry.ImportEntry.class, name = "import"),
        @JsonSubTypes.Type(value = LogEntry.PatchEntry.class, name = "patch")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface LogEntry {
    String at();

    String generation();

    /** The episode this line records, if it is one. */
    default Optional<Episode> episode() {
        return Optional.empty();
    }

    /** The log line of an episode. */
    static LogEntry of(Episode episode) {
        return EpisodeRecords.entry(episode);
    }

    /**
     * A finished episode: what was found, every action with its explanation and outcome, the
     * verdict, the reward, and the Q-table cells it changed.
     *
     * The serialised form of an {@link Episode}, mapped in {@link EpisodeRecords} only.
     *
     * @param outcome      healthy | healed | failed | escalated | recommended
     * @param feedback     accepted | rejected | override | none | pending
     * @param reward       reward of the action that ended the episode (0 when healthy)
     * @param timeToHealMs time from the first action to the healing check that passed, or null
     * @param link         where the episode happened (a build URL), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EpisodeEntry(String id, String at, String generation, String planner, String failure, String reason,
                        String state, List<StepEntry> steps, String outcome, String feedback,
                        String overrideAction, String feedbackNote, String decidedBy, String decidedAt,
                        double reward, Long timeToHealMs, String link, List<UpdateEntry> updates)
            implements LogEntry {
        public EpisodeEntry {
            steps = steps == null ? List.of() : List.copyOf(steps);
            updates = updates == null ? List.of() : List.copyOf(updates);
        }

        @Override
        public Optional<Episode> episode() {
            return Optional.of(EpisodeRecords.episode(this));
        }
    }

    /** The table was reset; the previous document was kept as {@code backup}. */
    record ResetEntry(String at, String generation, String by, String backup) implements LogEntry {
    }

    /** A whole table was imported (policy JSON or the original simulation's rl_log.csv). */
    record ImportEntry(String at, String generation, String by, String source, PolicyDocument policy)
            implements LogEntry {
    }

    /**
     * What an update changed beyond its episodes, resets and imports: the policy's fields after it and
     * every row it changed (whole rows, replayed over the table), and the rows the update's other lines
     * would add but the update did not ({@code removed}). {@link PolicyStore#readLog} leaves
     * patches out: they are bookkeeping, not history.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PatchEntry(String at, String generation, long episodes,
                      io.jenkins.plugins.selfheal.engine.learn.LearningParameters parameters,
                      io.jenkins.plugins.selfheal.engine.learn.RewardPolicy rewards, Long latencyThresholdMs,
                      Map<String, Map<String, PolicyDocument.Cell>> states, List<String> removed) implements LogEntry {
        public PatchEntry {
            states = states == null ? Map.of() : states;
            removed = removed == null || removed.isEmpty() ? null : List.copyOf(removed);
        }
    }

    /**
     * One action of an episode with the decision's explanation and its outcome; {@code probability} is the
     * chance the planner had of choosing it (absent from lines written before it was recorded).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepEntry(String state, String action, String choice, double epsilon, Map<String, Double> qValues,
                     List<String> allowed, boolean success, long durationMs, String detail, String stateAfter,
                     boolean healed, List<String> allowedAfter, Double probability) {
    }

    /** A Q-table cell change, with the value after it (exact replay). */
    record UpdateEntry(String state, String action, double reward, double target, double before, double after) {
    }
}
