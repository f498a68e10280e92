package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work that belongs on the agent runs there, over a real remoting channel: the data set's baseline
 * and check (only the finding comes back) and the {@code rollback} command, in the agent's workspace.
 */
class AgentIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins();

    @Test
    void theDataCheckAndTheRollbackCommandRunOnTheAgent() throws Exception {
        InboundAgent agent = JENKINS.startAgent("remote-1", "remote");
        // no exploration: the first tie goes to retry, the second action is the rollback (never the same one twice)
        JENKINS.anonymous().script("io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration.get().setEpsilon(0.0d)");
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("on-agent", """
                node('remote') {
                  writeFile file: 'scores.csv', text: 'timestamp,name,subject,score\\n2025-01-01,Ann,Math,90\\n'
                  selfHeal(dataset: 'scores.csv', rules: 'student_scores', maxHeals: 2, feedback: 'none',
                           rollback: 'echo "rolled back in $(pwd)" > rollback-ran.txt') {
                    sh 'for i in 1 2 3 4 5; do echo 2025-02-01,Row$i,Math,11 >> scores.csv; done'
                  }
                }
                """);
        Jobs.Build build = jobs.build("on-agent");
        jobs.waitForResult(build);
        String console = jobs.console(build);

        assertThat(console).contains("Running on remote-1")
                .contains("state anomaly_score_UP: score: mean of the 5 rows added by this deployment is 11, below 40 (lines 3-7)")
                .contains("restore_previous_version")
                .doesNotContain("\tat ");
        Path agentWorkspace = agent.dir().resolve("workspace/on-agent");
        assertThat(agentWorkspace.resolve("scores.csv")).exists();
        assertThat(Files.readString(agentWorkspace.resolve("rollback-ran.txt")).strip())
                .isEqualTo("rolled back in " + agentWorkspace.toRealPath());
        assertThat(JENKINS.home().resolve("workspace/on-agent")).doesNotExist();
    }
}
