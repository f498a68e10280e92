package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.heal.HealingAction;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.Planner;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * detect → uptime → (healthy: done) → decide → act → check again, up to {@code maxHeals} actions,
 * never repeating an action that already failed in this heal.
 * Learning is separate ({@link EpisodeLearner}) because feedback may arrive much later (a click on
 * a build page). Every step is reported as a readable line.
 */
public final class HealingLoop {
    private final Planner planner;
    private final int maxHeals;
    private final Clock clock;
    private final Consumer<String> progress;
    private final DeploymentInspector inspector = new DeploymentInspector();
    private boolean recommendOnly;

    public HealingLoop(Planner planner, int maxHeals, Clock clock, Consumer<String> progress) {
        if (maxHeals < 1) {
            throw new IllegalArgumentException("maxHeals must be at least 1, was " + maxHeals);
        }
        this.planner = planner;
        this.maxHeals = maxHeals;
        this.clock = clock;
        this.progress = progress;
    }

    /** Kill switch: decide and explain, but run no action. */
    public HealingLoop recommendOnly(boolean on) {
        this.recommendOnly = on;
        return this;
    }

    /** @param generation the policy generation the planner's table belongs to */
    public HealResult run(DeploymentTarget target, String generation) throws IOException, InterruptedException {
        Observation initial = inspector.inspect(target);
        progress.accept("state " + initial.state() + ": " + initial.reason());
        if (initial.healthy()) {
            return new HealResult(planner.name(), generation, initial, List.of(), Outcome.HEALTHY, Optional.empty());
        }
        List<HealAttempt> steps = new ArrayList<>();
        Observation current = initial;
        Instant started = clock.instant();
        Map<ActionKind, HealingAction> actions = target.actions();
        Set<ActionKind> tried = EnumSet.noneOf(ActionKind.class);
        while (true) {
            Decision decision = planner.decide(current.state(), untried(actions, tried));
            progress.accept(decision.explanation());
            if (recommendOnly) {
                progress.accept("recommend-only mode: " + decision.action().id() + " was not run");
                steps.add(new HealAttempt(decision, ActionResult.failed(Duration.ZERO, "not run: recommend-only mode"),
                        current.state(), false, actions.keySet()));
                return new HealResult(planner.name(), generation, initial, steps, Outcome.RECOMMENDED, Optional.empty());
            }
            HealingAction action = actions.get(decision.action());
            ActionResult outcome = action.execute();
            tried.add(decision.action());
            Observation after = inspector.inspect(target);
            progress.accept(outcomeLine(decision.action(), outcome, after.healthy()));
            actions = target.actions();
            steps.add(new HealAttempt(decision, outcome, after.state(), after.healthy(), actions.keySet()));
            if (after.healthy()) {
                Duration toHeal = Duration.between(started, clock.instant());
                progress.accept("healed: state " + after.state() + " after " + steps.size() + " action(s)");
                return new HealResult(planner.name(), generation, initial, steps, Outcome.HEALED, Optional.of(toHeal));
            }
            if (decision.action() == ActionKind.ESCALATE) {
                progress.accept("escalated: a person has to look at " + after.state() + " (" + after.reason() + ")");
                return new HealResult(planner.name(), generation, initial, steps, Outcome.ESCALATED, Optional.empty());
            }
            progress.accept("still failing: state " + after.state() + ": " + after.reason());
            if (steps.size() >= maxHeals || untried(actions, tried).isEmpty()) {
                return new HealResult(planner.name(), generation, initial, steps, Outcome.FAILED, Optional.empty());
            }
            current = after;
        }
    }

    /** A heal does not repeat an action that already failed in it: the next try is a different one. */
    private static Set<ActionKind> untried(Map<ActionKind, HealingAction> actions, Set<ActionKind> tried) {
        Set<ActionKind> allowed = EnumSet.noneOf(ActionKind.class);
        allowed.addAll(actions.keySet());
        allowed.removeAll(tried);
        return allowed;
    }

    /** "succeeded" only when the check after the action found the deployment healthy. */
    private static String outcomeLine(ActionKind action, ActionResult outcome, boolean healthy) {
        String time = " in " + seconds(outcome.duration());
        if (!outcome.success()) {
            return action.id() + " failed" + time + (outcome.detail().isEmpty() ? "" : ": " + outcome.detail());
        }
        if (healthy) {
            return action.id() + " succeeded" + time + (outcome.detail().isEmpty() ? "" : ": " + outcome.detail());
        }
        return action.id() + " ran" + time + (outcome.detail().isEmpty() ? "" : " (" + outcome.detail() + ")")
                + " but did not fix it";
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
