package io.jenkins.plugins.selfheal.realjenkins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.episode.TestEpisodes;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.store.BulkHistory;
import io.jenkins.plugins.selfheal.engine.store.Policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's history in the real Jenkins: a renamed job keeps it under its new name; a deleted job leaves
 * nothing of Self-Heal behind in the controller's memory (a job created later under the same name starts
 * from nothing); a history whose older episodes are in compressed segments is downloaded whole.
 */
class JobHistoryIT {
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

    @Test
    void aHistoryInCompressedSegmentsIsDownloadedWholeAndGrowsOn() throws Exception {
        Jobs jobs = JENKINS.jobs();
        jobs.createPipeline("long-history", "selfHeal(simulate: 'crash', feedback: 'none') { echo 'deploy' }");
        // 3,000 episodes written as the store keeps a long history, the hot file cut every 256 KiB
        int earlier = 3_000;
        Path policy = JENKINS.home().resolve("jobs/long-history/self-heal/policy.json");
        Episode template = TestEpisodes.pending("deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT, Choice.EXPLOIT, true,
                "redeployed", "no_failure_UP", Outcome.HEALED, 1_500L);
        Iterator<Episode> history = IntStream.range(0, earlier).mapToObj(i -> Episode.pending(template.heal(), "old#" + i, null,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3_600L * i))
                .decided(Feedback.accepted(), "ops", Instant.parse("2024-01-01T00:05:00Z").plusSeconds(3_600L * i), 3.0, List.of()))
                .iterator();
        BulkHistory.write(policy, Policy.empty("long-history", Policy.INITIAL_GENERATION, Instant.parse("2024-01-01T00:00:00Z")),
                history, 256 << 10);
        try (var files = Files.list(policy.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("policy.episodes.000001.jsonl.gz");
        }

        jobs.waitForResult(jobs.build("long-history"));
        assertThat(episodes("long-history")).isEqualTo(earlier + 1);
        JenkinsClient.Response download = JENKINS.anonymous().get("job/long-history/self-heal/episodes.jsonl");
        assertThat(download.status()).isEqualTo(200);
        // every line of the log once, in order: the segments' episodes, then the hot file's (no segment header line)
        assertThat(download.body().lines()).allSatisfy(line -> assertThat(line).startsWith("{\"type\":\"")
                .doesNotStartWith("{\"type\":\"continued\""));
        List<String> lines = download.body().lines().filter(line -> line.startsWith("{\"type\":\"episode\"")).toList();
        assertThat(lines).hasSize(earlier + 1);
        assertThat(lines.get(0)).contains("\"id\":\"old#0\"");
        assertThat(lines.get(earlier - 1)).contains("\"id\":\"old#" + (earlier - 1) + "\"");
        assertThat(lines.get(earlier)).doesNotContain("old#");
    }
}
