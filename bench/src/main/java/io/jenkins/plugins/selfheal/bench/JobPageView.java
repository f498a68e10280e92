package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.store.PolicyStore;

import java.io.IOException;

/**
 * What the job page needs from a policy: its JSON. Section 5 measures whichever implementation
 * {@link ViewBench#VIEW} names; when {@code io.jenkins.plugins.selfheal.engine.view} lands, point
 * that one line at an adapter over the real view-document builder.
 */
interface JobPageView {
    /** The page's JSON for the policy in {@code store}, with its history. */
    byte[] json(PolicyStore store) throws IOException;

    /** A stand-in until the view builder exists: the policy document plus the parsed episode log. */
    final class PolicyDocumentView implements JobPageView {
        @Override
        public byte[] json(PolicyStore store) throws IOException {
            var policy = store.read();
            var episodes = store.readLog();
            if (episodes.isEmpty() && policy.episodes() > 0) {
                throw new IOException("episode log missing");
            }
            return io.jenkins.plugins.selfheal.engine.store.PolicyJson.write(
                    io.jenkins.plugins.selfheal.engine.store.PolicyDocument.of(policy), false);
        }
    }
}
