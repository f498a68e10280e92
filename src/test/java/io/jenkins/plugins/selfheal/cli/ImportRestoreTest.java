package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.SeedData;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** import keeps the policy it replaces and refreshes rl_log.csv; restore brings a backup back, like the job page. */
class ImportRestoreTest {
    @TempDir
    Path dir;

    private static QTable table(Path policy) throws IOException {
        return new PolicyStore(policy, "p", Clock.systemUTC(), w -> { }).read().table();
    }

    private static List<String> backups(Path logs) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("policy.json.import-")).sorted().toList();
        }
    }

    @Test
    void importKeepsABackupRefreshesTheQTableLogAndRestoreBringsItBack() throws IOException {
        CliRun run = new CliRun(dir).run("y\n", "--fail-type", "crash", "--seed", "1");
        assertThat(run.logLines("rl_log.csv")).hasSize(2);
        QTable learned = table(run.policy());
        Path original = SeedData.copyInto("logs/rl_log.csv", dir.resolve("original"));

        run.run("", "import", "--policy", run.policy().toString(), original.toString());

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(backups(run.logs())).hasSize(1);
        String backup = backups(run.logs()).get(0);
        assertThat(run.stdout).contains("kept as " + backup, "refreshed " + run.logs().resolve("rl_log.csv"));
        assertThat(run.logLines("rl_log.csv")).hasSize(9);
        assertThat(table(run.policy()).states()).hasSize(8);

        run.run("", "restore", "--policy", run.policy().toString());
        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).contains(backup);

        run.run("", "restore", "--policy", run.policy().toString(), backup);

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(table(run.policy()).values("deployment_failure_DOWN")).isEqualTo(learned.values("deployment_failure_DOWN"));
        assertThat(table(run.policy()).states()).hasSize(1);
        assertThat(run.logLines("rl_log.csv")).hasSize(2);
        assertThat(backups(run.logs())).hasSize(2); // the 8-state policy is kept in turn
    }

    @Test
    void restoreOfAnUnknownBackupIsBadInput() throws IOException {
        CliRun run = new CliRun(dir).run("y\n", "--fail-type", "crash", "--seed", "1");
        byte[] policy = Files.readAllBytes(run.policy());

        run.run("", "restore", "--policy", run.policy().toString(), "../../etc/passwd");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("no backup named");
        assertThat(Files.readAllBytes(run.policy())).isEqualTo(policy);
    }

    @Test
    void theImportCommandARefusedRunNamesLetsTheNextRunGoAhead() throws IOException {
        CliRun run = new CliRun(dir);
        Path policy = dir.resolve("mine/policy.json");
        run.run("y\n", "--fail-type", "crash", "--seed", "1", "--policy", policy.toString());
        SeedData.copyLogsInto(run.logs());
        run.run("y\n", "--fail-type", "crash", "--seed", "1", "--policy", policy.toString());
        assertThat(run.exitCode).isEqualTo(2);
        String command = run.stderr.substring(run.stderr.indexOf('`') + 1, run.stderr.lastIndexOf('`'));

        run.run("", command.split(" "));
        assertThat(run.exitCode).as(run.stderr).isZero();
        run.run("y\n", "--fail-type", "crash", "--seed", "1", "--policy", policy.toString());

        assertThat(run.exitCode).as(run.stderr).isIn(0, 1);
        assertThat(table(policy).states()).hasSize(8);
        assertThat(run.logs().resolve("rl_log.csv.bak")).exists();
    }
}
