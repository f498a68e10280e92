package io.jenkins.plugins.selfheal.engine.store;

import io.jenkins.plugins.selfheal.TestClock;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A policy {@code policy.json} of job-a in a fresh folder, on a test clock, its warnings collected. */
abstract class StoreTestBase {
    @TempDir
    Path dir;
    final TestClock clock = TestClock.at("2024-05-01T10:00:00Z");
    final List<String> warnings = new ArrayList<>();

    /** A new store on the policy each call, as a restarted process or another job page would open it. */
    PolicyStore store() {
        return new PolicyStore(dir.resolve("policy.json"), "job-a", clock, warnings::add);
    }
}
