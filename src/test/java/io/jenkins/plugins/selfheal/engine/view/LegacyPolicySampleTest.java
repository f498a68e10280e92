package io.jenkins.plugins.selfheal.engine.view;

import io.jenkins.plugins.selfheal.TestClock;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A policy written by the CLI before the typed-episode redesign (src/test/resources/legacy-policy:
 * six episodes, the snapshot holding only the first) still loads and shows the same numbers.
 */
class LegacyPolicySampleTest {
    @TempDir
    Path dir;

    @Test
    void aPolicyWrittenByTheOldCodeLoadsWithTheSameTableAndHistory() throws IOException {
        for (String name : List.of("policy.json", "policy.episodes.jsonl")) {
            try (InputStream in = getClass().getResourceAsStream("/legacy-policy/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        List<String> warnings = new ArrayList<>();
        PolicyStore store = new PolicyStore(dir.resolve("policy.json"), "policy.json",
                TestClock.at("2027-01-01T00:00:00Z"), warnings::add);

        Policy policy = store.read();
        assertThat(policy.episodes()).isEqualTo(6);
        assertThat(policy.table().row("deployment_failure_DOWN").get(ActionKind.RETRY_DEPLOYMENT).value())
                .isCloseTo(0.37693, within(1e-9));
        assertThat(policy.table().row("deployment_failure_DOWN").get(ActionKind.RETRY_DEPLOYMENT).visits()).isEqualTo(5);
        assertThat(policy.table().row("latency_issue_UP").get(ActionKind.ESCALATE).value()).isCloseTo(0.1, within(1e-9));

        assertSameNumbers(new ViewDocumentBuilder().build(policy, store.readLog()));
        // the page's path: no summary file was written before it existed, so it is rebuilt from the log (and kept)
        assertThat(store.summaryFile()).doesNotExist();
        assertSameNumbers(ViewJson.read(ViewJson.of(store)));
        assertThat(store.summaryFile()).exists();
        assertSameNumbers(ViewJson.read(ViewJson.of(new PolicyStore(dir.resolve("policy.json"), "policy.json",
                TestClock.at("2027-01-01T00:00:00Z"), warnings::add))));
        assertThat(warnings).isEmpty();
    }

    private static void assertSameNumbers(ViewDocument view) {
        assertThat(view.history().total()).isEqualTo(6);
        assertThat(view.history().counts()).isEqualTo(new ViewDocument.Counts(0, 4, 1, 1));
        assertThat(view.history().episodes()).extracting(ViewDocument.EpisodePoint::reward)
                .containsExactly(3.0, -1.0, 3.0, -1.0, 1.0, 1.0);
        assertThat(view.history().episodes()).extracting(p -> String.valueOf(p.outcome()))
                .containsExactly("healed", "failed", "healed", "healed", "escalated", "healed");
        assertThat(view.history().episodes()).extracting(p -> String.valueOf(p.feedback()))
                .containsExactly("accepted", "rejected", "accepted", "rejected", "accepted", "none");
        assertThat(view.history().series().acceptanceRate().get(4)).isCloseTo(0.6, within(1e-9));
        assertThat(view.history().series().mttrMs().get(5)).isCloseTo(150.0, within(1e-9));
        ViewDocument.RecentDecision newest = view.recent().get(0);
        assertThat(newest.state()).isEqualTo("deployment_failure_DOWN");
        assertThat(String.valueOf(newest.action())).isEqualTo("retry_deployment");
        assertThat(String.valueOf(newest.choice())).isEqualTo("random");
        assertThat(newest.reward()).isEqualTo(1.0);
    }
}
