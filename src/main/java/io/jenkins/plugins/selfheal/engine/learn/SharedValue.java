package io.jenkins.plugins.selfheal.engine.learn;

import java.util.List;
import java.util.Locale;

/**
 * Where a cell's value came from when it is not the state's own alone ({@link Evidence}): the related
 * states of the same failure that learned about the action, how many updates they made, and how many
 * the state itself made (0: the action is untried here and the value is wholly theirs).
 *
 * @param states  the related states that tried the action, in table order; never empty
 * @param updates their updates of the action, together
 * @param own     the state's own updates of the action
 */
public record SharedValue(List<String> states, long updates, long own) {
    public SharedValue {
        states = List.copyOf(states);
        if (states.isEmpty()) {
            throw new IllegalArgumentException("a shared value names at least one related state");
        }
    }

    /** The most related states an explanation names; a table with many data anomalies adds "and N more". */
    static final int NAMED = 3;

    /** E.g. "valued from deployment_failure_DOWN, where it was learned from 2 tries; untried here". */
    public String describe() {
        String where = String.join(", ", states.subList(0, Math.min(NAMED, states.size())))
                + (states.size() > NAMED ? " and " + (states.size() - NAMED) + " more" : "");
        String learned = String.format(Locale.ROOT, "%s, where it was learned from %d tr%s", where, updates, updates == 1 ? "y" : "ies");
        return own == 0 ? "valued from " + learned + "; untried here"
                : String.format(Locale.ROOT, "valued from its %d tr%s here together with %s", own, own == 1 ? "y" : "ies", learned);
    }
}
