package io.jenkins.plugins.selfheal.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.store.PolicyFormatException;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job page's operations: which permission each needs, confirmation, validation, backups. */
class PolicyAdminTest {
    @TempDir
    Path dir;

    private final List<PolicyAdmin.Operation> asked = new ArrayList<>();

    private PolicyStore store() throws Exception {
        PolicyStore store = new PolicyStore(dir.resolve("policy.json"), "job", Clock.systemUTC(), w -> { });
        store.update(p -> {
            p.table().put("deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT, new QEntry(0.7, 3, Optional.empty()));
            return null;
        });
        return store;
    }

    /** Grants only the given operations, remembering what was asked. */
    private PolicyAdmin admin(PolicyStore store, Set<PolicyAdmin.Operation> granted) {
        return new PolicyAdmin(store, op -> {
            asked.add(op);
            if (!granted.contains(op)) {
                throw new SecurityException("denied: " + op);
            }
        });
    }

    @Test
    void viewingNeedsOnlyView() throws Exception {
        PolicyAdmin admin = admin(store(), EnumSet.of(PolicyAdmin.Operation.VIEW));

        JsonNode view = PolicyJson.MAPPER.readTree(admin.viewJson());
        JsonNode policy = PolicyJson.MAPPER.readTree(admin.policyJson());

        assertThat(view.get("states").get(0).get("state").asText()).isEqualTo("deployment_failure_DOWN");
        assertThat(policy.get("format").asText()).isEqualTo("self-heal-policy");
        assertThat(asked).containsOnly(PolicyAdmin.Operation.VIEW);
    }

    @Test
    void resetImportAndRestoreAreRefusedWithoutTheirPermissionAndChangeNothing() throws Exception {
        PolicyStore store = store();
        byte[] before = Files.readAllBytes(store.policyFile());
        PolicyAdmin viewer = admin(store, EnumSet.of(PolicyAdmin.Operation.VIEW));

        assertThatThrownBy(() -> viewer.reset("eve", true)).hasMessage("denied: RESET");
        assertThatThrownBy(() -> viewer.importJson(new String(store.export(), StandardCharsets.UTF_8), "eve"))
                .hasMessage("denied: IMPORT");
        assertThatThrownBy(() -> viewer.restore("anything", "eve")).hasMessage("denied: RESTORE");
        assertThat(Files.readAllBytes(store.policyFile())).isEqualTo(before);
    }

    @Test
    void onlyViewingIsAllowedWithReadAlone() {
        assertThat(EnumSet.allOf(PolicyAdmin.Operation.class)).filteredOn(op -> !op.needsConfigure())
                .containsExactly(PolicyAdmin.Operation.VIEW);
    }

    @Test
    void resetNeedsTheConfirmationAndKeepsARestorableBackup() throws Exception {
        PolicyStore store = store();
        PolicyAdmin admin = admin(store, EnumSet.allOf(PolicyAdmin.Operation.class));

        assertThatThrownBy(() -> admin.reset("alice", false)).hasMessageStartingWith("confirm:");
        assertThat(store.read().table().value("deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT)).isEqualTo(0.7);

        admin.reset("alice", true);
        assertThat(store.read().table().states()).isEmpty();
        List<String> backups = admin.backups();
        assertThat(backups).hasSize(1);

        admin.restore(backups.get(0), "alice");
        assertThat(store.read().table().value("deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT)).isEqualTo(0.7);
    }

    @Test
    void restoreAcceptsOnlyTheNamesOfItsBackups() throws Exception {
        PolicyAdmin admin = admin(store(), EnumSet.allOf(PolicyAdmin.Operation.class));

        assertThatThrownBy(() -> admin.restore("../../secrets.json", "alice")).hasMessageStartingWith("backup: no backup named");
    }

    @Test
    void importIsValidatedAndABadFileChangesNothing() throws Exception {
        PolicyStore store = store();
        byte[] before = Files.readAllBytes(store.policyFile());
        PolicyAdmin admin = admin(store, EnumSet.allOf(PolicyAdmin.Operation.class));

        assertThatThrownBy(() -> admin.importJson("  ", "alice")).hasMessageStartingWith("policy:");
        assertThatThrownBy(() -> admin.importJson("{\"format\":\"self-heal-policy\",\"version\":1,\"states\":{\"s_UP\":"
                + "{\"retry_deployment\":{\"q\":\"high\"}}}}", "alice"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("uploaded policy").hasMessageContaining("q");
        assertThat(Files.readAllBytes(store.policyFile())).isEqualTo(before);

        String other = "{\"format\":\"self-heal-policy\",\"version\":1,\"states\":{\"latency_issue_UP\":"
                + "{\"adjust_thresholds\":{\"q\":2.5,\"visits\":4}}}}";
        admin.importJson(other, "alice");
        assertThat(store.read().table().value("latency_issue_UP", ActionKind.ADJUST_THRESHOLDS)).isEqualTo(2.5);
    }
}
