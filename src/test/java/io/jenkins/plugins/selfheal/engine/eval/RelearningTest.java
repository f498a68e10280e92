package io.jenkins.plugins.selfheal.engine.eval;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEpisodes;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The settings candidate shared by {@code evaluate} and the job's evaluation page. */
class RelearningTest {
    private static final SimulatedEpisodes SIMULATOR = new SimulatedEpisodes(SuccessTable.DEFAULT, 0.1, 2);
    private static final LearningParameters RECORDED = LearningParameters.DEFAULTS.withEpsilon(0.3);
    private static final List<Episode> LOG = SIMULATOR.run(OffPolicyEvaluatorTest.RETRY_EVERYWHERE, RECORDED, 300, new Random(7));

    @Test
    void settingsReplaceAlphaEpsilonGammaAndKeepTheRest() {
        LearningParameters base = LearningParameters.SEED;
        LearningParameters changed = Relearning.withSettings(base, 0.5, 0.2, 0.3);
        assertThat(changed).isEqualTo(new LearningParameters(0.5, 0.2, 0.3, base.tieBreak(), base.initialValues(), base.learner()));
    }

    @Test
    void theLearningRateChangesWhatIsLearnedFromTheSameVerdicts() {
        QTable slow = Relearning.relearn(LOG, RECORDED.withEpsilon(0.1), RewardPolicy.DEFAULTS);
        QTable fast = Relearning.relearn(LOG, Relearning.withSettings(RECORDED, 0.9, 0.1, 0.9), RewardPolicy.DEFAULTS);
        assertThat(slow.states()).isNotEmpty().isEqualTo(fast.states());
        assertThat(slow).isNotEqualTo(fast);
        assertThat(Relearning.relearn(LOG, RECORDED, RewardPolicy.DEFAULTS)).as("deterministic")
                .isEqualTo(Relearning.relearn(LOG, RECORDED, RewardPolicy.DEFAULTS));
    }

    @Test
    void pendingEpisodesAreNotLearned() {
        List<Episode> pending = LOG.stream().map(e -> Episode.pending(e.heal(), e.id(), "", e.at())).toList();
        assertThat(Relearning.relearn(pending, RECORDED, RewardPolicy.DEFAULTS).size()).isZero();
    }

    @Test
    void theCandidateIsEpsilonGreedyWithTheGivenEpsilon() {
        LearningParameters settings = Relearning.withSettings(RECORDED, 0.5, 0.2, 0.9);
        TargetPolicy candidate = Relearning.candidate(LOG, settings, RewardPolicy.DEFAULTS);
        Set<ActionKind> allowed = EnumSet.allOf(ActionKind.class);
        String state = LOG.get(0).state();
        double sum = 0;
        double greedy = 0;
        for (ActionKind a : allowed) {
            double p = candidate.probability(state, a, allowed);
            sum += p;
            greedy = Math.max(greedy, p);
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(greedy).isCloseTo(1 - 0.2 + 0.2 / allowed.size(), within(1e-12));
    }
}
