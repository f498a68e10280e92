package io.jenkins.plugins.selfheal.bench;

import io.jenkins.plugins.selfheal.engine.store.PolicyStore;
import io.jenkins.plugins.selfheal.engine.view.ViewJson;

import java.io.IOException;

/** What the job page needs from a policy: its JSON. Section 5 measures {@link ViewBench#VIEW}. */
interface JobPageView {
    /** The page's JSON for the policy in {@code store}, with its history. */
    byte[] json(PolicyStore store) throws IOException;

    /** Exactly what the job page's {@code view.json} serves: the view document built from the policy and its log. */
    final class ViewDocumentView implements JobPageView {
        @Override
        public byte[] json(PolicyStore store) throws IOException {
            return ViewJson.of(store); // what PolicyAdmin.viewJson serves, without the Jenkins side
        }
    }
}
