package io.jenkins.plugins.selfheal.engine.autonomy;

/** People's verdicts on one action in one state: accepted (or named by an override) and rejected (or overridden). */
public record Judgement(long accepted, long rejected) {
    public static final Judgement NONE = new Judgement(0, 0);

    public Judgement {
        if (accepted < 0 || rejected < 0) {
            throw new IllegalArgumentException("judgement counts must not be negative: " + accepted + "/" + rejected);
        }
    }

    public Judgement plus(boolean accept) {
        return accept ? new Judgement(accepted + 1, rejected) : new Judgement(accepted, rejected + 1);
    }

    public long total() {
        return accepted + rejected;
    }
}
