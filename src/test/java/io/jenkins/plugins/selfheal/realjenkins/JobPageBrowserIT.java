package io.jenkins.plugins.selfheal.realjenkins;

import io.jenkins.plugins.selfheal.cli.BrowserSession;
import io.jenkins.plugins.selfheal.cli.HeadlessChromium;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The job page and the job's main page as headless Chromium draws them in the real Jenkins. */
class JobPageBrowserIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withInjectedFailuresAllowed(true);

    @Test
    void theHeatmapShowsTheStatesAndActionsOfTheBuildsRun() throws Exception {
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("drawn", """
                selfHeal(simulate: currentBuild.number % 2 == 1 ? 'crash' : 'latency', feedback: 'none') { echo 'deploy' }
                """);
        for (int i = 0; i < 4; i++) {
            jobs.waitForResult(jobs.build("drawn"));
        }
        List<String> states = new java.util.ArrayList<>();
        JENKINS.anonymous().json("job/drawn/self-heal/api/json?depth=2").path("view").path("states")
                .forEach(s -> states.add(s.path("state").asText()));
        assertThat(states).anyMatch(s -> s.startsWith("deployment_failure_")).anyMatch(s -> s.startsWith("latency_issue_"));

        // the view only when asked for: not in plain api/json here, nor in the job's at the depth people list with
        assertThat(JENKINS.anonymous().json("job/drawn/self-heal/api/json").has("view")).isFalse();
        assertThat(JENKINS.anonymous().json("job/drawn/api/json?depth=1").toString()).doesNotContain("\"states\"");
        assertThat(JENKINS.anonymous().json("job/drawn/self-heal/api/json?tree=view[history[total]]").path("view")
                .path("history").path("total").asInt()).isEqualTo(4);

        Document page = Jsoup.parse(HeadlessChromium.dumpDom(JENKINS.url() + "job/drawn/self-heal/"));
        assertThat(page.select(".self-heal-view").attr("data-rendered")).isEqualTo("true");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Self-Heal: drawn");
        assertThat(page.selectFirst(".sh-policy-key").text()).isEqualTo("Policy of job drawn");
        assertThat(page.select(".sh-dashboard .sh-chart")).hasSize(5);
        int up = JENKINS.anonymous().json("job/drawn/self-heal/api/json?depth=2").path("view").path("breakdown").path("up").asInt();
        assertThat(page.selectFirst(".sh-dashboard .sh-uptime .sh-big").text())
                .endsWith("(" + up + " of 4 episodes found the service up)");
        assertThat(page.select(".sh-dashboard .sh-events line.sh-deploy")).hasSize(4);
        assertThat(page.selectFirst(".sh-recent-note").text()).startsWith("The last 4 of 4 episodes");
        String log = JENKINS.anonymous().get("job/drawn/self-heal/" + page.select(".sh-log-link").attr("href")).body();
        assertThat(log.lines().filter(l -> l.contains("\"type\":\"episode\""))).hasSize(4);
        assertThat(page.select(".sh-qtable .sh-state").eachText()).containsExactlyInAnyOrderElementsOf(states);
        assertThat(page.select(".sh-qtable thead").text()).contains("retry_deployment", "restore_previous_version",
                "adjust_thresholds", "restart_service", "escalate");
        assertThat(page.select("td.sh-cell")).hasSize(states.size() * 5);

        Document jobMain = Jsoup.parse(HeadlessChromium.dumpDom(JENKINS.url() + "job/drawn/"));
        assertThat(jobMain.select(".self-heal-view[data-mode=trend]").attr("data-rendered")).isEqualTo("true");

        // five actions fit Jenkins' content area at 1280 px: no column cut off, no sideways scrolling
        try (BrowserSession browser = BrowserSession.open(1280, 900)) {
            browser.open(JENKINS.url() + "job/drawn/self-heal/", "document.querySelector('.self-heal-view[data-rendered=true]') !== null");
            assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt()).isLessThanOrEqualTo(1280);
            String table = "document.querySelector('.sh-qtable')";
            assertThat(browser.evaluate(table + ".getBoundingClientRect().right <= "
                    + "document.querySelector('#main-panel').getBoundingClientRect().right").asBoolean())
                    .as("table right edge %s, panel right edge %s",
                            browser.evaluate(table + ".getBoundingClientRect().right"),
                            browser.evaluate("document.querySelector('#main-panel').getBoundingClientRect().right")).isTrue();
            assertThat(browser.evaluate("[...document.querySelectorAll('.self-heal-view *')].every(e => e.scrollWidth <= e.clientWidth + 1"
                    + " || getComputedStyle(e).overflowX === 'visible')").asBoolean()).as("nothing scrolls sideways").isTrue();
        }

        Path png = JenkinsDistribution.basedir().resolve("target/real-jenkins/job-page.png");
        HeadlessChromium.screenshot(JENKINS.url() + "job/drawn/self-heal/", png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }
}
