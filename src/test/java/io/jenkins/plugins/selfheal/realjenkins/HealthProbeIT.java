package io.jenkins.plugins.selfheal.realjenkins;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the health probe runs: on the build's agent, with the agent's network and proxy; the
 * controller sends no request to a Pipeline author's URL unless an administrator allowed its host.
 */
class HealthProbeIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins();
    /** Answers 200 to whatever reaches it, as a proxy (absolute URIs) or as the service itself, and records what it got. */
    private static HttpServer answering;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheServer() throws Exception {
        answering = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answering.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        answering.start();
    }

    @AfterAll
    static void stopTheServer() {
        answering.stop(0);
    }

    @Test
    void theProbeRunsOnTheAgentThroughTheAgentsProxy() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort(); // nothing listens there: only the agent's proxy can answer for it
        }
        String port = String.valueOf(answering.getAddress().getPort());
        JENKINS.startAgent("prober", "prober", "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + port);
        // loopback written so that Java's default proxy exclusions (localhost, 127.*) do not apply to it:
        // the agent's own connection to Jenkins stays direct, its probe goes through its proxy
        String health = "http://[::ffff:127.0.0.1]:" + closed + "/health";
        requests.clear();
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("probed-on-agent", """
                node('prober') {
                  selfHeal(healthUrl: '%s', feedback: 'none') { echo 'deploy' }
                }
                """.formatted(health));
        Jobs.Build build = jobs.build("probed-on-agent");
        assertThat(jobs.waitForResult(build)).isEqualTo("SUCCESS");
        assertThat(jobs.console(build)).contains("state no_failure_UP");
        assertThat(requests).hasSizeGreaterThanOrEqualTo(3).allMatch(uri -> uri.equals(health));
    }

    @Test
    void withoutAnAgentTheControllerProbesOnlyHostsAnAdministratorAllowed() throws Exception {
        String health = "http://127.0.0.1:" + answering.getAddress().getPort() + "/controller-health";
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("no-agent", "selfHeal(healthUrl: '%s', feedback: 'none') { echo 'deploy' }".formatted(health));
        requests.clear();
        Jobs.Build refused = jobs.build("no-agent");
        assertThat(jobs.waitForResult(refused)).isEqualTo("FAILURE");
        assertThat(jobs.console(refused)).contains("healthUrl: the health probe runs on the build's agent").doesNotContain("\tat ");
        assertThat(requests).as("requests from the controller").isEmpty();

        JENKINS.anonymous().script("io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration.get().setControllerProbeHosts('127.0.0.1')");
        Jobs.Build allowed = jobs.build("no-agent");
        assertThat(jobs.waitForResult(allowed)).isEqualTo("SUCCESS");
        assertThat(requests).hasSizeGreaterThanOrEqualTo(3).allMatch(uri -> uri.equals("/controller-health"));
    }
}
