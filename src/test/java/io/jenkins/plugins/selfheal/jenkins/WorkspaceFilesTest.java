package io.jenkins.plugins.selfheal.jenkins;

import io.jenkins.plugins.selfheal.engine.detect.BuiltInRuleSets;
import io.jenkins.plugins.selfheal.engine.detect.InvalidRuleSetException;
import io.jenkins.plugins.selfheal.engine.detect.RuleSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code dataset} and {@code rules} are workspace paths: nothing outside it is ever read. */
class WorkspaceFilesTest {
    private static final String ORDERS = """
            {"name": "orders", "columns": [{"name": "amount", "type": "number", "max": 1000}]}""";

    @TempDir
    Path temp;
    private Path workspace;
    private Path outside;

    @BeforeEach
    void layout() throws Exception {
        workspace = Files.createDirectories(temp.resolve("workspace"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.csv"), "a\n1\n");
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/scores.csv"), "a\n1\n");
    }

    @Test
    void aRelativePathIsFoundInTheWorkspace() {
        assertThat(WorkspaceFiles.resolve(workspace, "dataset", "data/scores.csv"))
                .isEqualTo(workspace.toAbsolutePath().resolve("data/scores.csv"));
        assertThat(WorkspaceFiles.resolve(workspace, "dataset", " data/../data/./scores.csv "))
                .isEqualTo(workspace.toAbsolutePath().resolve("data/scores.csv"));
        // not there yet (the deployment may write it): still a workspace path
        assertThat(WorkspaceFiles.resolve(workspace, "dataset", "later/new.csv"))
                .isEqualTo(workspace.toAbsolutePath().resolve("later/new.csv"));
    }

    @Test
    void anAbsolutePathIsRefusedNamingTheField() {
        String absolute = outside.resolve("secret.csv").toString();
        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "dataset", absolute))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset: '" + absolute + "' is an absolute path; give a path inside the workspace");
        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "rules", "/etc/passwd"))
                .hasMessageStartingWith("rules: '/etc/passwd' is an absolute path");
    }

    @Test
    void dotDotOutOfTheWorkspaceIsRefused() {
        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "dataset", "../outside/secret.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset: '../outside/secret.csv' leads out of the workspace");
        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "dataset", "data/../../workspace2/x.csv"))
                .hasMessageContaining("leads out of the workspace");
        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "dataset", ".."))
                .hasMessageContaining("leads out of the workspace");
    }

    @Test
    void aSymbolicLinkOutOfTheWorkspaceIsRefused() throws Exception {
        Files.createSymbolicLink(workspace.resolve("link"), outside);
        Files.createSymbolicLink(workspace.resolve("secret.csv"), outside.resolve("secret.csv"));

        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "dataset", "link/secret.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset: 'link/secret.csv' leads out of the workspace through a symbolic link");
        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "dataset", "secret.csv"))
                .hasMessageContaining("through a symbolic link");
        // a file not there yet below a link out: still out
        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "dataset", "link/not-yet.csv"))
                .hasMessageContaining("through a symbolic link");
        // a link to nowhere: where it leads is unknown
        Files.createSymbolicLink(workspace.resolve("dangling"), temp.resolve("gone"));
        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "dataset", "dangling"))
                .hasMessageContaining("through a symbolic link");
    }

    @Test
    void aSymbolicLinkInsideTheWorkspaceIsFine() throws Exception {
        Files.createSymbolicLink(workspace.resolve("current"), workspace.resolve("data"));
        assertThat(WorkspaceFiles.resolve(workspace, "dataset", "current/scores.csv"))
                .isEqualTo(workspace.toAbsolutePath().resolve("current/scores.csv"));
    }

    @Test
    void aWorkspaceReachedThroughALinkIsItsOwnRoot() throws Exception {
        Path linked = Files.createSymbolicLink(temp.resolve("ws-link"), workspace);
        assertThat(WorkspaceFiles.resolve(linked, "dataset", "data/scores.csv")).endsWith(Path.of("data/scores.csv"));
    }

    @Test
    void anEmptyPathIsRefused() {
        assertThatThrownBy(() -> WorkspaceFiles.resolve(workspace, "dataset", "  "))
                .hasMessage("dataset: empty; give a path inside the workspace");
    }

    @Test
    void aRuleSetFileIsAWorkspacePathNotOneBesideTheDataSet() throws Exception {
        Path dataset = workspace.resolve("data/orders.csv");
        Files.writeString(workspace.resolve("data/orders.json"), ORDERS); // beside the data set only
        assertThatThrownBy(() -> WorkspaceFiles.ruleSet(workspace, dataset, "orders.json"))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining(workspace.resolve("orders.json").toString())
                .hasMessageContaining("does not exist");

        RuleSet rules = WorkspaceFiles.ruleSet(workspace, dataset, "data/orders.json");
        assertThat(rules.name()).isEqualTo("orders");
    }

    @Test
    void aRuleSetFileOutsideTheWorkspaceIsRefused() throws Exception {
        Files.writeString(outside.resolve("orders.json"), ORDERS);
        Path dataset = workspace.resolve("data/scores.csv");
        assertThatThrownBy(() -> WorkspaceFiles.ruleSet(workspace, dataset, outside.resolve("orders.json").toString()))
                .hasMessageStartingWith("rules: '").hasMessageContaining("is an absolute path");
        assertThatThrownBy(() -> WorkspaceFiles.ruleSet(workspace, dataset, "../outside/orders.json"))
                .hasMessage("rules: '../outside/orders.json' leads out of the workspace");
    }

    @Test
    void builtInRuleSetsAreFoundByIdOrByTheDataSetsName() {
        assertThat(WorkspaceFiles.ruleSet(workspace, workspace.resolve("x.csv"), "patient_health"))
                .isSameAs(BuiltInRuleSets.PATIENT_HEALTH);
        assertThat(WorkspaceFiles.ruleSet(workspace, workspace.resolve("data/student_scores.csv"), null))
                .isSameAs(BuiltInRuleSets.STUDENT_SCORES);
    }

    @Test
    void unknownRuleSetsAreNamedWithTheChoices() {
        assertThatThrownBy(() -> WorkspaceFiles.ruleSet(workspace, workspace.resolve("x/passwd"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rules: no built-in rule set matches passwd; name one (patient_health, student_scores) "
                        + "or the workspace path of a .json rule set file");
        assertThatThrownBy(() -> WorkspaceFiles.ruleSet(workspace, workspace.resolve("x.csv"), "no_such_rules"))
                .hasMessage("rules: unknown rule set 'no_such_rules': expected a built-in rule set (patient_health, "
                        + "student_scores) or the workspace path of a .json rule set file");
    }
}
