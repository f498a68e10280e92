package io.jenkins.plugins.selfheal.engine.autonomy;

import java.util.List;
import java.util.Map;

/**
 * What {@link AutonomyLedger} keeps on disk ({@code autonomy.json}): verdict counts per state and
 * action and shadow agreement, both for one policy generation (a reset or an import starts them over),
 * the heals of the last hour and the last failed heal (about the deployment, so kept across resets),
 * and how many simulated episodes were learned or not.
 *
 * @param judgements     state → action id → verdicts
 * @param shadowByState  state → agreed (accepted) / disagreed
 * @param shadowByDay    ISO date (UTC) → agreed / disagreed
 * @param heals          epoch milliseconds of heals in which an action ran (the last hour's)
 * @param lastFailedHeal epoch milliseconds of the last failed heal, or null
 * @param lastSettings   the autonomy settings of the job's last heal that ran, or null (a ledger from before them)
 */
record LedgerData(String generation, Map<String, Map<String, Judgement>> judgements, Map<String, Judgement> shadowByState,
                  Map<String, Judgement> shadowByDay, List<Long> heals, Long lastFailedHeal, long simulatedLearned,
                  long simulatedNotLearned, UsedSettings lastSettings) {
    LedgerData {
        judgements = judgements == null ? Map.of() : judgements;
        shadowByState = shadowByState == null ? Map.of() : shadowByState;
        shadowByDay = shadowByDay == null ? Map.of() : shadowByDay;
        heals = heals == null ? List.of() : heals;
    }

    static LedgerData empty(String generation) {
        return new LedgerData(generation, Map.of(), Map.of(), Map.of(), List.of(), null, 0, 0, null);
    }

    /** The gate a heal ran under: the step's or post-build action's {@code autonomy} and threshold, and when. */
    record UsedSettings(String autonomy, double threshold, long at) {
    }
}
