package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.autonomy.Autonomy;
import io.jenkins.plugins.selfheal.engine.autonomy.HealMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutonomyParametersTest {
    private static final AutonomyParameters.Defaults OFF = AutonomyParameters.DEFAULTS_ONLY;
    private static final AutonomyParameters.Defaults ALLOWED = new AutonomyParameters.Defaults("confident", 0.9, 4, 15, true, false);

    @Test
    void simulateNeedsTheAdministratorsSwitch() {
        assertThatThrownBy(() -> AutonomyParameters.resolve(null, null, null, null, null, true, OFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("simulate: injected failures are off on this Jenkins; an administrator can allow them in "
                        + "Manage Jenkins » System » Self-Heal: autonomy and simulation");
        assertThat(AutonomyParameters.resolve(null, null, null, null, null, true, ALLOWED).learnFromSimulated()).isFalse();
    }

    @Test
    void aJobsOwnSettingsOverrideTheGlobalDefaults() {
        AutonomyParameters inherited = AutonomyParameters.resolve(null, null, null, null, null, false, ALLOWED);
        assertThat(inherited.gate().autonomy()).isEqualTo(Autonomy.CONFIDENT);
        assertThat(inherited.gate().threshold()).isEqualTo(0.9);
        assertThat(inherited.budget().maxPerHour()).isEqualTo(4);
        assertThat(inherited.budget().coolDown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(inherited.mode()).isEqualTo(HealMode.ACT);

        AutonomyParameters own = AutonomyParameters.resolve("auto", 0.5, 0, 0, "shadow", false, ALLOWED);
        assertThat(own.gate().autonomy()).isEqualTo(Autonomy.AUTO);
        assertThat(own.gate().threshold()).isEqualTo(0.5);
        assertThat(own.budget().maxPerHour()).isZero();
        assertThat(own.shadow()).isTrue();
    }

    @Test
    void theDefaultIsTodaysBehaviour() {
        AutonomyParameters p = AutonomyParameters.resolve(null, null, null, null, " ", false, OFF);
        assertThat(p.gate().autonomy()).isEqualTo(Autonomy.ASK);
        assertThat(p.shadow()).isFalse();
        assertThat(p.budget().maxPerHour()).isZero();
        HealParameters old = new HealParameters("rl", null, 1, null, null, null, null, null, 1, "wait", 1, null);
        assertThat(old.autonomy().gate().autonomy()).isEqualTo(Autonomy.ASK);
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> AutonomyParameters.resolve("sometimes", null, null, null, null, false, OFF))
                .hasMessageStartingWith("autonomy: expected ask, confident, auto");
        assertThatThrownBy(() -> AutonomyParameters.resolve(null, 1.2, null, null, null, false, OFF))
                .hasMessageStartingWith("confidenceThreshold:");
        assertThatThrownBy(() -> AutonomyParameters.resolve(null, null, -1, null, null, false, OFF))
                .hasMessageStartingWith("maxHealsPerHour:");
        assertThatThrownBy(() -> AutonomyParameters.resolve(null, null, null, -3, null, false, OFF))
                .hasMessageStartingWith("coolDownMinutes:");
        assertThatThrownBy(() -> AutonomyParameters.resolve(null, null, null, null, "dry-run", false, OFF))
                .hasMessageStartingWith("mode: expected act or shadow");
    }

    @Test
    void theySurviveThePipelinesSerialisation() throws Exception {
        HealParameters p = new HealParameters("rl", null, 1, null, null, null, null, null, 1, "wait", 1, "crash",
                AutonomyParameters.resolve("confident", 0.6, 3, 10, "shadow", true, ALLOWED));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        HealParameters back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (HealParameters) in.readObject();
        }
        assertThat(back.autonomy().gate().threshold()).isEqualTo(0.6);
        assertThat(back.autonomy().budget().maxPerHour()).isEqualTo(3);
        assertThat(back.autonomy().shadow()).isTrue();
    }
}
