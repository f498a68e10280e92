package io.jenkins.plugins.selfheal.engine.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Map;

/**
 * One line of a policy's append-only episode log (JSON lines). The log alone is enough to rebuild
 * the Q-table: episodes carry the resulting value of every cell they changed, resets start over,
 * imports carry the imported table. Times are ISO-8601 instants.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LogEntry.EpisodeEntry.class, name = "episode"),
        @JsonSubTypes.Type(value = LogEntry.ResetEntry.class, name = "reset"),
        @JsonSubTypes.Type(value = LogEntry.ImportEntry.class, name = "import")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface LogEntry {
    String at();

    String generation();

    /**
     * A finished episode: what was found, every action with its explanation and outcome, the
     * verdict, the reward, and the Q-table cells it changed.
     *
     * @param outcome      healthy | healed | failed | escalated
     * @param feedback     accepted | rejected | override | none
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
    }

    /** The table was reset; the previous document was kept as {@code backup}. */
    record ResetEntry(String at, String generation, String by, String backup) implements LogEntry {
    }

    /** A whole table was imported (policy JSON or the original simulation's rl_log.csv). */
    record ImportEntry(String at, String generation, String by, String source, PolicyDocument policy)
            implements LogEntry {
    }

    /** One action of an episode with the decision's explanation and its outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepEntry(String state, String action, String choice, double epsilon, Map<String, Double> qValues,
                     List<String> allowed, boolean success, long durationMs, String detail, String stateAfter,
                     boolean healed, List<String> allowedAfter) {
    }

    /** A Q-table cell change, with the value after it (exact replay). */
    record UpdateEntry(String state, String action, double reward, double target, double before, double after) {
    }
}
