package io.jenkins.plugins.selfheal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.selfheal.engine.store.PolicyJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulation records simulated time: a heal takes what its actions say they took, not the CPU's milliseconds. */
class SimulatedTimeTest {
    @TempDir
    Path dir;

    @Test
    void timeToHealIsTheSimulatedDurationOfTheActions() throws IOException {
        CliRun run = new CliRun(dir);
        Path table = dir.resolve("prefer.csv");
        Files.writeString(table, ",restart_service,restore_previous_version\ndeployment_failure_DOWN,2.0,1.0\n");
        run.run("", "import", "--policy", run.policy().toString(), table.toString());

        run.run("y\n", "--fail-type", "crash", "--epsilon", "0", "--max-heals", "3", "--seed", "5");

        assertThat(run.stdout).as(run.stdout).contains("healed: state no_failure_UP");
        List<String> heals = run.logLines("healing_log.csv");
        long simulated = heals.subList(1, heals.size()).stream()
                .mapToLong(l -> Math.round(Double.parseDouble(l.substring(l.lastIndexOf(',') + 1)))).sum();
        assertThat(simulated).isGreaterThanOrEqualTo(500);
        List<String> episodes = Files.readAllLines(run.logs().resolve("policy.episodes.jsonl"));
        String episode = episodes.stream().filter(l -> l.contains("\"type\":\"episode\"")).reduce((a, b) -> b).orElseThrow();
        JsonNode last = PolicyJson.MAPPER.readTree(episode);
        assertThat(last.get("timeToHealMs")).as(String.join("\n", episodes)).isNotNull();
        assertThat(last.get("timeToHealMs").asLong()).isEqualTo(simulated);
    }
}
