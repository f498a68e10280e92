package io.jenkins.plugins.selfheal.realjenkins;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job's offline evaluation ({@code self-heal-autonomy/evaluation/}) in a real Jenkins: simulated crashes
 * learned without feedback, then the global defaults and the job's settings judged on the job's own log.
 */
class EvaluationPageIT {
    private static final String GLOBAL = "io.jenkins.plugins.selfheal.jenkins.SelfHealGlobalConfiguration.get()";
    private static final String ESTIMATE = "-?\\d+\\.\\d+ \\[-?\\d+\\.\\d+, -?\\d+\\.\\d+\\]";

    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withInjectedFailuresAllowed(true);

    private static Document evaluationPage(String job) throws Exception {
        return JENKINS.anonymous().page("job/" + job + "/self-heal-autonomy/evaluation/");
    }

    @Test
    void theGlobalDefaultsAndTheJobsSettingsAreJudgedOnTheJobsLog() throws Exception {
        JENKINS.anonymous().script(GLOBAL + ".setAlpha(0.3d)");
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("judged", "selfHeal(simulate: 'crash', feedback: 'none') { echo 'deploy' }");
        for (int i = 0; i < 3; i++) {
            jobs.waitForResult(jobs.build("judged"));
        }
        Waits.until(Waits.DEFAULT, () -> "three episodes evaluated", () -> evaluationPage("judged")
                .select("#self-heal-evaluation-window").text().equals("Evaluated: the newest 3 of 3 recorded episodes."));
        // the defaults change after the job learned with α=0.3: the cached result must not be reused
        JENKINS.anonymous().script(GLOBAL + ".setAlpha(0.7d)");

        Document page = evaluationPage("judged");
        assertThat(page.select("h2").eachText()).contains("The global defaults (α=0.7, ε=0.1, γ=0.9)",
                "The job's settings (α=0.3, ε=0.1, γ=0.9)");
        for (String side : new String[] {"global", "job"}) {
            Elements rows = page.select("#self-heal-evaluation-" + side + " tbody tr");
            assertThat(rows).as(side).hasSizeGreaterThanOrEqualTo(2); // a crash state, then overall
            assertThat(rows.get(0).child(0).text()).startsWith("deployment_failure_");
            Element overall = rows.last();
            java.util.List<String> cells = overall.children().eachText();
            assertThat(cells.subList(0, 3)).as(side).containsExactly("overall", "3", "3");
            assertThat(cells.get(5)).as(side + " reward").matches(ESTIMATE);
            assertThat(cells.get(7)).as(side + " heal rate").matches(ESTIMATE);
        }
        assertThat(page.text()).doesNotContain("Exception").doesNotContain("\tat ");

        Document autonomy = JENKINS.anonymous().page("job/judged/self-heal-autonomy/");
        assertThat(autonomy.select("#self-heal-evaluation-link").text()).contains("the newest 5,000")
                .contains("run the offline evaluation");
        assertThat(autonomy.select("#self-heal-evaluation-link a").attr("href")).isEqualTo("evaluation/");
    }

    @Test
    void aLogWithoutRecordedProbabilitiesSaysSoInOneLine() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("healthy", "selfHeal(feedback: 'none') { echo 'deploy' }");
        jobs.waitForResult(jobs.build("healthy"));
        Document page = evaluationPage("healthy");
        assertThat(page.select("#self-heal-evaluation-none").text()).matches("No episode of this job has a recorded "
                + "probability yet, so there is nothing to evaluate \\(\\d+ episodes recorded\\)\\.");
        assertThat(page.select("table")).isEmpty();
    }
}
