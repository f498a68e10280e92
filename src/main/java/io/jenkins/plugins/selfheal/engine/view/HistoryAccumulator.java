package io.jenkins.plugins.selfheal.engine.view;

import io.jenkins.plugins.selfheal.engine.store.LogEntry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;

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
        total = accepted = judged = healedWithTime = healthy = healed = failed = escalated = 0;
        healTimeSum = 0;
    }

    void add(LogEntry.EpisodeEntry episode) {
        int slot = (int) (total % window); // ring buffer: the sum of the last `window` rewards in O(1)
        windowSum += episode.reward() - lastRewards[slot];
        lastRewards[slot] = episode.reward();
        total++;
        String feedback = episode.feedback() == null ? "none" : episode.feedback();
        switch (feedback) {
            case "accepted" -> { accepted++; judged++; }
            case "rejected", "override" -> judged++;
            default -> { }
        }
        String outcome = episode.outcome() == null ? "" : episode.outcome();
        switch (outcome) {
            case "healthy" -> healthy++;
            case "healed" -> healed++;
            case "failed" -> failed++;
            case "escalated" -> escalated++;
            default -> { }
        }
        Long timeToHeal = "healed".equals(outcome) ? episode.timeToHealMs() : null;
        if (timeToHeal != null) {
            healedWithTime++;
            healTimeSum += timeToHeal;
        }
        keep(points, new ViewDocument.EpisodePoint(total, episode.at(), episode.reward(), outcome, feedback, timeToHeal),
                historyLimit);
        keep(movingAverage, windowSum / Math.min(total, window), historyLimit);
        keep(acceptance, judged == 0 ? null : (double) accepted / judged, historyLimit);
        keep(mttr, healedWithTime == 0 ? null : healTimeSum / healedWithTime, historyLimit);
        keep(recent, recentDecision(episode, outcome, feedback), recentLimit);
    }

    ViewDocument.History history() {
        return new ViewDocument.History(total, new ArrayList<>(points),
                new ViewDocument.Series(window, new ArrayList<>(movingAverage), new ArrayList<>(acceptance),
                        new ArrayList<>(mttr)),
                new ViewDocument.Counts(healthy, healed, failed, escalated));
    }

    /** Newest first. */
    List<ViewDocument.RecentDecision> recent() {
        List<ViewDocument.RecentDecision> newestFirst = new ArrayList<>(recent.size());
        recent.descendingIterator().forEachRemaining(newestFirst::add);
        return newestFirst;
    }

    private static ViewDocument.RecentDecision recentDecision(LogEntry.EpisodeEntry episode, String outcome,
                                                              String feedback) {
        LogEntry.StepEntry last = episode.steps().isEmpty() ? null : episode.steps().get(episode.steps().size() - 1);
        return new ViewDocument.RecentDecision(episode.at(), episode.state(), last == null ? null : last.action(),
                last == null ? null : last.choice(), outcome, feedback, episode.reward(),
                SafeLink.orNull(episode.link()));
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
