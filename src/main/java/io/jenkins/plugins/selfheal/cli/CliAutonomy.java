package io.jenkins.plugins.selfheal.cli;

import io.jenkins.plugins.selfheal.engine.autonomy.Autonomy;
import io.jenkins.plugins.selfheal.engine.autonomy.AutonomyGate;
import io.jenkins.plugins.selfheal.engine.autonomy.AutonomyLedger;
import io.jenkins.plugins.selfheal.engine.autonomy.HealMode;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import io.jenkins.plugins.selfheal.engine.episode.HealResult;
import io.jenkins.plugins.selfheal.engine.learn.Feedback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code --autonomy} and {@code --mode} of one run. With either given, verdicts are counted in
 * {@code <policy>.autonomy.json} (as a Jenkins job counts them beside its policy); without, a run
 * behaves and writes as before. In the terminal there is no page to judge later: a heal that acts
 * alone is not asked about and is learned from its outcome only.
 */
final class CliAutonomy {
    private final AutonomyGate.Settings gate;
    private final HealMode mode;
    private final AutonomyLedger ledger;

    private CliAutonomy(AutonomyGate.Settings gate, HealMode mode, AutonomyLedger ledger) {
        this.gate = gate;
        this.mode = mode;
        this.ledger = ledger;
    }

    /** Null-free: empty when the run uses neither option (nothing to count, nothing written). */
    static Optional<CliAutonomy> of(RunOptions options, Consumer<String> warnings) {
        if (!options.usesAutonomy()) {
            return Optional.empty();
        }
        return Optional.of(new CliAutonomy(new AutonomyGate.Settings(options.autonomy(), options.confidenceThreshold),
                options.mode(), new AutonomyLedger(ledgerFile(options.policyFile()), warnings)));
    }

    /** {@code logs/policy.json} → {@code logs/policy.autonomy.json}. */
    static Path ledgerFile(Path policy) {
        String name = policy.getFileName().toString();
        return policy.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".autonomy.json");
    }

    /** Shadow mode holds every action. */
    Optional<String> hold() {
        return mode == HealMode.SHADOW ? Optional.of("shadow mode: recording what Self-Heal would do") : Optional.empty();
    }

    /** The verdict to use without asking, when the gate lets the heal act alone; says why either way. */
    Optional<Feedback> alone(HealResult result, Consumer<String> say) throws IOException {
        if (mode == HealMode.SHADOW) {
            say.accept("shadow mode: nothing ran; say whether " + result.lastStep().orElseThrow().action().id()
                    + " was the right action");
            return Optional.empty();
        }
        AutonomyGate.Verdict verdict = AutonomyGate.decide(gate, result, ledger.judgements(result.generation()));
        say.accept("autonomy: " + verdict.why());
        return verdict.actsAlone() ? Optional.of(Feedback.none("acted alone (autonomy " + gate.autonomy().id() + ")"))
                : Optional.empty();
    }

    /** Counts a learned episode's verdict for the gate (and, in shadow mode, as agreement). */
    void judged(Episode learned) throws IOException {
        ledger.judged(learned, mode == HealMode.SHADOW);
    }

    static Autonomy parseAutonomy(String value) {
        try {
            return Autonomy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
    }

    static HealMode parseMode(String value) {
        try {
            return HealMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
    }
}
