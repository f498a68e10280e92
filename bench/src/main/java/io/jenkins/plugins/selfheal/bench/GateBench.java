package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.autonomy.Autonomy;
import io.jenkins.plugins.selfheal.engine.autonomy.AutonomyGate;
import io.jenkins.plugins.selfheal.engine.autonomy.Judgement;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearner;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.loop.HealingLoop;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedReviewer;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Section 6: what {@code autonomy: 'confident'} would do while a policy learns in the simulator: at
 * each threshold, the share of episodes it acts on alone, how many of those the reviewer accepts, and
 * how many chose the intended action (the truth, which the reviewer gets wrong 10% of the time).
 */
final class GateBench {
    static final List<Double> THRESHOLDS = List.of(0.7, 0.8, 0.9);
    static final int EPISODES = 1000;

    private final Settings settings;

    GateBench(Settings settings) {
        this.settings = settings;
    }

    /** Counts at one threshold, over every seed: episodes, acted alone (overall and in the second half), accepted, intended. */
    private static final class Tally {
        long episodes;
        long secondHalf;
        long alone;
        long aloneSecondHalf;
        long accepted;
        long intended;
    }

    String run() throws IOException, InterruptedException {
        int episodes = settings.smoke() ? 100 : EPISODES;
        Map<Double, Tally> tallies = new HashMap<>();
        THRESHOLDS.forEach(t -> tallies.put(t, new Tally()));
        for (int seed = 0; seed < settings.seeds(); seed++) {
            runSeed(seed, episodes, tallies);
        }
        StringBuilder out = new StringBuilder("| threshold | acted alone | in the second half | accepted by the reviewer | intended action |\n"
                + "|---|---|---|---|---|\n");
        for (double t : THRESHOLDS) {
            Tally tally = tallies.get(t);
            out.append("| ").append(t).append(" | ").append(percent(tally.alone, tally.episodes))
                    .append(" | ").append(percent(tally.aloneSecondHalf, tally.secondHalf))
                    .append(" | ").append(percent(tally.accepted, tally.alone))
                    .append(" | ").append(percent(tally.intended, tally.alone)).append(" |\n");
        }
        return out + "\n" + settings.seeds() + " seeds × " + episodes + " episodes with our defaults (DEFAULTS params + rewards), "
                + "one injected failure per episode (uniform over the " + SimulatedEnvironment.SCENARIOS.size()
                + " simulator states), outcomes from `SuccessTable.DEFAULT`, verdicts from `SimulatedReviewer("
                + LearningBench.REVIEWER_ERROR + ", random)`. Before each verdict, `AutonomyGate` (autonomy `confident`) is asked "
                + "with the verdict counts so far (Wilson lower bound, 95%, per state and action, as the job's ledger keeps "
                + "them); the reviewer then judges every episode, also those acted on alone (on a build page they stay open "
                + "for a verdict). Accepted and intended are shares of the episodes acted on alone. A reviewer wrong "
                + (int) (LearningBench.REVIEWER_ERROR * 100) + "% of the time accepts even the intended action about "
                + (int) ((1 - LearningBench.REVIEWER_ERROR) * 100) + "% of the time, so its lower bound stays below that: "
                + "a threshold has to sit below the reviewers' accuracy to ever be reached.\n";
    }

    private static void runSeed(long seed, int episodes, Map<Double, Tally> tallies) throws IOException, InterruptedException {
        Random random = new Random(seed);
        QTable table = new QTable();
        LearningParameters parameters = LearningParameters.DEFAULTS;
        QLearner learner = new QLearner(parameters, RewardPolicy.DEFAULTS);
        SimulatedReviewer reviewer = new SimulatedReviewer(LearningBench.REVIEWER_ERROR, random);
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        HealingLoop loop = new HealingLoop(new QLearningPlanner(table, parameters, random, false), 1, clock, line -> { });
        Map<String, Judgement> counts = new HashMap<>();
        AutonomyGate.Judgements judgements = (state, action) -> counts.getOrDefault(key(state, action), Judgement.NONE);
        for (int episode = 1; episode <= episodes; episode++) {
            SimulatedEnvironment environment = new SimulatedEnvironment(SimulatedEnvironment.Scenario.random(random),
                    SuccessTable.DEFAULT, random);
            HealResult result = loop.run(environment, "bench");
            Feedback feedback = reviewer.review(result);
            HealAttempt last = result.lastStep().orElseThrow();
            // as the job's ledger counts: an override naming the chosen action is an accept
            boolean accepted = feedback.verdict() == io.jenkins.plugins.selfheal.engine.learn.Verdict.ACCEPTED
                    || feedback instanceof Feedback.Overridden o && o.better() == last.action();
            boolean intended = last.action() == SuccessTable.intended(result.initial().failure());
            boolean secondHalf = episode > episodes / 2;
            for (double t : THRESHOLDS) {
                Tally tally = tallies.get(t);
                tally.episodes++;
                tally.secondHalf += secondHalf ? 1 : 0;
                if (AutonomyGate.decide(new AutonomyGate.Settings(Autonomy.CONFIDENT, t), result, judgements).actsAlone()) {
                    tally.alone++;
                    tally.aloneSecondHalf += secondHalf ? 1 : 0;
                    tally.accepted += accepted ? 1 : 0;
                    tally.intended += intended ? 1 : 0;
                }
            }
            learner.learn(table, result.steps(), feedback, clock.instant());
            counts.merge(key(last.state(), last.action()), Judgement.NONE.plus(accepted), (a, b) -> a.plus(accepted));
            if (feedback instanceof Feedback.Overridden o && o.better() != last.action()) {
                counts.merge(key(last.state(), o.better()), Judgement.NONE.plus(true), (a, b) -> a.plus(true));
            }
        }
    }

    private static String key(String state, ActionKind action) {
        return state + "/" + action.id();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
