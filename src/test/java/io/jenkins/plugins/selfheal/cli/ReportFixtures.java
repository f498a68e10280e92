package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.SeedData;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.store.SeedQTableCsv;
import io.jenkins.plugins.selfheal.engine.view.ViewFixtures;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Policy files on disk for the report and job-page tests, written through the real store. */
public final class ReportFixtures {
    public static final String HOSTILE = "<script>alert(1)</script> \"q\" 'a' & </script><!-- x";
    public static final String BUILD_LINK = "https://ci.example.com/job/demo/7/";

    private ReportFixtures() {
    }

    public static PolicyStore store(Path file) {
        return new PolicyStore(file, "job/demo", Clock.fixed(ViewFixtures.T0, ZoneOffset.UTC), w -> { });
    }

    /** The original simulation's Q-table, then 14 episodes (six accepted heals of deployment_failure_DOWN by retrying). */
    static Path seedPolicy(Path dir) throws IOException {
        Path file = dir.resolve("seed.json");
        PolicyStore store = store(file);
        try (Reader reader = new java.io.StringReader(SeedData.text("logs/rl_log.csv"))) {
            store.importTable(SeedQTableCsv.read(reader, "rl_log.csv"), "rl_log.csv", "test");
        }
        store.update(policy -> {
            int n = 0;
            for (int i = 0; i < 6; i++) {
                learn(policy, n++, "deployment_failure_DOWN", ActionKind.RETRY_DEPLOYMENT, 3, "healed", "accepted", null);
            }
            learn(policy, n++, "latency_issue_UP", ActionKind.RESTART_SERVICE, -1, "failed", "rejected", BUILD_LINK);
            for (int i = 0; i < 4; i++) {
                learn(policy, n++, "anomaly_score_DOWN", ActionKind.RESTORE_PREVIOUS_VERSION, 3, "healed", "accepted", BUILD_LINK);
            }
            learn(policy, n++, "deployment_failure_UP", ActionKind.ESCALATE, -1, "escalated", "rejected", null);
            learn(policy, n++, "latency_issue_UP", ActionKind.ADJUST_THRESHOLDS, 3, "healed", "accepted", BUILD_LINK);
            learn(policy, n, "anomaly_health_UP", ActionKind.RETRY_DEPLOYMENT, 1, "healed", "none", null);
            return policy;
        });
        return file;
    }

    /** 1,000 states × 5 actions and 10,000 episodes. */
    static Path largePolicy(Path dir) throws IOException {
        return gridPolicy(dir.resolve("large.json"), 1000, 10_000);
    }

    /** {@code states} × 5 actions with values and visits spread over the scale, and {@code episodes} episodes. */
    static Path gridPolicy(Path file, int states, int episodes) throws IOException {
        store(file).update(policy -> {
            QTable table = policy.table();
            for (int s = 0; s < states; s++) {
                String state = String.format("service_%04d_%s", s, s % 2 == 0 ? "UP" : "DOWN");
                for (ActionKind action : ActionKind.values()) {
                    int k = s * 5 + action.ordinal();
                    long visits = k % 7 == 0 ? 0 : k % 13;
                    double q = visits == 0 ? 0 : ((k * 37) % 61 - 30) / 10.0;
                    table.put(state, action, new QEntry(q, visits, visits == 0 ? Optional.empty() : Optional.of(ViewFixtures.T0)));
                }
            }
            for (LogEntry entry : ViewFixtures.episodes(episodes, List.of("service_0001_DOWN", "service_0002_UP"))) {
                policy.recordEpisode(entry.episode().orElseThrow());
            }
            return policy;
        });
        return file;
    }

    /** A state whose name is markup, an episode with a javascript: link and one with a real build link. */
    public static Path hostilePolicy(Path dir) throws IOException {
        Path file = dir.resolve("hostile.json");
        store(file).update(policy -> {
            learn(policy, 1, HOSTILE, ActionKind.ESCALATE, 3, "healed", "accepted", "javascript:alert(document.cookie)");
            learn(policy, 2, HOSTILE, ActionKind.ESCALATE, 3, "healed", "accepted", BUILD_LINK);
            return policy;
        });
        return file;
    }

    static Path emptyPolicy(Path dir) throws IOException {
        Path file = dir.resolve("empty.json");
        store(file).update(policy -> policy);
        return file;
    }

    /** One Q-learning step (α from the policy) recorded as an episode, as the healing loop would. */
    public static void learn(Policy policy, int n, String state, ActionKind action, double reward, String outcome,
                              String feedback, String link) {
        QEntry before = policy.table().entry(state, action);
        double after = before.value() + policy.parameters().alpha() * (reward - before.value());
        Instant at = ViewFixtures.T0.plusSeconds(60L * n);
        policy.table().put(state, action, before.updatedTo(after, at));
        policy.recordEpisode(ViewFixtures.episode(n, policy.generation(), state, action.id(), outcome, feedback, reward,
                "healed".equals(outcome) ? 1500L + 100L * n : null, link,
                List.of(new QUpdate(state, action, reward, reward, before.value(), after, at))));
    }
}
