package io.jenkins.plugins.selfheal.realjenkins;

import io.jenkins.plugins.selfheal.cli.BrowserSession;
import io.jenkins.plugins.selfheal.cli.HeadlessChromium;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Text a Pipeline author controls, shown where people read it: a CSV column name (in the finding's
 * reason), a deployment's error message, a build's display name. In a real browser no script of
 * theirs runs (each payload would mark the page's body) and the text is shown as text.
 */
class HostileTextIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins();
    /** Marks the body with data-xss if it ever runs; no quotes or commas, so it travels through CSV, JSON and Groovy as is. */
    static final String IMG = "<img src=x onerror=document.body.dataset.xss=1>";
    static final String SCRIPT = "</script><script>document.body.dataset.xss=2</script>{{7*7}}"
            + "\u202Egnp.exe javascript:document.body.dataset.xss=3";
    static final String LONG = "x".repeat(10_000);
    private static Jobs.Build anomaly;
    private static Jobs.Build failed;

    @BeforeAll
    static void buildsWithHostileText() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("hostile", """
                node {
                  writeFile file: 'rules.json', text: '{"name": "hostile", "columns": [{"name": "%1$s", "type": "number", "max": 10}]}'
                  writeFile file: 'data.csv', text: '%1$s\\n1\\n'
                  currentBuild.displayName = '%1$s'
                  if (currentBuild.number == 1) {
                    selfHeal(dataset: 'data.csv', rules: 'rules.json', feedback: 'none') { sh 'echo 99 >> data.csv' }
                  } else {
                    selfHeal(feedback: 'async') { error('%2$s %3$s') }
                  }
                }
                """.formatted(IMG, SCRIPT, LONG));
        anomaly = jobs.build("hostile");
        jobs.waitForResult(anomaly);
        failed = jobs.build("hostile");
        jobs.waitForResult(failed);
        assertThat(jobs.console(anomaly)).contains("state anomaly_hostile_UP");
        assertThat(jobs.console(failed)).contains("state deployment_failure_");
    }

    @Test
    void theBuildPagesShowTheTextAndRunNoScript() throws Exception {
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        for (Jobs.Build build : new Jobs.Build[] {anomaly, failed}) {
            Document page = Jsoup.parse(HeadlessChromium.dumpDom(JENKINS.url() + build.url()));
            assertNoScriptRan(page);
            String panel = page.select(".self-heal-build").text();
            assertThat(panel).as(build.url()).contains(build == anomaly ? IMG : SCRIPT);
            assertThat(page.select(".self-heal-build img, .self-heal-build script")).isEmpty();
        }
        assertThat(Jsoup.parse(HeadlessChromium.dumpDom(JENKINS.url() + failed.url())).select(".self-heal-build").text())
                .contains(LONG).doesNotContain("49");
    }

    @Test
    void longAndRightToLeftTextKeepsTheBuildPageInItsWidth() throws Exception {
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        try (BrowserSession browser = BrowserSession.open(1280, 900)) {
            browser.open(JENKINS.url() + failed.url(), "document.querySelector('.self-heal-build') !== null");
            assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt())
                    .as("page width with a 10 kB word in the panel").isLessThanOrEqualTo(1280);
            // a right-to-left override in the reason must not reverse the panel text that follows it
            assertThat(browser.evaluate("[...document.querySelectorAll('.self-heal-build bdi')]"
                    + ".some(b => b.textContent.includes('\\u202E'))").asBoolean()).isTrue();
        }
    }

    @Test
    void theJobPagesShowTheTextAndRunNoScript() throws Exception {
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        Document jobPage = Jsoup.parse(HeadlessChromium.dumpDom(JENKINS.url() + "job/hostile/self-heal/"));
        assertNoScriptRan(jobPage);
        assertThat(jobPage.select(".self-heal-view").attr("data-rendered")).isEqualTo("true");
        assertThat(jobPage.select(".self-heal-view img, .self-heal-view script")).isEmpty();
        Document jobMain = Jsoup.parse(HeadlessChromium.dumpDom(JENKINS.url() + "job/hostile/"));
        assertNoScriptRan(jobMain);
        HeadlessChromium.screenshot(JENKINS.url() + failed.url(), JenkinsDistribution.basedir().resolve("target/real-jenkins/hostile-build.png"));
    }

    @Test
    void theRestApiCarriesTheTextAsData() throws Exception {
        String view = JENKINS.anonymous().json("job/hostile/self-heal/api/json?depth=2").toString();
        assertThat(view).contains("anomaly_hostile_UP");
        String recent = JENKINS.anonymous().get("job/hostile/self-heal/view.json").body();
        assertThat(JenkinsClient.JSON.readTree(recent).toString()).contains("anomaly_hostile_UP");
    }

    private static void assertNoScriptRan(Document page) {
        assertThat(page.body().hasAttr("data-xss")).as("a payload ran: " + page.body().attr("data-xss")).isFalse();
    }
}
