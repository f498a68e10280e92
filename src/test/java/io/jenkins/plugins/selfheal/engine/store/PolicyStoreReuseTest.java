package io.jenkins.plugins.selfheal.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store reuses the policy it saved only while the file still holds exactly what it saved. */
class PolicyStoreReuseTest {
    private static final String STATE = "deployment_failure_DOWN";

    @TempDir
    Path dir;

    @Test
    void aChangeByAnotherStoreIsSeen() throws IOException {
        PolicyStore mine = store();
        PolicyStore other = store();
        mine.update(policy -> bump(policy, ActionKind.RETRY_DEPLOYMENT));
        other.update(policy -> bump(policy, ActionKind.ESCALATE));
        mine.update(policy -> bump(policy, ActionKind.RETRY_DEPLOYMENT));
        Policy saved = store().read();
        assertThat(saved.table().entry(STATE, ActionKind.RETRY_DEPLOYMENT).visits()).isEqualTo(2);
        assertThat(saved.table().entry(STATE, ActionKind.ESCALATE).visits()).isEqualTo(1);
    }

    @Test
    void aFileEditedByHandIsSeen() throws IOException {
        PolicyStore mine = store();
        mine.update(policy -> bump(policy, ActionKind.RETRY_DEPLOYMENT));
        Path file = mine.policyFile();
        Files.writeString(file, Files.readString(file).replace("\"visits\":1,", "\"visits\":7,"));
        mine.update(policy -> bump(policy, ActionKind.RETRY_DEPLOYMENT));
        assertThat(store().read().table().entry(STATE, ActionKind.RETRY_DEPLOYMENT).visits()).isEqualTo(8);
    }

    @Test
    void aPolicyHandedOutAndChangedLaterDoesNotLeakIntoTheNextUpdate() throws IOException {
        PolicyStore mine = store();
        Policy handedOut = mine.update(policy -> {
            bump(policy, ActionKind.RETRY_DEPLOYMENT);
            return policy;
        });
        handedOut.table().put(STATE, ActionKind.RETRY_DEPLOYMENT, new QEntry(99, 99, Optional.empty()));
        mine.update(policy -> bump(policy, ActionKind.RETRY_DEPLOYMENT));
        assertThat(store().read().table().entry(STATE, ActionKind.RETRY_DEPLOYMENT).visits()).isEqualTo(2);
    }

    @Test
    void aChangeThatFailsHalfWayLeavesNoTrace() throws IOException {
        PolicyStore mine = store();
        mine.update(policy -> bump(policy, ActionKind.RETRY_DEPLOYMENT));
        assertThatThrownBy(() -> mine.update(policy -> {
            bump(policy, ActionKind.RETRY_DEPLOYMENT);
            throw new IOException("refused");
        })).hasMessage("refused");
        mine.update(policy -> bump(policy, ActionKind.ESCALATE));
        Policy saved = store().read();
        assertThat(saved.table().entry(STATE, ActionKind.RETRY_DEPLOYMENT).visits()).isEqualTo(1);
        assertThat(saved.table().entry(STATE, ActionKind.ESCALATE).visits()).isEqualTo(1);
    }

    private static Policy bump(Policy policy, ActionKind action) {
        QEntry entry = policy.table().entry(STATE, action);
        policy.table().put(STATE, action, new QEntry(entry.value() + 1, entry.visits() + 1, Optional.of(Instant.EPOCH)));
        return policy;
    }

    private PolicyStore store() {
        return new PolicyStore(dir.resolve("policy.json"), "job", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), w -> { });
    }
}
