package io.jenkins.plugins.selfheal.realjenkins;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the step detects in a real Jenkins: latency from a slow health URL, a data anomaly in the workspace. */
class DetectionIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins();

    @Test
    void aSlowHealthUrlIsALatencyIssue() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/health", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(700); // the service under test is slow: this is its latency, not a wait of the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        slow.start();
        try {
            Jobs jobs = JENKINS.jobs();
            String health = "http://127.0.0.1:" + slow.getAddress().getPort() + "/health";
            jobs.createPipeline("latency", """
                    node {
                      selfHeal(healthUrl: '%s', latencyThresholdMs: 200, feedback: 'none') { echo 'deploy' }
                    }
                    """.formatted(health));
            Jobs.Build build = jobs.build("latency");
            jobs.waitForResult(build);
            String console = jobs.console(build);
            assertThat(console).contains("latency_issue_UP");
            assertThat(requests.get()).as("GETs the health URL answered").isGreaterThanOrEqualTo(5);
            assertThat(JENKINS.anonymous().json("job/latency/self-heal/api/json?depth=2").path("view").path("states").toString())
                    .contains("latency_issue_UP");
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void badRowsAppendedByTheDeploymentAreADataAnomalyAndGoodOnesAreNot() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("anomaly", """
                node {
                  def first = !fileExists('scores.csv')
                  if (first) {
                    writeFile file: 'scores.csv', text: 'timestamp,name,subject,score\\n2025-01-01,Ann,Math,90\\n2025-01-01,Bo,Math,85\\n'
                  }
                  def score = first ? 12 : 90
                  selfHeal(dataset: 'scores.csv', rules: 'student_scores', feedback: 'none') {
                    sh "for i in 1 2 3 4 5; do echo 2025-02-01,Row\\$i,Math,${score} >> scores.csv; done"
                  }
                }
                """);
        Jobs.Build bad = jobs.build("anomaly");
        jobs.waitForResult(bad);
        assertThat(jobs.console(bad)).contains("anomaly_score_UP").contains("lines 4-8");

        Jobs.Build good = jobs.build("anomaly");
        assertThat(jobs.waitForResult(good)).isEqualTo("SUCCESS");
        assertThat(jobs.console(good)).doesNotContain("anomaly_score").contains("healthy");
    }
}
