package io.jenkins.plugins.selfheal.engine.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a policy's pages draw about its history, kept as episodes are learned: counts by outcome,
 * state, failure type and action, acceptance and time to heal, a bounded series (at most
 * {@link #MAX_BUCKETS} buckets, each twice as wide once they fill up), the newest {@link #POINTS}
 * episodes and {@link #RECENT} decisions. Its size depends on the table, never on the number of
 * episodes, and it is a function of the log alone: replaying the log's entries into an empty summary
 * gives exactly the summary kept as they were learned (the store rebuilds it that way when its file is
 * missing or does not match the log).
 *
 * <p>Covers the episodes since the last reset or import, like the policy's own count.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class HistorySummary {
    public static final int POINTS = 500;
    public static final int RECENT = 100;
    public static final int MAX_BUCKETS = 128;
    public static final int WINDOW = 10;

    /**
     * One of the newest episodes with the running values at that point.
     *
     * @param timeToHealMs  null unless healed with a known time
     * @param acceptance    accepted / judged up to here, null before the first verdict
     * @param mttrMs        mean time to heal up to here, null before the first timed heal
     */
    public record Point(long index, String at, double reward, Outcome outcome, Verdict verdict, Long timeToHealMs,
                        double movingAverage, Double acceptance, Double mttrMs, UptimeStatus uptime) {
    }

    /**
     * One recent decision.
     *
     * @param action the action that ended the episode, null when none ran; {@code choice} likewise
     * @param link   where it happened, as recorded (the view filters it)
     */
    public record Decision(String at, String state, ActionKind action, String choice, Outcome outcome, Verdict verdict,
                           double reward, String link) {
    }

    /** How often an action was tried and how often that attempt healed. */
    public record ActionCount(long tried, long healed) {
    }

    private long total;
    private long accepted;
    private long judged;
    private long healedWithTime;
    private double healTimeSum;
    private EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private TreeMap<String, Long> states = new TreeMap<>();
    private TreeMap<String, Long> failures = new TreeMap<>();
    private EnumMap<ActionKind, ActionCount> actions = new EnumMap<>(ActionKind.class);
    private EnumMap<UptimeStatus, Long> uptime = new EnumMap<>(UptimeStatus.class);
    private double[] lastRewards = new double[WINDOW];
    private double windowSum;
    private ArrayDeque<Point> points = new ArrayDeque<>();
    private ArrayDeque<Decision> recent = new ArrayDeque<>();
    private ArrayList<SummaryBucket> buckets = new ArrayList<>();
    private long bucketWidth = 1;
    /** The cells the last import set, by state (the view marks those still unvisited as imported values). */
    private TreeMap<String, List<String>> imported = new TreeMap<>();

    @JsonCreator
    public HistorySummary() {
    }

    /** The summary of {@code log}'s entries, in order. */
    public static HistorySummary of(Iterable<LogEntry> log) {
        HistorySummary summary = new HistorySummary();
        log.forEach(summary::apply);
        return summary;
    }

    /** Applies one log entry: an episode counts, a reset or an import starts over, a patch changes nothing here. */
    public void apply(LogEntry entry) {
        if (entry instanceof LogEntry.EpisodeEntry episode) {
            add(EpisodeRecords.episode(episode));
        } else if (entry instanceof LogEntry.ResetEntry) {
            clear(Map.of());
        } else if (entry instanceof LogEntry.ImportEntry imports) {
            clear(imports.policy() == null || imports.policy().states() == null ? Map.of() : imports.policy().states());
        }
    }

    private void clear(Map<String, ? extends Map<String, ?>> importedStates) {
        HistorySummary empty = new HistorySummary();
        importedStates.forEach((state, cells) -> empty.imported.put(state, List.copyOf(cells.keySet())));
        copyFrom(empty);
    }

    /** An episode as its log line reads back (so a summary kept while learning equals one rebuilt from the log). */
    private void add(Episode episode) {
        int slot = (int) (total % WINDOW); // ring buffer: the sum of the last WINDOW rewards in O(1)
        windowSum += episode.reward() - lastRewards[slot];
        lastRewards[slot] = episode.reward();
        total++;
        Verdict verdict = episode.verdict();
        judged += verdict.judged() ? 1 : 0;
        accepted += verdict == Verdict.ACCEPTED ? 1 : 0;
        outcomes.merge(episode.outcome(), 1L, Long::sum);
        states.merge(episode.state(), 1L, Long::sum);
        episode.heal().initial().finding().ifPresent(f -> failures.merge(f.failure(), 1L, Long::sum));
        UptimeStatus status = uptimeOf(episode);
        uptime.merge(status, 1L, Long::sum);
        for (HealAttempt step : episode.heal().steps()) {
            ActionCount count = actions.getOrDefault(step.action(), new ActionCount(0, 0));
            actions.put(step.action(), new ActionCount(count.tried() + 1, count.healed() + (step.healed() ? 1 : 0)));
        }
        Long timeToHeal = episode.outcome() == Outcome.HEALED ? episode.timeToHeal().map(Duration::toMillis).orElse(null) : null;
        if (timeToHeal != null) {
            healedWithTime++;
            healTimeSum += timeToHeal;
        }
        String at = episode.at().toString();
        keep(points, new Point(total, at, episode.reward(), episode.outcome(), verdict, timeToHeal,
                windowSum / Math.min(total, WINDOW), judged == 0 ? null : (double) accepted / judged,
                healedWithTime == 0 ? null : healTimeSum / healedWithTime, status), POINTS);
        Optional<HealAttempt> last = episode.heal().lastStep();
        keep(recent, new Decision(at, episode.state(), last.map(HealAttempt::action).orElse(null),
                last.map(s -> s.decision().choice().label()).orElse(null), episode.outcome(), verdict, episode.reward(),
                episode.link().orElse(null)), RECENT);
        addToBuckets(episode);
    }

    /** Fills the last bucket up to the current width; a full set of buckets merges pairwise and doubles the width. */
    private void addToBuckets(Episode episode) {
        SummaryBucket last = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1);
        if (last != null && last.count() < bucketWidth) {
            buckets.set(buckets.size() - 1, last.plus(episode));
            return;
        }
        if (buckets.size() == MAX_BUCKETS) {
            ArrayList<SummaryBucket> merged = new ArrayList<>(MAX_BUCKETS);
            for (int i = 0; i < buckets.size(); i += 2) {
                merged.add(buckets.get(i).merge(buckets.get(i + 1)));
            }
            buckets = merged;
            bucketWidth *= 2;
        }
        buckets.add(SummaryBucket.of(total, episode));
    }

    static UptimeStatus uptimeOf(Episode episode) {
        return episode.heal().initial().uptime().status();
    }

    private static <T> void keep(ArrayDeque<T> deque, T value, int limit) {
        deque.addLast(value);
        if (deque.size() > limit) {
            deque.removeFirst();
        }
    }

    public long total() {
        return total;
    }

    public long accepted() {
        return accepted;
    }

    public long judged() {
        return judged;
    }

    /** The mean time to heal in milliseconds of the healed episodes with a known time, if any. */
    public Optional<Double> mttrMs() {
        return healedWithTime == 0 ? Optional.empty() : Optional.of(healTimeSum / healedWithTime);
    }

    public long count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    public long count(UptimeStatus status) {
        return uptime.getOrDefault(status, 0L);
    }

    /** Episodes by the state they started in, by name. */
    public Map<String, Long> byState() {
        return Collections.unmodifiableMap(states);
    }

    /** Episodes by the failure type found (healthy episodes have none), by name. */
    public Map<String, Long> byFailure() {
        return Collections.unmodifiableMap(failures);
    }

    public ActionCount count(ActionKind action) {
        return actions.getOrDefault(action, new ActionCount(0, 0));
    }

    /** The newest episodes, oldest first. */
    public List<Point> points() {
        return List.copyOf(points);
    }

    /** The newest decisions, newest first. */
    public List<Decision> recent() {
        List<Decision> newestFirst = new ArrayList<>(recent.size());
        recent.descendingIterator().forEachRemaining(newestFirst::add);
        return newestFirst;
    }

    /** The whole history in at most {@link #MAX_BUCKETS} buckets, oldest first. */
    public List<SummaryBucket> buckets() {
        return List.copyOf(buckets);
    }

    public long bucketWidth() {
        return bucketWidth;
    }

    /** Whether the last import set this cell. */
    public boolean imported(String state, ActionKind action) {
        return imported.getOrDefault(state, List.of()).contains(action.id());
    }

    public HistorySummary copy() {
        HistorySummary copy = new HistorySummary();
        copy.copyFrom(this);
        return copy;
    }

    private void copyFrom(HistorySummary other) {
        total = other.total;
        accepted = other.accepted;
        judged = other.judged;
        healedWithTime = other.healedWithTime;
        healTimeSum = other.healTimeSum;
        outcomes = new EnumMap<>(other.outcomes);
        states = new TreeMap<>(other.states);
        failures = new TreeMap<>(other.failures);
        actions = new EnumMap<>(other.actions);
        uptime = new EnumMap<>(other.uptime);
        lastRewards = other.lastRewards.clone();
        windowSum = other.windowSum;
        points = new ArrayDeque<>(other.points);
        recent = new ArrayDeque<>(other.recent);
        buckets = new ArrayList<>(other.buckets);
        bucketWidth = other.bucketWidth;
        imported = new TreeMap<>(other.imported);
    }
}
