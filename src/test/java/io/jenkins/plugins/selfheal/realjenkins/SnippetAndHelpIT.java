package io.jenkins.plugins.selfheal.realjenkins;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The step as a Pipeline author meets it: in the sandbox, in the Snippet Generator, with its help. */
class SnippetAndHelpIT {
    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins();

    @Test
    void aSandboxedPipelineCallsTheStepAndReadsItsResult() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("sandboxed", """
                def r = selfHeal(planner: 'random', feedback: 'none') { echo 'deploy' }
                echo "state=${r.state} outcome=${r.outcome}"
                """, true);
        Jobs.Build build = jobs.build("sandboxed");
        assertThat(jobs.waitForResult(build)).isEqualTo("SUCCESS");
        assertThat(jobs.console(build)).contains("state=no_failure_UP outcome=healthy").doesNotContain("RejectedAccessException");
    }

    @Test
    void theSnippetGeneratorListsTheStepWithItsFieldsAndWritesItsCall() throws Exception {
        JENKINS.jobs().createPipeline("snippets", "echo 'x'");
        JenkinsClient browser = JENKINS.anonymous();
        Document page = browser.page("job/snippets/pipeline-syntax/");
        Element option = page.select("option").stream().filter(o -> o.text().startsWith("selfHeal:")).findFirst()
                .orElseThrow(() -> new AssertionError("selfHeal not offered by the Snippet Generator"));
        assertThat(option.text()).contains("Self-Heal");
        // the step's form is rendered on demand when chosen, as the page's script asks for it
        Element proxy = page.selectFirst("input[name=stapler-class][value=io.jenkins.plugins.selfheal.jenkins.SelfHealStep]")
                .closest("div.tr").previousElementSibling();
        assertThat(proxy.hasClass("render-on-demand")).as(proxy.outerHtml()).isTrue();
        JenkinsClient.Response form = browser.post(proxy.attr("data-proxy-url").substring(1) + "/render",
                "application/x-stapler-method-invocation;charset=UTF-8", "[]", Map.of("Crumb", proxy.attr("data-proxy-crumb")));
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        String fields = org.jsoup.Jsoup.parse(form.body()).select("[name]").eachAttr("name").toString();
        for (String field : List.of("planner", "healthUrl", "latencyThresholdMs", "dataset", "rules", "deploy", "rollback",
                "restart", "maxHeals", "feedback", "feedbackTimeoutMinutes", "simulate", "mode", "autonomy",
                "confidenceThreshold", "maxHealsPerHour", "coolDownMinutes")) {
            assertThat(fields).as("field " + field + " of the step's form").contains("_." + field);
        }
        String json = """
                {"stapler-class": "io.jenkins.plugins.selfheal.jenkins.SelfHealStep",
                 "$class": "io.jenkins.plugins.selfheal.jenkins.SelfHealStep",
                 "planner": "random", "healthUrl": "https://staging.example.com/health", "maxHeals": "2",
                 "latencyThresholdMs": "16000", "feedback": "wait"}""";
        JenkinsClient.Response snippet = browser.post("job/snippets/pipeline-syntax/generateSnippet", Map.of("json", json));
        assertThat(snippet.status()).isEqualTo(200);
        assertThat(snippet.body()).startsWith("selfHeal(")
                .contains("planner: 'random'", "healthUrl: 'https://staging.example.com/health'", "maxHeals: 2");
    }

    @Test
    void everyHelpFileIsServed() throws Exception {
        Path views = JenkinsDistribution.basedir().resolve("src/main/resources/io/jenkins/plugins/selfheal/jenkins");
        List<Path> helps;
        try (Stream<Path> files = Files.walk(views)) {
            helps = files.filter(p -> p.getFileName().toString().matches("help-\\w+\\.html")).sorted().toList();
        }
        assertThat(helps).hasSizeGreaterThan(20);
        JenkinsClient browser = JENKINS.anonymous();
        for (Path help : helps) {
            String owner = help.getParent().getFileName().toString();
            String field = help.getFileName().toString().replaceAll("^help-|\\.html$", "");
            String descriptor = "io.jenkins.plugins.selfheal.jenkins." + owner;
            JenkinsClient.Response answer = browser.get("descriptorByName/" + descriptor + "/help/" + field);
            assertThat(answer.status()).as(descriptor + " help " + field).isEqualTo(200);
            String firstWords = org.jsoup.Jsoup.parse(Files.readString(help)).text().strip();
            assertThat(org.jsoup.Jsoup.parse(answer.body()).text()).as(help.toString())
                    .contains(firstWords.substring(0, Math.min(30, firstWords.length())));
        }
    }
}
