package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.detect.Finding;
import io.jenkins.plugins.selfheal.engine.heal.ActionKind;
import io.jenkins.plugins.selfheal.engine.heal.ActionResult;
import io.jenkins.plugins.selfheal.engine.learn.Choice;
import io.jenkins.plugins.selfheal.engine.learn.Decision;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;
import io.jenkins.plugins.selfheal.engine.learn.HealAttempt;
import io.jenkins.plugins.selfheal.engine.learn.LearningParameters;
import io.jenkins.plugins.selfheal.engine.learn.RewardPolicy;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.episode.Observation;
import io.jenkins.plugins.selfheal.engine.episode.Outcome;
import io.jenkins.plugins.selfheal.engine.loop.EpisodeLearner;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import io.jenkins.plugins.selfheal.engine.store.Policy;
import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The workload of the fault suites, through the engine's public API only: a crash healed by a retry,
 * waiting for feedback under a chosen episode id, then accepted (one Q-cell update per episode).
 */
final class FaultEpisodes {
    static final String STATE = "deployment_failure_DOWN";
    static final ActionKind ACTION = ActionKind.RETRY_DEPLOYMENT;

    /** The heal's detail; a writer makes it long so its log reaches a snapshot (and a segment move) every few episodes. */
    static volatile String detail = "redeployed";

    private FaultEpisodes() {
    }

    static PolicyStore store(Path policyFile, Consumer<String> warnings) {
        return new PolicyStore(policyFile, "faults", Clock.systemUTC(), warnings);
    }

    /** The draft a build keeps while waiting for feedback, made with the policy's current generation. */
    static Episode draft(String id, String generation) {
        Decision decision = new Decision("rl", STATE, ACTION, Choice.EXPLOIT, 0.1, Map.of(ACTION, 0.0), Set.of(ACTION));
        HealAttempt step = new HealAttempt(decision, ActionResult.succeeded(Duration.ofSeconds(1), detail), "no_failure_UP",
                true, Set.of());
        Observation initial = new Observation(Optional.of(Finding.crash("exit code 1")),
                UptimeReading.down(List.of(), "connection refused"), STATE);
        HealResult result = new HealResult("rl", generation, initial, List.of(step), Outcome.HEALED,
                Optional.of(Duration.ofSeconds(1)));
        return Episode.pending(result, id, null, Instant.now());
    }

    /** Learns episode {@code id} (accepted) into the store's current generation; returns what the log holds. */
    static Episode learn(PolicyStore store, String id) throws IOException {
        Policy policy = store.read();
        return learner(store).learn(draft(id, policy.generation()), Feedback.accepted(), "tester");
    }

    static EpisodeLearner learner(PolicyStore store) {
        return new EpisodeLearner(store, LearningParameters.DEFAULTS, RewardPolicy.DEFAULTS, Clock.systemUTC());
    }

    /** The ids of the episodes in the log, in order. */
    static List<String> loggedIds(PolicyStore store) throws IOException {
        return store.readLog().stream().filter(e -> e instanceof LogEntry.EpisodeEntry)
                .map(e -> ((LogEntry.EpisodeEntry) e).id()).toList();
    }
}
