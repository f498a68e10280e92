package io.jenkins.plugins.selfheal.faults;

import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What every fault suite starts from: a policy in a fresh folder, and the warnings its stores gave. */
abstract class PolicyFolderTest {
    @TempDir
    Path dir;
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    /** A new store object on the folder's policy, as another build or process would open it. */
    PolicyStore store() {
        return FaultEpisodes.store(dir.resolve("policy.json"), warnings::add);
    }
}
