package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeLearner;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.loop.HealService;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.sim.SimulatedEnvironment;
import io.jenkins.plugins.selfheal.engine.sim.SuccessTable;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code --episodes N}: N episodes in the learning simulator (random injected failure, stochastic
 * outcomes), each decided with the current policy, reviewed per {@code --feedback} and learned.
 * Ends with the greedy policy of every reachable state next to the intended one.
 */
final class TrainingBatch {
    private final RunCommand.Context context;

    TrainingBatch(RunCommand.Context context) {
        this.context = context;
    }

    int run() throws IOException, InterruptedException {
        RunOptions options = context.options();
        context.adoptOriginalTable();
        HealService service = context.service(line -> { });
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (int i = 0; i < options.episodes; i++) {
            SimulatedEnvironment environment = new SimulatedEnvironment(
                    SimulatedEnvironment.Scenario.random(context.random()), SuccessTable.DEFAULT, context.random());
            context.clock().advance(environment.lastDeployment().duration());
            HealResult result = service.heal(context.clock().timing(environment));
            Feedback feedback = result.needsFeedback() ? context.feedback().feedbackFor(result) : Feedback.none("healthy");
            Episode entry = context.learner().learn(result, feedback,
                    new EpisodeLearner.Context(UUID.randomUUID().toString(), "simulated reviewer", null));
            logEpisode(result, entry);
            outcomes.merge(result.outcome(), 1, Integer::sum);
        }
        QTable table = context.store().read().table();
        context.logs().qTable(table);
        context.say(options.episodes + " episodes: " + outcomes);
        report(table);
        return SelfHealCli.OK;
    }

    /**
     * A batch's episodes are simulated: they go to {@code training_log.csv}, never to the original's
     * logs as if a deployment ran or a person decided; only with {@code --feedback ask} did a person
     * answer, and that answer is in {@code user_feedback_log.csv} too.
     */
    private void logEpisode(HealResult result, Episode entry) throws IOException {
        if (result.lastStep().isEmpty()) {
            return;
        }
        HealAttempt last = result.lastStep().get();
        String outcome = result.healed() ? "success" : "failure";
        RunOptions.FeedbackMode mode = context.options().feedback;
        String reviewer = switch (mode) {
            case ask -> "person";
            case auto -> "simulated reviewer";
            case y, n -> "always " + mode.name() + " (--feedback " + mode.name() + ")";
            case none -> "none";
        };
        context.logs().training(last.state(), last.action().id(), outcome, entry.verdict().id(), entry.reward(), reviewer);
        if (mode == RunOptions.FeedbackMode.ask && (entry.verdict() == Verdict.ACCEPTED || entry.verdict() == Verdict.REJECTED)) {
            context.logs().feedback(last.state(), last.action().id(), outcome, entry.verdict().id());
        }
    }

    /** Prints the greedy action of every reachable state; true when all are the intended ones. */
    private boolean report(QTable table) {
        boolean allIntended = true;
        for (SimulatedEnvironment.Scenario scenario : SimulatedEnvironment.SCENARIOS) {
            String state = scenario.state();
            ActionKind best = QLearningPlanner.greedy(table, context.options().parameters(), state, List.of(ActionKind.values()));
            ActionKind intended = SuccessTable.intended(scenario.failure());
            allIntended &= best == intended;
            context.say(String.format("greedy %-26s → %-26s %s", state, best.id(),
                    best == intended ? "(intended)" : "(intended: " + intended.id() + ")"));
        }
        context.say(allIntended ? "the greedy policy is the intended one in every reachable state"
                : "the greedy policy differs from the intended one in some states");
        return allIntended;
    }
}
