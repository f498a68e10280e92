package io.jenkins.plugins.selfheal.engine.autonomy;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class ConfidenceTest {
    @Test
    void theWilsonLowerBoundMatchesKnownValues() {
        assertThat(Confidence.wilsonLowerBound(0, 0)).isZero();
        assertThat(Confidence.wilsonLowerBound(1, 1)).isCloseTo(0.2065, offset(1e-4));
        assertThat(Confidence.wilsonLowerBound(10, 10)).isCloseTo(0.7225, offset(1e-4));
        assertThat(Confidence.wilsonLowerBound(8, 10)).isCloseTo(0.4902, offset(1e-4));
        assertThat(Confidence.wilsonLowerBound(0, 5)).isZero();
    }

    @Test
    void sixteenAcceptsReachTheDefaultThresholdFifteenDoNot() {
        assertThat(Confidence.wilsonLowerBound(15, 15)).isLessThan(AutonomyGate.DEFAULT_THRESHOLD);
        assertThat(Confidence.wilsonLowerBound(16, 16)).isGreaterThanOrEqualTo(AutonomyGate.DEFAULT_THRESHOLD);
    }

    @Test
    void oneRejectLowersItAtOnce() {
        double before = Confidence.wilsonLowerBound(20, 20);
        double after = Confidence.wilsonLowerBound(20, 21);
        assertThat(after).isLessThan(before);
        assertThat(before).isGreaterThan(0.8);
        assertThat(after).isLessThan(0.8);
    }

    @Test
    void itDescribesItselfInWords() {
        Confidence c = Confidence.of("deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT, new Judgement(10, 0));
        assertThat(c.describe()).isEqualTo("0.72 (retry_deployment in deployment_failure_DOWN: 10 accepted, 0 rejected)");
    }
}
