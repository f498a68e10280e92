package io.jenkins.plugins.selfheal.engine.autonomy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A job's caps on healing: at most {@code maxPerHour} heals (episodes in which an action ran) in any
 * hour, and a cool-down after a heal that failed. A refused heal still detects and chooses, runs
 * nothing, and says why.
 *
 * @param maxPerHour 0 for no cap
 * @param coolDown   {@link Duration#ZERO} for none
 */
public record HealBudget(int maxPerHour, Duration coolDown) {
    public static final HealBudget UNLIMITED = new HealBudget(0, Duration.ZERO);
    static final Duration HOUR = Duration.ofHours(1);

    public HealBudget {
        if (maxPerHour < 0) {
            throw new IllegalArgumentException("maxHealsPerHour: must be 0 (no cap) or more, was " + maxPerHour);
        }
        if (coolDown.isNegative()) {
            throw new IllegalArgumentException("coolDownMinutes: must be 0 (none) or more, was " + coolDown.toMinutes());
        }
    }

    public static HealBudget of(int maxPerHour, int coolDownMinutes) {
        if (coolDownMinutes < 0) {
            throw new IllegalArgumentException("coolDownMinutes: must be 0 (none) or more, was " + coolDownMinutes);
        }
        return new HealBudget(maxPerHour, Duration.ofMinutes(coolDownMinutes));
    }

    /**
     * Why a heal starting {@code now} is refused, if it is.
     *
     * @param heals      when earlier heals ran (any order; older than an hour are ignored)
     * @param lastFailed when the last failed heal ended
     */
    public Optional<String> refusal(List<Instant> heals, Optional<Instant> lastFailed, Instant now) {
        if (!coolDown.isZero() && lastFailed.isPresent()) {
            Instant until = lastFailed.get().plus(coolDown);
            if (now.isBefore(until)) {
                return Optional.of("heal refused: cooling down after a failed heal at " + lastFailed.get() + " until " + until
                        + " (coolDownMinutes " + coolDown.toMinutes() + ")");
            }
        }
        if (maxPerHour > 0) {
            long lastHour = heals.stream().filter(at -> at.isAfter(now.minus(HOUR)) && !at.isAfter(now)).count();
            if (lastHour >= maxPerHour) {
                return Optional.of("heal refused: " + lastHour + " heal(s) in the last hour, at most " + maxPerHour
                        + " allowed (maxHealsPerHour)");
            }
        }
        return Optional.empty();
    }
}
