package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.SeedData;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A logs folder the original simulation wrote: its Q-table is adopted or the run refuses; never lost. */
class OriginalLogsTest {
    @TempDir
    Path dir;

    private static QTable table(Path policy) throws IOException {
        return new PolicyStore(policy, "p", Clock.systemUTC(), w -> { }).read().table();
    }

    @Test
    void aNewPolicyStartsFromTheOriginalsQTableAndKeepsItsFile() throws IOException {
        CliRun run = new CliRun(dir);
        SeedData.copyLogsInto(run.logs());
        byte[] original = Files.readAllBytes(run.logs().resolve("rl_log.csv"));

        run.run("y\n", "--fail-type", "crash", "--seed", "1");

        assertThat(run.exitCode).as(run.stderr).isIn(0, 1);
        assertThat(run.stdout).contains("holds a Q-table this CLI did not write: imported its 8 states");
        QTable table = table(run.policy());
        assertThat(table.states()).hasSize(8);
        assertThat(table.value("latency_issue_DOWN", ActionKind.ADJUST_THRESHOLDS)).isEqualTo(0.5700000000000001);
        assertThat(table.value("deployment_failure_UP", ActionKind.RESTORE_PREVIOUS_VERSION)).isEqualTo(-0.19);
        assertThat(Files.readAllBytes(run.logs().resolve("rl_log.csv.bak"))).isEqualTo(original);
        List<String> rewritten = run.logLines("rl_log.csv");
        assertThat(rewritten).hasSize(9).anyMatch(l -> l.startsWith("latency_issue_DOWN,-0.1,-0.1,0.57"));

        // the rewritten file is ours now: the next run neither imports nor refuses
        run.run("y\n", "--fail-type", "crash", "--seed", "2");
        assertThat(run.exitCode).as(run.stderr).isIn(0, 1);
        assertThat(run.stdout).doesNotContain("did not write");
    }

    @Test
    void anExistingPolicyNextToTheOriginalsQTableIsRefusedWithTheImportCommand() throws IOException {
        CliRun run = new CliRun(dir);
        Path policy = dir.resolve("mine/policy.json");
        run.run("y\n", "--fail-type", "crash", "--seed", "1", "--policy", policy.toString());
        assertThat(run.exitCode).isIn(0, 1);
        SeedData.copyLogsInto(run.logs());
        byte[] originalTable = Files.readAllBytes(run.logs().resolve("rl_log.csv"));
        byte[] data = Files.readAllBytes(run.dataset("student_scores.csv"));
        byte[] policyBytes = Files.readAllBytes(policy);

        run.run("y\n", "--fail-type", "crash", "--seed", "1", "--policy", policy.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("rl_log.csv holds a Q-table this CLI did not write (8 states",
                "import --policy " + policy);
        assertThat(Files.readAllBytes(run.logs().resolve("rl_log.csv"))).isEqualTo(originalTable);
        assertThat(Files.readAllBytes(run.dataset("student_scores.csv"))).isEqualTo(data);
        assertThat(Files.readAllBytes(policy)).isEqualTo(policyBytes);
    }

    @Test
    void theMasterLogIsWrittenWithTheOriginalsColumnsAndEvents() throws IOException {
        CliRun run = new CliRun(dir);
        SeedData.copyLogsInto(run.logs());
        int before = run.logLines("master_log.csv").size();

        run.run("y\n", "--fail-type", "crash", "--seed", "1");

        List<String> master = run.logLines("master_log.csv");
        assertThat(master.get(0)).isEqualTo("timestamp,event_type,dataset,status,details");
        List<String> added = master.subList(before, master.size());
        String data = run.dataset("student_scores.csv").toString();
        assertThat(added.get(0)).contains(",Deployment," + data + ",failure,Response time: 2000.00 ms");
        assertThat(added.get(1)).contains(",Post-Deploy Issue," + data + ",deployment_failure,");
        assertThat(added).anyMatch(l -> l.matches(".*,Healing \\([a-z_]+\\)," + java.util.regex.Pattern.quote(data)
                + ",(success|failure),[0-9.]+ ms"));
    }
}
