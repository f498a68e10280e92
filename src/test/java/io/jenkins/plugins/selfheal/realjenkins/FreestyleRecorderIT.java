package io.jenkins.plugins.selfheal.realjenkins;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The post-build step in freestyle jobs made from a config.xml as the REST API, Job DSL or an older
 * plugin version leave it (fields missing: XStream skips field initialisers), decided later on the
 * build page; and the pages' error answers: one line, never a Java stack trace.
 */
class FreestyleRecorderIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins();
    private static final String RECORDER = "io.jenkins.plugins.selfheal.jenkins.SelfHealRecorder";

    @Test
    void aMinimalConfigXmlRuns() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.create("minimal", freestyle("", "<" + RECORDER + "/>"));
        Jobs.Build build = jobs.build("minimal");
        assertThat(jobs.waitForResult(build)).isEqualTo("SUCCESS");
        String console = jobs.console(build);
        BadInputIT.assertNoStackTrace(console);
        assertThat(console).contains("[Self-Heal] the deployment is healthy");
    }

    @Test
    void anOlderConfigXmlRunsAndIsDecidedLaterFromTheBuildPage() throws Exception {
        Jobs jobs = JENKINS.jobs();
        // what an older version wrote: no feedback, maxHeals, latencyThresholdMs, healthUrl …
        jobs.create("older", freestyle("<hudson.tasks.Shell><command>exit 1</command></hudson.tasks.Shell>",
                "<" + RECORDER + "><planner>rl</planner><deploy>true</deploy></" + RECORDER + ">"));
        Jobs.Build build = jobs.build("older");
        assertThat(jobs.waitForResult(build)).isEqualTo("FAILURE"); // a post-build step cannot undo the failure
        String console = jobs.console(build);
        BadInputIT.assertNoStackTrace(console);
        assertThat(console).contains("[Self-Heal] waiting for feedback", "(the build goes on; decide any time)");

        JenkinsClient browser = JENKINS.anonymous();
        List<PageForm> forms = decideForms(browser, build);
        assertThat(forms).extracting(PageForm::name).containsExactly("selfHealAccept", "selfHealReject", "selfHealOverride");

        // a bad verdict: 400 with one line, the episode still waits
        JenkinsClient.Response bad = browser.submit(forms.get(0), Map.of("verdict", "maybe"));
        assertThat(bad.status()).isEqualTo(400);
        assertOneLineError(bad, "Self-Heal: verdict: expected accept, reject or override, got 'maybe'");
        assertThat(decideForms(browser, build)).hasSize(3);

        assertThat(browser.submit(forms.get(0), Map.of()).status()).isEqualTo(302);
        assertThat(decideForms(browser, build)).isEmpty();
        assertThat(browser.page(build.url()).text()).contains("Feedback accepted");
        JsonNode view = browser.json("job/older/self-heal/api/json?depth=2").path("view");
        assertThat(view.path("states").toString()).contains("deployment_failure_");
    }

    @Test
    void aDecisionAfterAResetAndBadChangesAnswerOneLine() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.create("stale", freestyle("<hudson.tasks.Shell><command>exit 1</command></hudson.tasks.Shell>",
                "<" + RECORDER + "><deploy>true</deploy></" + RECORDER + ">"));
        Jobs.Build first = jobs.build("stale");
        jobs.waitForResult(first);
        Jobs.Build second = jobs.build("stale");
        jobs.waitForResult(second);
        JenkinsClient browser = JENKINS.anonymous();
        assertThat(browser.submit(decideForms(browser, first).get(0), Map.of()).status()).isEqualTo(302); // the job has a policy now
        List<PageForm> forms = decideForms(browser, second);
        assertThat(forms).hasSize(3);

        JenkinsClient.Response unconfirmed = browser.post("job/stale/self-heal/reset", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertOneLineError(unconfirmed, "Self-Heal: confirm: tick the box to confirm the reset");
        JenkinsClient.Response garbage = browser.post("job/stale/self-heal/import", Map.of("policy", "{not json"));
        assertThat(garbage.status()).isEqualTo(400);
        assertOneLineError(garbage, "Self-Heal: ");

        assertThat(browser.post("job/stale/self-heal/reset", Map.of("confirm", "true")).status()).isEqualTo(302);
        JenkinsClient.Response stale = browser.submit(forms.get(0), Map.of());
        assertThat(stale.status()).isEqualTo(409);
        assertOneLineError(stale, "Self-Heal: the policy was reset or replaced since this decision");
    }

    @Test
    void badInputOfThePostBuildStepIsOneLine() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.create("outside", freestyle("", "<" + RECORDER + "><dataset>/etc/passwd</dataset></" + RECORDER + ">"));
        Jobs.Build build = jobs.build("outside");
        assertThat(jobs.waitForResult(build)).isEqualTo("FAILURE");
        String console = jobs.console(build);
        BadInputIT.assertNoStackTrace(console);
        assertThat(console).contains("Self-Heal: dataset: '/etc/passwd' is an absolute path; give a path inside the workspace");
    }

    @Test
    void aPolicyWhoseLogCannotBeReadFailsTheStepInOneLineAndItsDownloadToo() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.create("damaged", freestyle("<hudson.tasks.Shell><command>exit 1</command></hudson.tasks.Shell>",
                "<" + RECORDER + "><deploy>true</deploy><feedback>none</feedback></" + RECORDER + ">"));
        jobs.waitForResult(jobs.build("damaged")); // the job has a policy now
        java.nio.file.Path log = JENKINS.home().resolve("jobs/damaged/self-heal/policy.episodes.jsonl");
        byte[] lines = java.nio.file.Files.readAllBytes(log);
        // a first line claiming segments, unreadable (a disk error, a hand edit): nothing may be guessed
        byte[] damaged = ("{\"type\":\"continued\",\"segments\":two}\n" + new String(lines, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.write(log, damaged);

        Jobs.Build build = jobs.build("damaged");
        assertThat(jobs.waitForResult(build)).isEqualTo("FAILURE");
        String console = jobs.console(build);
        BadInputIT.assertNoStackTrace(console);
        assertThat(console).contains("Self-Heal: policy.episodes.jsonl: unreadable first line (the segments it continues): "
                + "{\"type\":\"continued\",\"segments\":two}");
        JenkinsClient.Response download = JENKINS.anonymous().get("job/damaged/self-heal/episodes.jsonl");
        assertThat(download.status()).isEqualTo(500);
        assertOneLineError(download, "Self-Heal: the episode log could not be read: policy.episodes.jsonl: unreadable first line");
        assertThat(java.nio.file.Files.readAllBytes(log)).isEqualTo(damaged); // refused, not repaired by guessing
    }

    /**
     * An error page that shows the message and no stack trace (an exception answered through
     * {@code HttpResponses.error(int, String)} gives Jenkins' "Oops!" page without the message and
     * a stack trace in the log instead).
     */
    private static void assertOneLineError(JenkinsClient.Response answer, String message) {
        String text = Jsoup.parse(answer.body()).text();
        assertThat(text).as(answer.body()).contains(message).doesNotContain("Oops!", "Exception", " at org.", " at io.jenkins");
        assertThat(JENKINS.log()).doesNotContain("Caught unhandled exception");
    }

    private static List<PageForm> decideForms(JenkinsClient browser, Jobs.Build build) throws Exception {
        return browser.forms(build.url()).stream().filter(f -> f.action().endsWith("/decide")).toList();
    }

    private static String freestyle(String builders, String publishers) {
        return """
                <?xml version='1.1' encoding='UTF-8'?>
                <project>
                  <builders>%s</builders>
                  <publishers>%s</publishers>
                </project>
                """.formatted(builders, publishers);
    }
}
