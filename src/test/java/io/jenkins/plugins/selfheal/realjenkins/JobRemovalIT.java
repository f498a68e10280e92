package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A renamed job keeps its history under its new name, and a deleted job leaves nothing of Self-Heal
 * behind in the controller's memory: a job created later under the same name starts from nothing.
 */
class JobRemovalIT {
    /** Lists the keys of the per-job caches (policy store, autonomy ledger, offline evaluation). */
    private static final String CACHE_KEYS = """
            def loader = jenkins.model.Jenkins.get().pluginManager.uberClassLoader
            def keys = []
            [JobPolicy: 'STORES', JobAutonomy: 'LEDGERS', JobEvaluation: 'CACHE'].each { owner, name ->
                def field = loader.loadClass('io.jenkins.plugins.selfheal.jenkins.' + owner).getDeclaredField(name)
                field.accessible = true
                field.get(null).keySet().each { keys << owner + ' ' + it }
            }
            keys.each { key -> println key }
            null
            """;

    @RegisterExtension
    static final RealJenkins JENKINS = new RealJenkins().withInjectedFailuresAllowed(true);

    private static List<String> cachedFor(String job) throws Exception {
        return JENKINS.anonymous().script(CACHE_KEYS).lines().filter(line -> line.contains("/jobs/" + job + "/")).toList();
    }

    private static long episodes(String job) throws Exception {
        return JENKINS.anonymous().json("job/" + job + "/self-heal/view.json").path("policy").path("episodes").asLong();
    }

    /** Opens every Self-Heal page of the job, so each cache holds an entry for it. */
    private static void visit(String job) throws Exception {
        for (String page : List.of("self-heal/", "self-heal-autonomy/", "self-heal-autonomy/evaluation/")) {
            assertThat(JENKINS.anonymous().get("job/" + job + "/" + page).status()).as(page).isEqualTo(200);
        }
    }

    @Test
    void renamingKeepsTheHistoryAndDeletingForgetsTheJob() throws Exception {
        Jobs jobs = JENKINS.jobs();
        String script = "selfHeal(simulate: 'crash', feedback: 'none') { echo 'deploy' }";
        jobs.createPipeline("short-lived", script);
        jobs.waitForResult(jobs.build("short-lived"));
        visit("short-lived");
        assertThat(episodes("short-lived")).isEqualTo(1);
        assertThat(cachedFor("short-lived")).extracting(line -> line.split(" ")[0])
                .containsExactlyInAnyOrder("JobPolicy", "JobAutonomy", "JobEvaluation");

        assertThat(JENKINS.anonymous().post("job/short-lived/confirmRename", Map.of("newName", "renamed")).status())
                .isIn(200, 302);
        assertThat(cachedFor("short-lived")).isEmpty();
        visit("renamed");
        assertThat(episodes("renamed")).isEqualTo(1);

        assertThat(JENKINS.anonymous().post("job/renamed/doDelete", Map.of()).status()).isIn(200, 302);
        assertThat(JENKINS.anonymous().get("job/renamed/").status()).isEqualTo(404);
        assertThat(cachedFor("renamed")).isEmpty();

        // the same name again is a new job: nothing learned, nothing judged
        jobs.createPipeline("renamed", script);
        assertThat(JENKINS.anonymous().get("job/renamed/self-heal/view.json").status()).isIn(200, 404);
        jobs.waitForResult(jobs.build("renamed"));
        assertThat(episodes("renamed")).isEqualTo(1);
    }
}
