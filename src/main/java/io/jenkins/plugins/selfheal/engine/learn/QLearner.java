package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a finished heal and the reviewer's verdict into Q-table updates:
 * {@code Q(s,a) ← Q(s,a) + α (target − Q(s,a))}.
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
        updates.add(apply(table, last.state(), last.action(), rewards.forChosenAction(effective, last.healed()), 0.0, now));
        for (int i = steps.size() - 2; i >= 0; i--) {
            HealAttempt step = steps.get(i);
            double future = parameters.gamma() * step.allowedAfter().stream()
                    .mapToDouble(a -> table.entryOrInitial(step.stateAfter(), a, parameters.initialValues()).value())
                    .max().orElse(0.0);
            updates.add(apply(table, step.state(), step.action(), rewards.forOutcomeOnly(step.healed()), future, now));
        }
        return updates;
    }

    private QUpdate apply(QTable table, String state, ActionKind action, double reward, double future, Instant now) {
        table.ensureState(state, parameters.initialValues());
        QEntry entry = table.entry(state, action);
        double target = reward + future;
        double after = entry.value() + parameters.alpha() * (target - entry.value());
        table.put(state, action, entry.updatedTo(after, now));
        return new QUpdate(state, action, reward, target, entry.value(), after, now);
    }
}
