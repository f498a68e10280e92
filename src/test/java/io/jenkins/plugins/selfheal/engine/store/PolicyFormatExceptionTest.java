package io.jenkins.plugins.selfheal.engine.store;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFormatExceptionTest {
    @Test
    void quotedLineBreaksAndControlCharactersStayOnOneLine() {
        assertThat(new PolicyFormatException("a.csv", "line 1", "bad 'x\r\ny\nz\u0007'").getMessage())
                .isEqualTo("a.csv: line 1: bad 'x\\ny\\nz?'");
        assertThat(new PolicyFormatException("a.json", "bad\r", new IllegalStateException()).getMessage()).isEqualTo("a.json: bad\\n");
    }

    @Test
    void anUnknownActionQuotedOverTwoLinesIsNamedInOneLine() {
        // found by Jazzer (InputsFuzzTest.importRlLog): a quoted header cell holding a line break
        String csv = ",\"retry_deploy\nment\",escalate\nstate_UP,1,2\n";
        assertThatThrownBy(() -> SeedQTableCsv.read(new StringReader(csv), "rl_log.csv"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessage("rl_log.csv: line 1, column 2: unknown action 'retry_deploy\\nment'; known actions: "
                        + "[retry_deployment, restore_previous_version, adjust_thresholds, restart_service, escalate]");
    }
}
