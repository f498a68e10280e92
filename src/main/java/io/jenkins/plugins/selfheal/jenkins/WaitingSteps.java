package io.jenkins.plugins.selfheal.jenkins;

import hudson.model.Run;
import io.jenkins.plugins.selfheal.engine.store.LogEntry;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Finds a build's waiting {@code selfHeal} step by its id (also after a restart) and hands it the decision. */
final class WaitingSteps {
    private static final Logger LOGGER = Logger.getLogger(WaitingSteps.class.getName());

    private WaitingSteps() {
    }

    static void resume(Run<?, ?> run, String executionId, LogEntry.EpisodeEntry decided) {
        if (executionId == null || !(run instanceof FlowExecutionOwner.Executable executable)) {
            return; // a post-build step or feedback: 'async': nothing waits
        }
        try {
            List<StepExecution> executions = executable.asFlowExecutionOwner().get().getCurrentExecutions(true)
                    .get(30, TimeUnit.SECONDS);
            for (StepExecution execution : executions) {
                if (execution instanceof SelfHealStepExecution step && step.id().equals(executionId)) {
                    step.feedbackArrived(decided);
                }
            }
        } catch (IOException | ExecutionException | TimeoutException e) {
            LOGGER.log(Level.WARNING, "Self-Heal could not reach the waiting step of " + run, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
