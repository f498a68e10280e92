package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * How the {@link LearningParameters.Learner#EVIDENCE} learner values a cell, so that few verdicts suffice:
 * <ul>
 *   <li><b>Averaging step.</b> A cell's update moves it by max(α, 1/(n+3)), n being its updates so far: the
 *       cell is the mean of its rewards and of its starting value counted as two observations. The first
 *       verdict moves it a third of the way to the reward instead of α (a tenth), so a state learns from
 *       one or two verdicts; a single wrong verdict among several moves it a little; once it has many, α
 *       keeps it following a system that changes.</li>
 *   <li><b>Shared within a failure.</b> An action never tried in a state (no update, no imported value) is
 *       valued by the mean of what the related states learned about it: the same failure with the other
 *       uptime status ({@code <failure>_UP} ↔ {@code _DOWN}), and for a data anomaly any data anomaly
 *       ({@code anomaly_*}), whichever data set's rules found it. The same failure usually needs the same
 *       remedy whether or not the service still answers; read live, one verdict in either state teaches
 *       the other until it has its own.</li>
 *   <li><b>A prior from the action's kind.</b> Escalating never heals (it hands over to a person), so an
 *       untried escalate starts at {@link #ESCALATE_PRIOR}: after every untried remedy, before a rejected one.</li>
 * </ul>
 * The {@link LearningParameters.Learner#CLASSIC} learner values a cell by what is stored and steps by α.
 */
public final class Evidence {
    /** Below an untried remedy (0), above a remedy rejected once (−1/3 with the default rewards). */
    public static final double ESCALATE_PRIOR = -0.25;
    /** The starting value's weight, in observations, in the averaging step. */
    static final int PRIOR_WEIGHT = 2;
    private static final String ANOMALY = "anomaly";

    private Evidence() {
    }

    /** The value greedy choices and updates use for the cell. */
    public static double value(QTable table, LearningParameters parameters, String state, ActionKind action) {
        QEntry own = table.entryOrInitial(state, action, parameters.initialValues());
        if (parameters.learner() == LearningParameters.Learner.CLASSIC || own.visits() > 0) {
            return own.value();
        }
        OptionalDouble related = relatives(table, state).map(s -> table.entry(s, action)).filter(e -> e.visits() > 0)
                .mapToDouble(QEntry::value).average();
        if (related.isPresent()) {
            return related.getAsDouble();
        }
        if (own.value() != 0.0) {
            return own.value(); // imported, or copied from the sibling when the row was added
        }
        return action == ActionKind.ESCALATE ? ESCALATE_PRIOR : 0.0;
    }

    /** The other known states of the state's family: its sibling, or for a data anomaly every known data anomaly. */
    private static Stream<String> relatives(QTable table, String state) {
        String family = familyOf(state);
        if (!family.equals(ANOMALY)) {
            return StateNames.sibling(state).filter(table::hasState).stream();
        }
        return table.states().stream().filter(s -> s.startsWith(ANOMALY + "_") && !s.equals(state) && familyOf(s).equals(ANOMALY));
    }

    /** Every action's value in the state, in catalogue order. */
    public static Map<ActionKind, Double> values(QTable table, LearningParameters parameters, String state) {
        Map<ActionKind, Double> values = new EnumMap<>(ActionKind.class);
        for (ActionKind action : ActionKind.values()) {
            values.put(action, value(table, parameters, state, action));
        }
        return values;
    }

    /** How far an update moves a cell that has {@code visits} updates so far. */
    public static double step(LearningParameters parameters, long visits) {
        return parameters.learner() == LearningParameters.Learner.CLASSIC ? parameters.alpha()
                : Math.max(parameters.alpha(), 1.0 / (visits + 1 + PRIOR_WEIGHT));
    }

    /**
     * The failure a state is about, without the uptime status; every data anomaly is one family:
     * {@code deployment_failure_DOWN} → {@code deployment_failure}, {@code anomaly_score_UP} → {@code anomaly}.
     * A name of another form is its own family.
     */
    public static String familyOf(String state) {
        String failure = StateNames.sibling(state).isPresent() ? state.substring(0, state.lastIndexOf('_')) : state;
        return failure.startsWith(ANOMALY + "_") ? ANOMALY : failure;
    }
}
