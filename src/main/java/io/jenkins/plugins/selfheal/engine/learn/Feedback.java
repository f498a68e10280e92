package io.jenkins.plugins.selfheal.engine.learn;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;

import java.util.Objects;

/** What the person reviewing a decision said about it: the main learning signal. */
public sealed interface Feedback {
    /** The verdict it gives (never {@link Verdict#PENDING}). */
    Verdict verdict();

    record Accepted() implements Feedback {
        @Override
        public Verdict verdict() {
            return Verdict.ACCEPTED;
        }
    }

    record Rejected() implements Feedback {
        @Override
        public Verdict verdict() {
            return Verdict.REJECTED;
        }
    }

    /** "The right action was {@code better}": the chosen one counts as rejected, {@code better} as accepted. */
    record Overridden(ActionKind better) implements Feedback {
        public Overridden {
            Objects.requireNonNull(better, "better");
        }

        @Override
        public Verdict verdict() {
            return Verdict.OVERRIDE;
        }
    }

    /** No verdict: nobody was asked, nobody answered in time, or the input ended. */
    record None(String why) implements Feedback {
        public None {
            why = why == null ? "" : why;
        }

        @Override
        public Verdict verdict() {
            return Verdict.NONE;
        }
    }

    static Feedback accepted() {
        return new Accepted();
    }

    static Feedback rejected() {
        return new Rejected();
    }

    static Feedback none(String why) {
        return new None(why);
    }
}
