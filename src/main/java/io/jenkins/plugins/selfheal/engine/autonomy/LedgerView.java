package io.jenkins.plugins.selfheal.engine.autonomy;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The job page's autonomy facts: per state, its greedy action, the confidence in it and whether
 * {@code confident} would act alone; shadow agreement per state and per day; simulated episodes.
 */
public final class LedgerView {
    /** One state of the policy: its greedy action (over every action: the page knows no job's masks) and the gate's view. */
    public record StateRow(String state, ActionKind greedy, Confidence confidence, boolean actsAlone) {
    }

    /** Agreement with shadow decisions: {@code key} is a state or an ISO day. */
    public record Agreement(String key, long agreed, long total) {
        public double rate() {
            return total == 0 ? 0.0 : (double) agreed / total;
        }
    }

    private final LedgerData data;
    private final boolean sameGeneration;

    LedgerView(LedgerData data, String generation) {
        this.data = data;
        this.sameGeneration = generation.equals(data.generation());
    }

    public List<StateRow> states(QTable table, LearningParameters parameters, double threshold) {
        List<ActionKind> all = Arrays.asList(ActionKind.values());
        return Stream.concat(table.states().stream(), judgements().keySet().stream()).distinct().map(state -> {
            ActionKind greedy = QLearningPlanner.greedy(table, parameters, state, all);
            Judgement counts = judgements().getOrDefault(state, Map.of()).getOrDefault(greedy.id(), Judgement.NONE);
            Confidence confidence = Confidence.of(state, greedy, counts);
            return new StateRow(state, greedy, confidence, confidence.lowerBound() >= threshold);
        }).toList();
    }

    /** The gate the job's last heal ran under, if the ledger holds a valid one (an edited file falls back to none). */
    public Optional<AutonomyGate.Settings> lastSettings() {
        LedgerData.UsedSettings used = data.lastSettings();
        if (used == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AutonomyGate.Settings(Autonomy.parse(used.autonomy()), used.threshold()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public List<Agreement> shadowByState() {
        return agreements(sameGeneration ? data.shadowByState() : Map.of());
    }

    public List<Agreement> shadowByDay() {
        return agreements(sameGeneration ? data.shadowByDay() : Map.of());
    }

    public long simulatedLearned() {
        return data.simulatedLearned();
    }

    public long simulatedNotLearned() {
        return data.simulatedNotLearned();
    }

    public Optional<java.time.Instant> lastFailedHeal() {
        return Optional.ofNullable(data.lastFailedHeal()).map(java.time.Instant::ofEpochMilli);
    }

    private Map<String, Map<String, Judgement>> judgements() {
        return sameGeneration ? data.judgements() : Map.of();
    }

    private static List<Agreement> agreements(Map<String, Judgement> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Agreement(e.getKey(), e.getValue().accepted(), e.getValue().total())).toList();
    }
}
