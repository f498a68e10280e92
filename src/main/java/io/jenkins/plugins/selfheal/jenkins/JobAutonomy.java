package io.jenkins.plugins.selfheal.jenkins;

import hudson.model.Job;
import io.jenkins.plugins.selfheal.engine.autonomy.AutonomyLedger;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A job's autonomy ledger ({@code <job dir>/self-heal/autonomy.json}), one instance per file so changes are serialised. */
final class JobAutonomy {
    private static final Logger LOGGER = Logger.getLogger(JobAutonomy.class.getName());
    private static final ConcurrentHashMap<Path, AutonomyLedger> LEDGERS = new ConcurrentHashMap<>();

    private JobAutonomy() {
    }

    /** Whether the job has autonomy bookkeeping (a verdict counted, a heal capped, a simulated episode decided). */
    static boolean exists(Job<?, ?> job) {
        return java.nio.file.Files.exists(file(job));
    }

    private static Path file(Job<?, ?> job) {
        return new File(new File(job.getRootDir(), "self-heal"), "autonomy.json").toPath().toAbsolutePath().normalize();
    }

    /** Forgets the ledgers of files {@code gone} matches (a deleted or moved job's). */
    static void forget(java.util.function.Predicate<Path> gone) {
        LEDGERS.keySet().removeIf(gone);
    }

    static AutonomyLedger ledger(Job<?, ?> job) {
        Path file = file(job);
        String name = job.getFullName();
        return LEDGERS.computeIfAbsent(file, f -> new AutonomyLedger(f,
                warning -> LOGGER.log(Level.WARNING, "Self-Heal autonomy of {0}: {1}", new Object[] {name, warning})));
    }
}
