package io.jenkins.plugins.selfheal.engine.eval;

import java.util.Map;
import java.util.Optional;

/**
 * An off-policy evaluation of a candidate on recorded episodes, overall and per state.
 *
 * @param overall            every state together
 * @param perState           per initial state, in order of first appearance
 * @param healthy            recorded episodes without a failure (no decision to reweight)
 * @param withoutProbability episodes recorded without the probability of their actions: in the recorded
 *                           means, not in the candidate's estimate
 * @param confidence         the intervals' level, e.g. 0.95
 */
public record Evaluation(Metrics overall, Map<String, Metrics> perState, int healthy, int withoutProbability,
                         double confidence) {
    /**
     * One group of episodes: what was recorded (plain means) and the candidate's estimates (self-normalised
     * importance sampling); an estimate is empty when the candidate would never have taken the recorded
     * actions of any episode of the group, or none had a probability. MTTR counts healed episodes only.
     *
     * @param episodes      episodes in the group with an action and a reward
     * @param used          of them, those with recorded probabilities (the estimate's sample)
     * @param effectiveSize (Σw)² / Σw²: how many episodes the reweighted sample is worth
     */
    public record Metrics(int episodes, int used, double effectiveSize, double recordedReward, double recordedHealRate,
                          Optional<Double> recordedMttrMs, Optional<Estimate> reward, Optional<Estimate> healRate,
                          Optional<Estimate> mttrMs) {
    }
}
