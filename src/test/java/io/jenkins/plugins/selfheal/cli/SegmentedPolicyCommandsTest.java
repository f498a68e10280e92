package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.store.BulkHistory;
import io.jenkins.plugins.selfheal.engine.view.ViewFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** export, report and evaluate read a policy whose log is mostly in gzip segments as they read it whole. */
class SegmentedPolicyCommandsTest {
    private static final int EPISODES = 3000;

    @TempDir
    Path dir;

    /** The same history, once with segments of 64 KiB and once all in the hot file. */
    private Path write(String folder, long segmentBytes) throws IOException {
        Path policy = dir.resolve(folder).resolve("policy.json");
        QTable table = new QTable();
        String[] states = {"crash_DOWN", "latency_issue_UP", "deployment_failure_DOWN"};
        List<Episode> episodes = IntStream.range(0, EPISODES).mapToObj(n -> {
            String state = states[n % 3];
            ActionKind action = ActionKind.values()[n % 5];
            double reward = n % 4 == 0 ? -1 : 3;
            table.put(state, action, ViewFixtures.visited(reward, n + 1));
            return ViewFixtures.episode(n, "gen-1", state, action.id(), n % 4 == 0 ? "failed" : "healed",
                    n % 3 == 0 ? "accepted" : null, reward, 1000L + n, null,
                    List.of(new QUpdate(state, action, reward, reward, 0, reward, ViewFixtures.T0)));
        }).toList();
        BulkHistory.write(policy, ViewFixtures.policy(table, 0), episodes.iterator(), segmentBytes);
        return policy;
    }

    @Test
    void theCommandsReadTheSegmentsAsIfTheLogWereWhole() throws IOException {
        Path segmented = write("segmented", 64 * 1024);
        Path whole = write("whole", Long.MAX_VALUE);
        assertThat(segmented.resolveSibling("policy.episodes.000003.jsonl.gz")).exists();
        assertThat(Files.size(segmented.resolveSibling("policy.episodes.jsonl"))).isLessThan(70 * 1024);
        CliRun cli = new CliRun(dir);

        for (String command : List.of("export", "evaluate")) {
            List<String> args = command.equals("export") ? List.of() : List.of("--epsilon", "0.3", "--resamples", "50");
            String[] outputs = new String[2];
            for (Path policy : List.of(segmented, whole)) {
                List<String> all = new java.util.ArrayList<>(List.of(command, "--policy", policy.toString()));
                all.addAll(args);
                cli.run("", all.toArray(String[]::new));
                assertThat(cli.exitCode).as(cli.stderr).isZero();
                assertThat(cli.stderr).isEmpty();
                outputs[policy == segmented ? 0 : 1] = cli.stdout.replace(policy.toString(), "POLICY");
            }
            assertThat(outputs[0]).as(command).isEqualTo(outputs[1]);
        }
        assertThat(cli.stdout).containsPattern("overall +" + EPISODES + " ");

        String[] reports = new String[2];
        for (Path policy : List.of(segmented, whole)) {
            Path out = dir.resolve(policy.getParent().getFileName() + ".html");
            cli.run("", "report", "--policy", policy.toString(), "--out", out.toString());
            assertThat(cli.exitCode).as(cli.stderr).isZero();
            reports[policy == segmented ? 0 : 1] = Files.readString(out).replace(policy.getParent().toString(), "FOLDER");
        }
        assertThat(reports[0]).containsPattern("\"total\" ?: ?" + EPISODES + "\\b").isEqualTo(reports[1]);
    }

    @Test
    void aMissingSegmentIsOneLineNamingIt() throws IOException {
        Path segmented = write("segmented", 64 * 1024);
        Files.delete(segmented.resolveSibling("policy.episodes.000002.jsonl.gz"));
        CliRun cli = new CliRun(dir);

        cli.run("", "evaluate", "--policy", segmented.toString(), "--epsilon", "0.3", "--resamples", "50");

        assertThat(cli.exitCode).isNotZero();
        assertThat(cli.stderr.lines()).singleElement().asString().startsWith("self-heal: ")
                .contains("policy.episodes.000002.jsonl.gz is missing");
    }
}
