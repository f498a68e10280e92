package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a finished heal and the reviewer's verdict into Q-table updates:
 * {@code Q(s,a) ← Q(s,a) + step (target − Q(s,a))}, the step and the starting value of an untried cell
 * as {@link Evidence} says (α and the stored value for the classic learner).
 * The evidence learner's target for a reject of an action that did not heal is {@link Evidence#CONFIRMED_REJECT}
 * times the reward (the update records the reward itself).
 * <ul>
 *   <li>The last step (the one that ended the episode) is terminal: target = the verdict's reward.</li>
 *   <li>An earlier step failed and led to another try: target = outcome-only reward for a failure
 *       + γ · max Q(next state, allowed actions).</li>
 *   <li>An override also credits the named action in the last step's state.</li>
 * </ul>
 * Steps are updated last to first, so a failed step bootstraps from the freshly learned value of
 * what followed it. With one step and γ unused this is the original simulation's bandit update.
 * A state not in the table yet is added with {@link LearningParameters#initialValues()} right before its
 * first update (so the update starts from the same initial row a decision on it used); a next state that
 * is not known is bootstrapped from that initial row without being added.
 */
public final class QLearner {
    private final LearningParameters parameters;
    private final RewardPolicy rewards;

    public QLearner(LearningParameters parameters, RewardPolicy rewards) {
        this.parameters = parameters;
        this.rewards = rewards;
    }

    public List<QUpdate> learn(QTable table, List<HealAttempt> steps, Feedback feedback, Instant now) {
        List<QUpdate> updates = new ArrayList<>();
        if (steps.isEmpty()) {
            return updates;
        }
        HealAttempt last = steps.get(steps.size() - 1);
        if (feedback instanceof Feedback.Overridden o && o.better() != last.action()) {
            updates.add(apply(table, last.state(), o.better(), rewards.forOverrideAction(), 0.0, now));
        }
        Feedback effective = feedback instanceof Feedback.Overridden o && o.better() == last.action()
                ? Feedback.accepted() : feedback;
        double reward = rewards.forChosenAction(effective, last.healed());
        updates.add(apply(table, last.state(), last.action(), reward, confirmedReject(effective, last.healed(), reward), now));
        for (int i = steps.size() - 2; i >= 0; i--) {
            HealAttempt step = steps.get(i);
            double future = parameters.gamma() * step.allowedAfter().stream()
                    .mapToDouble(a -> Evidence.value(table, parameters, step.stateAfter(), a))
                    .max().orElse(0.0);
            updates.add(apply(table, step.state(), step.action(), rewards.forOutcomeOnly(step.healed()), future, now));
        }
        return updates;
    }

    /** What the evidence learner adds to a reject's target when the outcome confirms it (see {@link Evidence}). */
    private double confirmedReject(Feedback feedback, boolean healed, double reward) {
        boolean confirmed = feedback instanceof Feedback.Rejected && !healed;
        return parameters.learner() == LearningParameters.Learner.EVIDENCE && confirmed ? (Evidence.CONFIRMED_REJECT - 1) * reward : 0.0;
    }

    private QUpdate apply(QTable table, String state, ActionKind action, double reward, double future, Instant now) {
        table.ensureState(state, parameters.initialValues());
        QEntry entry = table.entry(state, action);
        double before = Evidence.startingValue(table, parameters, state, action); // an untried cell starts from its prior
        double target = reward + future;
        double after = before + Evidence.step(parameters, entry.visits()) * (target - before);
        table.put(state, action, entry.updatedTo(after, now));
        return new QUpdate(state, action, reward, target, before, after, now);
    }
}
