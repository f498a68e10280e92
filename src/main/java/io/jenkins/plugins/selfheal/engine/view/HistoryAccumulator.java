package io.jenkins.plugins.selfheal.engine.view;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the episodes once, computing the running series as it goes and keeping only the newest
 * points: constant work per episode, memory bounded by the limits.
 */
final class HistoryAccumulator {
    private final int historyLimit;
    private final int recentLimit;
    private final int window;

    private final Deque<ViewDocument.EpisodePoint> points = new ArrayDeque<>();
    private final Deque<Double> movingAverage = new ArrayDeque<>();
    // LinkedList, not ArrayDeque: these series hold nulls ("not defined yet").
    private final Deque<Double> acceptance = new LinkedList<>();
    private final Deque<Double> mttr = new LinkedList<>();
    private final Deque<ViewDocument.RecentDecision> recent = new ArrayDeque<>();
    private double[] lastRewards;
    private double windowSum;
    private long total;
    private long accepted;
    private long judged;
    private long healedWithTime;
    private double healTimeSum;
    private long healthy;
    private long healed;
    private long failed;
    private long escalated;
    private long recommended;

    HistoryAccumulator(int historyLimit, int recentLimit, int window) {
        this.historyLimit = historyLimit;
        this.recentLimit = recentLimit;
        this.window = window;
        clear();
    }

    void clear() {
        points.clear();
        movingAverage.clear();
        acceptance.clear();
        mttr.clear();
        recent.clear();
        lastRewards = new double[window];
        windowSum = 0;
        total = accepted = judged = healedWithTime = healthy = healed = failed = escalated = recommended = 0;
        healTimeSum = 0;
    }

    void add(Episode episode) {
        int slot = (int) (total % window); // ring buffer: the sum of the last `window` rewards in O(1)
        windowSum += episode.reward() - lastRewards[slot];
        lastRewards[slot] = episode.reward();
        total++;
        Verdict verdict = episode.verdict();
        if (verdict.judged()) {
            judged++;
        }
        if (verdict == Verdict.ACCEPTED) {
            accepted++;
        }
        switch (episode.outcome()) {
            case HEALTHY -> healthy++;
            case HEALED -> healed++;
            case FAILED -> failed++;
            case ESCALATED -> escalated++;
            case RECOMMENDED -> recommended++;
        }
        Long timeToHeal = episode.outcome() == Outcome.HEALED ? episode.timeToHeal().map(Duration::toMillis).orElse(null) : null;
        if (timeToHeal != null) {
            healedWithTime++;
            healTimeSum += timeToHeal;
        }
        String at = episode.at().toString();
        keep(points, new ViewDocument.EpisodePoint(total, at, episode.reward(), episode.outcome().id(), verdict.id(),
                timeToHeal), historyLimit);
        keep(movingAverage, windowSum / Math.min(total, window), historyLimit);
        keep(acceptance, judged == 0 ? null : (double) accepted / judged, historyLimit);
        keep(mttr, healedWithTime == 0 ? null : healTimeSum / healedWithTime, historyLimit);
        keep(recent, recentDecision(episode, at), recentLimit);
    }

    ViewDocument.History history() {
        return new ViewDocument.History(total, new ArrayList<>(points),
                new ViewDocument.Series(window, new ArrayList<>(movingAverage), new ArrayList<>(acceptance),
                        new ArrayList<>(mttr)),
                new ViewDocument.Counts(healthy, healed, failed, escalated, recommended));
    }

    /** Newest first. */
    List<ViewDocument.RecentDecision> recent() {
        List<ViewDocument.RecentDecision> newestFirst = new ArrayList<>(recent.size());
        recent.descendingIterator().forEachRemaining(newestFirst::add);
        return newestFirst;
    }

    private static ViewDocument.RecentDecision recentDecision(Episode episode, String at) {
        Optional<HealAttempt> last = episode.heal().lastStep();
        return new ViewDocument.RecentDecision(at, episode.state(), last.map(s -> s.action().id()).orElse(null),
                last.map(s -> s.decision().choice().label()).orElse(null), episode.outcome().id(), episode.verdict().id(),
                episode.reward(), SafeLink.orNull(episode.link().orElse(null)));
    }

    /** Appends, dropping the oldest beyond {@code limit}. */
    private static <T> void keep(Deque<T> deque, T value, int limit) {
        if (limit == 0) {
            return;
        }
        deque.addLast(value);
        if (deque.size() > limit) {
            deque.removeFirst();
        }
    }
}
