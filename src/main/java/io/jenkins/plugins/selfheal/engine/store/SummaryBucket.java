package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeStatus;

import java.time.Duration;

/**
 * A run of consecutive episodes of {@link HistorySummary}'s bounded series: sums, so two neighbours
 * merge exactly and the charts get a mean and a spread per bucket however long the history is.
 *
 * @param first the 1-based index of its first episode (since the last reset or import)
 * @param from  the time of its first episode, {@code to} of its last (ISO-8601)
 */
public record SummaryBucket(long first, long count, String from, String to, double rewardSum, double rewardSquares,
                            double rewardMin, double rewardMax, long accepted, long judged, long healed,
                            long healedWithTime, double healTimeSum, long failures, long up, long down) {

    static SummaryBucket of(long index, Episode episode) {
        return new SummaryBucket(index, 0, episode.at().toString(), episode.at().toString(), 0, 0,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, 0, 0, 0, 0, 0, 0).plus(episode);
    }

    /** This bucket with one more episode. */
    SummaryBucket plus(Episode episode) {
        double reward = episode.reward();
        boolean healedNow = episode.outcome() == Outcome.HEALED;
        long heal = healedNow ? episode.timeToHeal().map(Duration::toMillis).orElse(-1L) : -1L;
        boolean down = HistorySummary.uptimeOf(episode) == UptimeStatus.DOWN;
        return new SummaryBucket(first, count + 1, from, episode.at().toString(), rewardSum + reward,
                rewardSquares + reward * reward, Math.min(rewardMin, reward), Math.max(rewardMax, reward),
                accepted + (episode.verdict() == io.jenkins.plugins.selfheal.engine.learn.Verdict.ACCEPTED ? 1 : 0),
                judged + (episode.verdict().judged() ? 1 : 0), healed + (healedNow ? 1 : 0),
                healedWithTime + (heal >= 0 ? 1 : 0), healTimeSum + Math.max(heal, 0),
                failures + (episode.heal().initial().finding().isPresent() ? 1 : 0), up + (down ? 0 : 1),
                this.down + (down ? 1 : 0));
    }

    /** This bucket followed by {@code next}, as one. */
    SummaryBucket merge(SummaryBucket next) {
        return new SummaryBucket(first, count + next.count, from, next.to, rewardSum + next.rewardSum,
                rewardSquares + next.rewardSquares, Math.min(rewardMin, next.rewardMin), Math.max(rewardMax, next.rewardMax),
                accepted + next.accepted, judged + next.judged, healed + next.healed, healedWithTime + next.healedWithTime,
                healTimeSum + next.healTimeSum, failures + next.failures, up + next.up, down + next.down);
    }

    public double rewardMean() {
        return count == 0 ? 0 : rewardSum / count;
    }

    /** The standard deviation of the rewards in the bucket (0 for one episode). */
    public double rewardSpread() {
        if (count < 2) {
            return 0;
        }
        double mean = rewardMean();
        return Math.sqrt(Math.max(0, rewardSquares / count - mean * mean));
    }
}
