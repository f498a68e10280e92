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
@JsonPropertyOrder({"format", "version", "policy", "actions", "states", "history", "recent"})
public record ViewDocument(String format, int version, PolicySummary policy, List<String> actions,
                           List<StateRow> states, History history, List<RecentDecision> recent) {
    public static final String FORMAT = "self-heal-view";
    public static final int VERSION = 1;

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
     * The episodes since the last reset or import, oldest first, at most the builder's history limit
     * (the newest ones); {@code total} counts them all, and so do {@code counts} and the series.
     */
    @JsonPropertyOrder({"total", "episodes", "series", "counts"})
    public record History(long total, List<EpisodePoint> episodes, Series series, Counts counts) {
        public History {
            episodes = List.copyOf(episodes);
        }
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
