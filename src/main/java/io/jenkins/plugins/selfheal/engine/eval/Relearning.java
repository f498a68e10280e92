package io.jenkins.plugins.selfheal.engine.eval;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;

import java.util.List;

/**
 * A candidate made of settings rather than a table: the recorded episodes learned again, in the log's order,
 * with other α/ε/γ. Shared by the CLI's {@code evaluate} and the job's evaluation page so both judge the same
 * candidate. Judged on the episodes it learned from, so the estimate is somewhat optimistic.
 */
public final class Relearning {
    private Relearning() {
    }

    /** {@code base} with α, ε and γ replaced (tie-break, initial values and learner kept). */
    public static LearningParameters withSettings(LearningParameters base, double alpha, double epsilon, double gamma) {
        return new LearningParameters(alpha, epsilon, gamma, base.tieBreak(), base.initialValues(), base.learner());
    }

    /** ε-greedy over the table {@code parameters} would have learned from the episodes' verdicts. */
    public static TargetPolicy candidate(List<Episode> episodes, LearningParameters parameters, RewardPolicy rewards) {
        return TargetPolicy.epsilonGreedy(relearn(episodes, parameters, rewards), parameters);
    }

    /** The table the settings would have learned from the same verdicts, in the log's order. */
    public static QTable relearn(List<Episode> episodes, LearningParameters parameters, RewardPolicy rewards) {
        QTable table = new QTable();
        QLearner learner = new QLearner(parameters, rewards);
        for (Episode e : episodes) {
            if (e.isPending() || e.steps().isEmpty() || (e.outcome() == Outcome.RECOMMENDED && !e.verdict().judged())) {
                continue;
            }
            Feedback feedback = switch (e.verdict()) {
                case ACCEPTED -> Feedback.accepted();
                case REJECTED -> Feedback.rejected();
                case OVERRIDE -> e.override().<Feedback>map(Feedback.Overridden::new).orElse(Feedback.rejected());
                case NONE, PENDING -> Feedback.none("recorded without a verdict");
            };
            learner.learn(table, e.steps(), feedback, e.decidedAt().orElse(e.at()));
        }
        return table;
    }
}
