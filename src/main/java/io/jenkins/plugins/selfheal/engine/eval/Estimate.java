package io.jenkins.plugins.selfheal.engine.eval;

import java.util.Locale;

/** A value with its confidence interval (bootstrap percentiles). */
public record Estimate(double value, double low, double high) {
    /** {@code 1.23 [0.98, 1.51]} with the given number format. */
    public String format(String number) {
        return String.format(Locale.ROOT, number + " [" + number + ", " + number + "]", value, low, high);
    }

    /** The same estimate divided by {@code divisor}, e.g. milliseconds as seconds. */
    public Estimate scaled(double divisor) {
        return new Estimate(value / divisor, low / divisor, high / divisor);
    }

    public boolean contains(double truth) {
        double slack = 1e-9 * Math.max(1, Math.abs(truth)); // a degenerate interval of a sum in another order
        return truth >= low - slack && truth <= high + slack;
    }
}
