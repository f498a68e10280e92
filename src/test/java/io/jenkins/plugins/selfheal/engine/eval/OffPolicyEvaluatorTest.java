package io.jenkins.plugins.selfheal.engine.eval;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEpisodes;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The estimator against the truth: logs of one policy in the simulator, a candidate whose value is known by running it. */
class OffPolicyEvaluatorTest {
    private static final SimulatedEpisodes SIMULATOR = new SimulatedEpisodes(SuccessTable.DEFAULT, 0.1, 2);
    private static final LearningParameters RECORDED = LearningParameters.DEFAULTS.withEpsilon(0.3);
    private static final LearningParameters CANDIDATE = LearningParameters.DEFAULTS.withEpsilon(0.1);

    /** A table whose greedy action in every simulator state is {@code pick}'s. */
    static QTable table(java.util.function.Function<SimulatedEnvironment.Scenario, ActionKind> pick) {
        QTable table = new QTable();
        for (SimulatedEnvironment.Scenario s : SimulatedEnvironment.SCENARIOS) {
            for (ActionKind a : ActionKind.values()) {
                table.put(s.state(), a, new QEntry(a == pick.apply(s) ? 2 : -0.5, 3, Optional.of(Instant.EPOCH)));
            }
        }
        return table;
    }

    static final QTable RETRY_EVERYWHERE = table(s -> ActionKind.RETRY_DEPLOYMENT);
    static final QTable INTENDED = table(s -> SuccessTable.DEFAULT.intendedAction(s.failure()));
    /** A job that has not learned latency yet: the usual distance between a job's log and a candidate. */
    static final QTable LATENCY_UNLEARNED = table(s -> s.failure().equals("latency_issue") ? ActionKind.RETRY_DEPLOYMENT
            : SuccessTable.DEFAULT.intendedAction(s.failure()));

    /** java.util.Random's first draws of neighbouring seeds are alike: mixed, the seeds' logs are independent. */
    static Random mixed(long seed) {
        return new Random(new java.util.SplittableRandom(seed).nextLong());
    }

    @Test
    void theIntervalContainsTheCandidatesTrueValueInAtLeastNinetyPercentOfSeeds() {
        double[] truth = SimulatedEpisodes.means(SIMULATOR.run(INTENDED, CANDIDATE, 100_000, new Random(-1)));
        OffPolicyEvaluator evaluator = new OffPolicyEvaluator(300, 0.95);
        int seeds = 100;
        int reward = 0;
        int healRate = 0;
        int mttr = 0;
        for (long seed = 0; seed < seeds; seed++) {
            List<Episode> log = SIMULATOR.run(LATENCY_UNLEARNED, RECORDED, 500, mixed(seed));
            Evaluation.Metrics overall = evaluator.evaluate(log, TargetPolicy.epsilonGreedy(INTENDED, CANDIDATE), mixed(-seed)).overall();
            reward += overall.reward().orElseThrow().contains(truth[0]) ? 1 : 0;
            healRate += overall.healRate().orElseThrow().contains(truth[1]) ? 1 : 0;
            mttr += overall.mttrMs().orElseThrow().contains(truth[2]) ? 1 : 0;
        }
        assertThat(reward).as("reward %s", truth[0]).isGreaterThanOrEqualTo(seeds * 9 / 10);
        assertThat(healRate).as("heal rate %s", truth[1]).isGreaterThanOrEqualTo(seeds * 9 / 10);
        assertThat(mttr).as("MTTR %s", truth[2]).isGreaterThanOrEqualTo(seeds * 9 / 10);
    }

    @Test
    void theCandidateIsToldApartFromTheRecordedPolicy() {
        List<Episode> log = SIMULATOR.run(RETRY_EVERYWHERE, RECORDED, 800, new Random(3));
        Evaluation evaluation = new OffPolicyEvaluator(200, 0.95).evaluate(log, TargetPolicy.epsilonGreedy(INTENDED, CANDIDATE), new Random(3));

        Evaluation.Metrics overall = evaluation.overall();
        assertThat(overall.episodes()).isEqualTo(800);
        assertThat(overall.used()).isEqualTo(800);
        assertThat(overall.reward().orElseThrow().low()).as("the intended policy is better").isGreaterThan(overall.recordedReward());
        assertThat(evaluation.perState()).containsKeys("latency_issue_UP", "deployment_failure_DOWN");
        // in a crash state retry is the intended action: the candidate changes little there
        Evaluation.Metrics crash = evaluation.perState().get("deployment_failure_DOWN");
        assertThat(crash.reward().orElseThrow().contains(crash.recordedReward())).isTrue();
    }

    @Test
    void theRecordedPolicyAsCandidateGivesBackTheRecordedMeans() {
        List<Episode> log = SIMULATOR.run(RETRY_EVERYWHERE, RECORDED, 300, new Random(4));
        Evaluation.Metrics overall = new OffPolicyEvaluator(50, 0.9)
                .evaluate(log, TargetPolicy.epsilonGreedy(RETRY_EVERYWHERE, RECORDED), new Random(4)).overall();
        assertThat(overall.reward().orElseThrow().value()).isCloseTo(overall.recordedReward(), within(1e-9));
        assertThat(overall.healRate().orElseThrow().value()).isCloseTo(overall.recordedHealRate(), within(1e-9));
        assertThat(overall.effectiveSize()).isCloseTo(300, within(1e-6));
    }

    @Test
    void episodesWithoutAProbabilityAreCountedAndLeftOutOfTheEstimate() {
        List<Episode> log = new java.util.ArrayList<>(SIMULATOR.run(RETRY_EVERYWHERE, RECORDED, 100, new Random(5)));
        Episode old = log.get(0);
        HealAttempt step = old.steps().get(0);
        Decision d = step.decision();
        Decision withoutProbability = new Decision(d.planner(), d.state(), d.action(), d.choice(), d.epsilon(), d.qValues(), d.allowed());
        HealResult heal = old.heal();
        log.set(0, new Episode(old.id(), old.at(), old.link(), new HealResult(heal.planner(), heal.generation(), heal.initial(),
                List.of(new HealAttempt(withoutProbability, step.outcome(), step.stateAfter(), step.healed(), step.allowedAfter())),
                heal.outcome(), heal.timeToHeal()), old.verdict(), old.override(), old.note(), old.decidedBy(), old.decidedAt(),
                old.reward(), old.updates()));

        Evaluation evaluation = new OffPolicyEvaluator(50, 0.95).evaluate(log, TargetPolicy.epsilonGreedy(INTENDED, CANDIDATE), new Random(5));
        assertThat(evaluation.withoutProbability()).isEqualTo(1);
        assertThat(evaluation.overall().episodes()).isEqualTo(100);
        assertThat(evaluation.overall().used()).isEqualTo(99);
    }

    @Test
    void aDecisionKeepsTheProbabilityOfItsEpsilonGreedyChoice() {
        List<Episode> log = SIMULATOR.run(RETRY_EVERYWHERE, RECORDED, 200, new Random(6));
        for (Episode e : log) {
            HealAttempt first = e.steps().get(0);
            double expected = first.action() == ActionKind.RETRY_DEPLOYMENT ? 1 - 0.3 + 0.3 / 5 : 0.3 / 5;
            assertThat(first.decision().probability().getAsDouble()).isCloseTo(expected, within(1e-12));
        }
    }
}
