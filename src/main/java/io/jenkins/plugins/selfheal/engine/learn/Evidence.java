package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the {@link LearningParameters.Learner#EVIDENCE} learner values a cell, so that few verdicts suffice and
 * one wrong verdict does not undo them (the simulated reviewer is wrong one time in ten):
 * <ul>
 *   <li><b>Averaging step.</b> A cell's update moves it by max(α, 1/(n+3)), n being its updates so far: the
 *       cell is the mean of its rewards and of its starting value counted as two observations. The first
 *       verdict moves it a third of the way to the reward instead of α (a tenth), so a state learns from
 *       one or two verdicts; a single wrong verdict among several moves it a little; once it has many, α
 *       keeps it following a system that changes.</li>
 *   <li><b>Shared within a failure.</b> The related states are the same failure with the other uptime
 *       status ({@code <failure>_UP} ↔ {@code _DOWN}), and for a data anomaly any data anomaly
 *       ({@code anomaly_*}), whichever data set's rules found it: the same failure usually needs the same
 *       remedy whether or not the service still answers. An action never tried in a state (no update, no
 *       imported value) is valued by what the related states learned about it (their visit-weighted mean);
 *       a tried one by its own updates together with theirs, theirs counting as at most
 *       {@value #RELATED_WEIGHT} observations, so a state's own verdicts soon decide (a system where UP and
 *       DOWN need different remedies still learns that) while one wrong verdict in a state is outweighed by
 *       its relatives' agreeing ones. Read live: the stored cell is the state's own mean.</li>
 *   <li><b>A reject the outcome confirms.</b> A reviewer who rejects an action that did not heal either is
 *       far likelier right than one who rejects an action that healed (with the simulator's reviewer, wrong
 *       one time in ten, about 30:1 against 4:1), so the learner's target for it is
 *       {@value #CONFIRMED_REJECT} × the rejected reward (−3 with the default rewards, the mirror of an accepted
 *       heal's +3); a lone wrong accept of a wrong action is then undone by its next failed, rejected try instead of three rejects.
 *       The episode records the reward as the reward policy defines it; only the target differs.</li>
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

    /** What the related states learned about the action, counting it as at most this many observations. */
    static final int RELATED_WEIGHT = 2;
    /** A reject of an action that did not heal is learned as this many times the rejected reward. */
    public static final double CONFIRMED_REJECT = 3;

    /** The value greedy choices use for the cell: its own, shared with its related states as described above. */
    public static double value(QTable table, LearningParameters parameters, String state, ActionKind action) {
        QEntry own = table.entryOrInitial(state, action, parameters.initialValues());
        if (parameters.learner() == LearningParameters.Learner.CLASSIC) {
            return own.value();
        }
        List<QEntry> related = related(table, state, action).map(s -> table.entry(s, action)).toList();
        if (related.isEmpty()) {
            return own.visits() > 0 || own.value() != 0.0 ? own.value() // own, or imported, or copied from the sibling
                    : action == ActionKind.ESCALATE ? ESCALATE_PRIOR : 0.0;
        }
        double updates = related.stream().mapToDouble(QEntry::visits).sum();
        double theirs = related.stream().mapToDouble(e -> e.value() * e.visits()).sum() / updates;
        if (own.visits() == 0) {
            return theirs;
        }
        double weight = Math.min(updates, RELATED_WEIGHT);
        return (own.visits() * own.value() + weight * theirs) / (own.visits() + weight);
    }

    /** The value an update of the cell starts from: its own once it has one, else what {@link #value} gives. */
    static double startingValue(QTable table, LearningParameters parameters, String state, ActionKind action) {
        QEntry own = table.entryOrInitial(state, action, parameters.initialValues());
        return own.visits() > 0 ? own.value() : value(table, parameters, state, action);
    }

    /** Where the cell's value came from when related states contributed to it; empty for the classic learner. */
    public static Optional<SharedValue> sharedFrom(QTable table, LearningParameters parameters, String state, ActionKind action) {
        if (parameters.learner() == LearningParameters.Learner.CLASSIC) {
            return Optional.empty();
        }
        List<String> states = related(table, state, action).toList();
        if (states.isEmpty()) {
            return Optional.empty();
        }
        long updates = states.stream().mapToLong(s -> table.entry(s, action).visits()).sum();
        return Optional.of(new SharedValue(states, updates, table.entryOrInitial(state, action, parameters.initialValues()).visits()));
    }

    /** The related states that updated the action. */
    private static Stream<String> related(QTable table, String state, ActionKind action) {
        return relatives(table, state).filter(s -> table.entry(s, action).visits() > 0);
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
