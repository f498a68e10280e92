package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.TestClock;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.QUpdate;
import io.jenkins.plugins.selfheal.engine.learn.Verdict;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.QEntry;
import io.jenkins.plugins.selfheal.engine.learn.QLearningPlanner;
import io.jenkins.plugins.selfheal.engine.learn.QTable;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.ADJUST_THRESHOLDS;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RESTORE_PREVIOUS_VERSION;
import static io.jenkins.plugins.selfheal.engine.heal.ActionKind.RETRY_DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EpisodeLearnerTest {
    private static final String CRASH_UP = "deployment_failure_UP";
    // the classic learner's arithmetic (α steps, stored values): what these tests pin is the store's and the row's mechanics
    private static final LearningParameters GREEDY = LearningParameters.DEFAULTS.withEpsilon(0)
            .withLearner(LearningParameters.Learner.CLASSIC);

    @TempDir
    Path dir;
    private final TestClock clock = TestClock.at("2024-05-01T10:00:00Z");
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private PolicyStore store() {
        return new PolicyStore(dir.resolve("policy.json"), "job", clock, warnings::add);
    }

    private EpisodeLearner learner() {
        return new EpisodeLearner(store(), GREEDY, RewardPolicy.DEFAULTS, clock);
    }

    private static EpisodeLearner.Context context(String id) {
        return new EpisodeLearner.Context(id, "alice", "https://ci/job/1/");
    }

    /** Runs one heal of {@code target} with the greedy planner on the stored table, as a build would. */
    private HealResult heal(FakeTarget target, int maxHeals) throws Exception {
        Policy policy = store().read();
        QLearningPlanner planner = new QLearningPlanner(policy.table().copy(), GREEDY, new Random(1), false);
        return new HealingLoop(planner, maxHeals, clock, line -> { }).run(target, policy.generation());
    }

    private FakeTarget crashFixedByRetry() {
        return new FakeTarget(clock).crash().allow(RETRY_DEPLOYMENT, Duration.ofSeconds(3), FakeTarget::fixAll)
                .allowNoop(ADJUST_THRESHOLDS);
    }

    @Test
    void learnsIntoTheStoreAndRecordsTheEpisode() throws Exception {
        HealResult result = heal(crashFixedByRetry(), 3);

        Episode entry = learner().learn(result, Feedback.accepted(), context("ep-1"));

        QEntry cell = store().read().table().entry(CRASH_UP, RETRY_DEPLOYMENT);
        assertThat(cell.value()).isCloseTo(0.3, within(1e-12)); // 0 + 0.1 * (3 - 0)
        assertThat(cell.visits()).isEqualTo(1);
        assertThat(store().read().episodes()).isEqualTo(1);
        assertThat(entry.id()).isEqualTo("ep-1");
        assertThat(entry.generation()).isEqualTo(Policy.INITIAL_GENERATION);
        assertThat(entry.heal().planner()).isEqualTo("rl");
        assertThat(entry.failure()).isEqualTo("deployment_failure");
        assertThat(entry.reason()).contains("exit code 1");
        assertThat(entry.state()).isEqualTo(CRASH_UP);
        assertThat(entry.outcome()).isEqualTo(Outcome.HEALED);
        assertThat(entry.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(entry.decidedBy()).contains("alice");
        assertThat(entry.decidedAt()).contains(clock.instant());
        assertThat(entry.reward()).isEqualTo(3.0);
        assertThat(entry.timeToHeal()).contains(Duration.ofMillis(3000L));
        assertThat(entry.link()).contains("https://ci/job/1/");
        assertThat(entry.steps()).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(RETRY_DEPLOYMENT);
            assertThat(s.decision().choice()).isEqualTo(Choice.EXPLOIT);
            assertThat(s.decision().allowed()).containsExactlyInAnyOrder(RETRY_DEPLOYMENT, ADJUST_THRESHOLDS);
            assertThat(s.decision().qValues()).containsEntry(RETRY_DEPLOYMENT, 0.0).hasSize(ActionKind.values().length);
            assertThat(s.healed()).isTrue();
            assertThat(s.stateAfter()).isEqualTo("no_failure_UP");
            assertThat(s.outcome().duration()).isEqualTo(Duration.ofMillis(3000));
        });
        assertThat(entry.updates()).containsExactly(new QUpdate(CRASH_UP, RETRY_DEPLOYMENT, 3, 3, 0, cell.value(),
                clock.instant()));
        assertThat(store().readLog()).containsExactly(LogEntry.of(entry));
    }

    @Test
    void aNewStateStartsFromItsSiblingInTheDecisionTheStoreAndTheRebuild() throws Exception {
        QTable imported = new QTable();
        imported.put("deployment_failure_DOWN", RETRY_DEPLOYMENT,
                new QEntry(2.0, 5, Optional.of(java.time.Instant.parse("2024-04-01T00:00:00Z"))));
        imported.put("deployment_failure_DOWN", ADJUST_THRESHOLDS,
                new QEntry(-0.5, 2, Optional.of(java.time.Instant.parse("2024-04-01T00:00:00Z"))));
        store().importTable(imported, "test", "alice");

        HealResult result = heal(crashFixedByRetry(), 3);
        Episode entry = learner().learn(result, Feedback.accepted(), context("ep-prior"));

        // the decision saw the sibling's values as a prior ...
        assertThat(result.steps().get(0).decision().qValues()).containsEntry(RETRY_DEPLOYMENT, 2.0)
                .containsEntry(ADJUST_THRESHOLDS, -0.5);
        // ... and learning started from the same values
        QTable table = store().read().table();
        assertThat(entry.updates()).containsExactly(new QUpdate(CRASH_UP, RETRY_DEPLOYMENT, 3, 3, 2.0,
                2.0 + 0.1 * (3 - 2.0), clock.instant()));
        assertThat(table.entry(CRASH_UP, RETRY_DEPLOYMENT).visits()).isEqualTo(1);
        assertThat(table.entry(CRASH_UP, ADJUST_THRESHOLDS)).isEqualTo(new QEntry(-0.5, 0, Optional.empty()));
        assertThat(table.entry("deployment_failure_DOWN", RETRY_DEPLOYMENT).visits()).isEqualTo(5);

        // a document rebuilt from the episode log has the same prior cells
        Files.writeString(dir.resolve("policy.json"), "{ truncated");
        assertThat(store().read().table()).isEqualTo(table);
    }

    @Test
    void theSeedSettingsStoreANewStateAtZero() throws Exception {
        QTable imported = new QTable();
        imported.put("deployment_failure_DOWN", ADJUST_THRESHOLDS, new QEntry(-0.5, 2, Optional.empty()));
        store().importTable(imported, "test", "alice");
        LearningParameters seed = LearningParameters.SEED.withEpsilon(0);
        Policy policy = store().read();
        QLearningPlanner planner = new QLearningPlanner(policy.table().copy(), seed, new Random(1), false);
        HealResult result = new HealingLoop(planner, 3, clock, line -> { }).run(crashFixedByRetry(), policy.generation());

        new EpisodeLearner(store(), seed, RewardPolicy.SEED, clock).learn(result, Feedback.accepted(), context("ep-seed"));

        assertThat(store().read().table().entry(CRASH_UP, ADJUST_THRESHOLDS)).isEqualTo(QEntry.UNVISITED);
        assertThat(store().read().table().value(CRASH_UP, RETRY_DEPLOYMENT)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void overrideAndNoFeedbackAreRecordedAsSuch() throws Exception {
        EpisodeLearner learner = learner();
        Episode overridden = learner.learn(heal(crashFixedByRetry(), 3),
                new Feedback.Overridden(RESTORE_PREVIOUS_VERSION), context("ep-1"));
        assertThat(overridden.verdict()).isEqualTo(Verdict.OVERRIDE);
        assertThat(overridden.override()).contains(RESTORE_PREVIOUS_VERSION);
        assertThat(overridden.reward()).isEqualTo(-1.0);
        assertThat(overridden.updates()).extracting(QUpdate::action)
                .containsExactly(RESTORE_PREVIOUS_VERSION, RETRY_DEPLOYMENT);
        assertThat(store().read().table().value(CRASH_UP, RESTORE_PREVIOUS_VERSION)).isCloseTo(0.3, within(1e-12));

        FakeTarget onlyRetry = new FakeTarget(clock).crash().allow(RETRY_DEPLOYMENT, Duration.ofSeconds(1), FakeTarget::fixAll);
        Episode none = learner.learn(heal(onlyRetry, 3), Feedback.none("nobody answered"), context("ep-2"));
        assertThat(none.outcome()).isEqualTo(Outcome.HEALED);
        assertThat(none.verdict()).isEqualTo(Verdict.NONE);
        assertThat(none.note()).contains("nobody answered");
        assertThat(none.decidedBy()).isEmpty();
        assertThat(none.reward()).isEqualTo(1.0);
    }

    @Test
    void feedbackAfterAResetIsRefusedAndChangesNothing() throws Exception {
        HealResult result = heal(crashFixedByRetry(), 3);
        store().reset("admin");
        byte[] document = Files.readAllBytes(store().policyFile());
        byte[] log = Files.readAllBytes(store().episodeLog());

        assertThatThrownBy(() -> learner().learn(result, Feedback.accepted(), context("late")))
                .isInstanceOf(StalePolicyException.class)
                .hasMessageContaining(Policy.INITIAL_GENERATION)
                .hasMessageContaining(store().read().generation())
                .hasMessageContaining("not applied");

        assertThat(Files.readAllBytes(store().policyFile())).isEqualTo(document);
        assertThat(Files.readAllBytes(store().episodeLog())).isEqualTo(log);
    }

    @Test
    void healthyResultsAreLoggedWithoutQChanges() throws Exception {
        learner().learn(heal(crashFixedByRetry(), 3), Feedback.accepted(), context("ep-1"));
        store().reset("admin"); // a healthy result needs no feedback, so its generation is not checked
        QTable before = store().read().table().copy();
        HealResult healthy = heal(new FakeTarget(clock).allowNoop(RETRY_DEPLOYMENT), 3);

        Episode entry = learner().learn(healthy, Feedback.none("healthy"), context("ep-2"));

        assertThat(entry.outcome()).isEqualTo(Outcome.HEALTHY);
        assertThat(entry.updates()).isEmpty();
        assertThat(entry.steps()).isEmpty();
        assertThat(entry.reward()).isZero();
        assertThat(store().read().table()).isEqualTo(before);
        assertThat(store().read().table().hasState("no_failure_UP")).isFalse();
        assertThat(store().readLog()).last().isEqualTo(LogEntry.of(entry));
    }

    @Test
    void theTableRebuiltFromTheLogEqualsTheSavedOne() throws Exception {
        EpisodeLearner learner = learner();
        learner.learn(heal(crashFixedByRetry(), 3), Feedback.accepted(), context("ep-1"));
        FakeTarget crashRevealsLatency = new FakeTarget(clock).crash().allow(RETRY_DEPLOYMENT, Duration.ofSeconds(1), t -> {
            t.fixAll();
            t.uptime = FakeTarget.slow();
        });
        HealResult failed = heal(crashRevealsLatency, 1); // crash → retry → now latency_issue_UP, out of tries
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        learner.learn(failed, Feedback.rejected(), context("ep-2"));
        QTable saved = store().read().table().copy();

        Files.writeString(store().policyFile(), "{ corrupt");

        assertThat(store().read().table()).isEqualTo(saved);
        assertThat(warnings).singleElement().asString().contains("policy.json");
    }

    @Test
    void eightConcurrentLearnersLoseNoUpdate() throws Exception {
        HealResult result = heal(crashFixedByRetry(), 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                EpisodeLearner own = learner();
                for (int i = 0; i < 10; i++) {
                    own.learn(result, Feedback.accepted(), context("t" + thread + "-" + i));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        QEntry cell = store().read().table().entry(CRASH_UP, RETRY_DEPLOYMENT);
        assertThat(cell.visits()).isEqualTo(80);
        assertThat(cell.value()).isCloseTo(3 * (1 - Math.pow(0.9, 80)), within(1e-9));
        assertThat(store().readLog()).hasSize(80);
        assertThat(store().read().episodes()).isEqualTo(80);
        assertThat(warnings).isEmpty();
        assertThat(Optional.of(store().read().generation())).contains(Policy.INITIAL_GENERATION);
    }
}
