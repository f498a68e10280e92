package io.jenkins.plugins.selfheal.engine.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;

import java.util.List;

/**
 * What the renderer ({@code self-heal-view.js}) draws: the Q-table as a heatmap, the learning
 * history and the recent decisions of one policy. Built by {@link ViewDocumentBuilder}, written by
 * {@link ViewJson}. Every string is data: the renderer shows it as text, never as markup.
 *
 * <p>Cells of a state row are positional: {@code states[i].cells[j]} is the cell of {@code actions[j]}.
 * That keeps a 1,000-state table small without losing meaning.
 */
@JsonPropertyOrder({"format", "version", "policy", "actions", "states", "history", "recent", "breakdown"})
public record ViewDocument(String format, int version, PolicySummary policy, List<String> actions,
                           List<StateRow> states, History history, List<RecentDecision> recent, Breakdown breakdown) {
    public static final String FORMAT = "self-heal-view";
    /** 2: {@code history.buckets} and {@code breakdown} added; {@code history.episodes} are the newest few hundred. */
    public static final int VERSION = 2;

    public ViewDocument {
        actions = List.copyOf(actions);
        states = List.copyOf(states);
        recent = List.copyOf(recent);
    }

    /** The policy's identity and settings. */
    @JsonPropertyOrder({"key", "generation", "episodes", "parameters", "updatedAt"})
    public record PolicySummary(String key, String generation, long episodes, LearningParameters parameters,
                                String updatedAt) {
    }

    /** One Q-table row; {@code visits} is the row's total, for sorting. */
    @JsonPropertyOrder({"state", "visits", "cells"})
    public record StateRow(String state, long visits, List<Cell> cells) {
        public StateRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One Q-table cell.
     *
     * @param lastUpdated ISO-8601 instant, or null when never updated
     * @param greedy      the action the planner exploits in this state (one per row, none when all are masked)
     * @param masked      the environment cannot perform this action
     * @param unvisited   never updated by an episode (the value is the initial 0 or an imported one)
     * @param imported    unvisited, and its value came with the last import (a learned value, not an initial 0)
     */
    @JsonPropertyOrder({"q", "visits", "lastUpdated", "greedy", "masked", "unvisited", "imported"})
    public record Cell(double q, long visits, String lastUpdated, boolean greedy, boolean masked, boolean unvisited,
                       boolean imported) {
        /** A cell that did not come with an import. */
        public Cell(double q, long visits, String lastUpdated, boolean greedy, boolean masked, boolean unvisited) {
            this(q, visits, lastUpdated, greedy, masked, unvisited, false);
        }
    }

    /**
     * The episodes since the last reset or import: {@code episodes} are the newest ones, oldest first, at
     * most the builder's history limit; {@code buckets} cover them all in a bounded number of points;
     * {@code total} counts them all, and so do {@code counts} and the series.
     *
     * @param bucketWidth episodes per bucket (the last one may hold fewer)
     */
    @JsonPropertyOrder({"total", "episodes", "series", "counts", "bucketWidth", "buckets"})
    public record History(long total, List<EpisodePoint> episodes, Series series, Counts counts, long bucketWidth,
                          List<Bucket> buckets) {
        public History {
            episodes = List.copyOf(episodes);
            buckets = List.copyOf(buckets);
        }
    }

    /**
     * A run of consecutive episodes, for charts of a long history.
     *
     * @param first          1-based index of its first episode; {@code last} of its last
     * @param from           time of its first episode; {@code to} of its last
     * @param rewardSpread   standard deviation of the rewards in the bucket
     * @param acceptanceRate cumulative up to its last episode (null before the first verdict)
     * @param mttrMs         cumulative up to its last episode (null before the first timed heal)
     * @param failures       episodes in which a failure was found; {@code healed} of them healed
     * @param up             episodes that found the service up; {@code down} down
     */
    @JsonPropertyOrder({"first", "last", "from", "to", "rewardMean", "rewardSpread", "rewardMin", "rewardMax",
            "acceptanceRate", "mttrMs", "failures", "healed", "up", "down"})
    public record Bucket(long first, long last, String from, String to, double rewardMean, double rewardSpread,
                         double rewardMin, double rewardMax, Double acceptanceRate, Double mttrMs, long failures,
                         long healed, long up, long down) {
    }

    /**
     * The original dashboard's breakdowns of the same episodes.
     *
     * @param up        episodes that found the service up (its state ends in {@code _UP}); {@code down} likewise
     * @param failures  episodes by the failure type found, by name
     * @param actions   per action (in {@link #actions()} order): how often it ran and how often that healed
     */
    @JsonPropertyOrder({"up", "down", "failures", "actions"})
    public record Breakdown(long up, long down, java.util.Map<String, Long> failures, List<ActionTally> actions) {
        public Breakdown {
            failures = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(failures));
            actions = List.copyOf(actions);
        }
    }

    /** How often {@code action} ran, and how often that run healed. */
    @JsonPropertyOrder({"action", "tried", "healed"})
    public record ActionTally(String action, long tried, long healed) {
    }

    /**
     * @param index        1-based position among the episodes since the last reset or import
     * @param outcome      healthy | healed | failed | escalated | recommended ({@code Outcome.id()})
     * @param feedback     accepted | rejected | override | none | pending ({@code Verdict.id()})
     * @param timeToHealMs null unless healed
     */
    @JsonPropertyOrder({"index", "at", "reward", "outcome", "feedback", "timeToHealMs"})
    public record EpisodePoint(long index, String at, double reward, String outcome, String feedback,
                               Long timeToHealMs) {
    }

    /**
     * Series aligned with {@link History#episodes()} (same length, same order). Nulls mean "not
     * defined yet" (no verdict, no heal so far).
     *
     * @param window              the moving-average window, in episodes
     * @param rewardMovingAverage mean reward of this episode and the {@code window - 1} before it
     *                            (fewer at the start)
     * @param acceptanceRate      cumulative: accepted / (accepted + rejected + override) up to this
     *                            episode; episodes without a verdict do not count
     * @param mttrMs              cumulative mean time to heal of the healed episodes up to this one
     */
    @JsonPropertyOrder({"window", "rewardMovingAverage", "acceptanceRate", "mttrMs"})
    public record Series(int window, List<Double> rewardMovingAverage, List<Double> acceptanceRate,
                         List<Double> mttrMs) {
    }

    /** How the episodes since the last reset or import ended. */
    @JsonPropertyOrder({"healthy", "healed", "failed", "escalated", "recommended"})
    public record Counts(long healthy, long healed, long failed, long escalated, long recommended) {
        /** Counts without recommend-only episodes. */
        public Counts(long healthy, long healed, long failed, long escalated) {
            this(healthy, healed, failed, escalated, 0);
        }
    }

    /**
     * One recent episode, newest first.
     *
     * @param action the action that ended the episode, or null when nothing was wrong
     * @param choice how the planner chose it: exploit | explore | untried | random, or null
     * @param link   where it happened (a build URL), only http(s) or relative; null otherwise
     */
    @JsonPropertyOrder({"at", "state", "action", "choice", "outcome", "feedback", "reward", "link"})
    public record RecentDecision(String at, String state, String action, String choice, String outcome,
                                 String feedback, double reward, String link) {
    }
}
