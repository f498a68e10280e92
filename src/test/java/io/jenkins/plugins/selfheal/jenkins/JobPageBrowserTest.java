package io.jenkins.plugins.selfheal.jenkins;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.selfheal.cli.HeadlessChromium;
import io.jenkins.plugins.selfheal.cli.ReportFixtures;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The renderer as the Jenkins job page will host it: script and stylesheet from /plugin/self-heal/
 * (the files in src/main/webapp), the document fetched from data-src, under a Content-Security-Policy
 * that forbids inline scripts, inline styles and eval, as Jenkins' does.
 */
class JobPageBrowserTest {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'";
    static final String PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            + "<link rel=\"stylesheet\" href=\"/plugin/self-heal/css/self-heal-view.css\">"
            + "<script src=\"/plugin/self-heal/js/self-heal-charts.js\" type=\"text/javascript\"></script>"
            + "<script src=\"/plugin/self-heal/js/self-heal-view.js\" type=\"text/javascript\"></script></head>"
            + "<body><div class=\"self-heal-view\" data-src=\"/job/demo/self-heal/view.json\" data-root-url=\"/jenkins/\""
            + " data-log-href=\"episodes.jsonl\" data-title=\"Policy of job demo\"></div>"
            + "<div id=\"trend\" class=\"self-heal-view\" data-mode=\"trend\" data-src=\"/job/demo/self-heal/view.json\"></div>"
            + "</body></html>";

    @TempDir
    Path dir;

    @Test
    void rendersFromDataSrcUnderAStrictContentSecurityPolicy() throws Exception {
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        PolicyStore store = ReportFixtures.store(ReportFixtures.hostilePolicy(dir));
        store.update(policy -> { // Jenkins stores build links relative to its root
            ReportFixtures.learn(policy, 3, "deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT, 3, "healed", "accepted",
                    "job/demo/3/");
            return policy;
        });
        byte[] json = new PolicyAdmin(store, operation -> { }).viewJson(); // what the job page's view.json serves
        Map<String, Resource> site = Map.of(
                "/job/demo/self-heal/", new Resource("text/html", PAGE.getBytes(StandardCharsets.UTF_8)),
                "/job/demo/self-heal/view.json", new Resource("application/json", json),
                "/plugin/self-heal/js/self-heal-view.js", webapp("js/self-heal-view.js", "text/javascript"),
                "/plugin/self-heal/js/self-heal-charts.js", webapp("js/self-heal-charts.js", "text/javascript"),
                "/plugin/self-heal/css/self-heal-view.css", webapp("css/self-heal-view.css", "text/css"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(exchange, site));
        server.start();
        try {
            Document dom = Jsoup.parse(HeadlessChromium.dumpDom("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/job/demo/self-heal/"));

            assertThat(dom.select(".self-heal-view").attr("data-rendered")).isEqualTo("true");
            assertThat(dom.selectFirst(".sh-qtable .sh-state").text()).isEqualTo(ReportFixtures.HOSTILE);
            assertThat(dom.select("td.sh-cell").first().attr("style")).as("heat colour set through the CSSOM")
                    .startsWith("background-color: rgb(");
            assertThat(dom.select(".self-heal-view:not(#trend) .sh-recent-table a").eachAttr("href"))
                    .containsExactly("/jenkins/job/demo/3/", ReportFixtures.BUILD_LINK);
            assertThat(dom.selectFirst(".sh-policy-key").text()).isEqualTo("Policy of job demo");
            assertThat(dom.select(".self-heal-view:not(#trend) .sh-dashboard .sh-chart")).hasSize(5);
            assertThat(dom.selectFirst(".sh-recent-note").text()).startsWith("The last 3 of 3 episodes");
            assertThat(dom.select(".sh-recent-note a.sh-log-link").attr("href")).isEqualTo("episodes.jsonl");
            // the job main page's trend box: the reward moving average only
            assertThat(dom.select("#trend").attr("data-rendered")).isEqualTo("true");
            assertThat(dom.select("#trend .sh-chart")).hasSize(1);
            assertThat(dom.select("#trend .sh-chart figcaption").text()).startsWith("Reward, moving average");
            assertThat(dom.select("#trend .sh-qtable, #trend .sh-recent-table")).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    private record Resource(String type, byte[] body) {
    }

    private static Resource webapp(String path, String type) throws IOException {
        return new Resource(type, Files.readAllBytes(Path.of("src/main/webapp").resolve(path)));
    }

    private static void serve(HttpExchange exchange, Map<String, Resource> site) throws IOException {
        Resource resource = site.get(exchange.getRequestURI().getPath());
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        if (resource == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.getResponseHeaders().set("Content-Type", resource.type() + "; charset=utf-8");
            exchange.sendResponseHeaders(200, resource.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(resource.body());
            }
        }
        exchange.close();
    }
}
