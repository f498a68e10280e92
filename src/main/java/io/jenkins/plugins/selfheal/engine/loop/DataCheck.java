package io.jenkins.plugins.selfheal.engine.loop;

import io.jenkins.plugins.selfheal.engine.detect.Finding;

import java.io.IOException;
import java.util.Optional;

/** Checks the rows the deployment changed, wherever the data lives (on an agent in Jenkins). */
@FunctionalInterface
public interface DataCheck {
    Optional<Finding> check() throws IOException, InterruptedException;

    DataCheck NONE = Optional::empty;
}
