package io.jenkins.plugins.selfheal.jenkins;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.selfheal.engine.episode.Episode;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds a build's waiting {@code selfHeal} step by its id (also after a restart) and hands it the
 * decision; and keeps the live waiting steps in memory (re-registered when a build resumes), so a
 * reset, import or restore of a job's policy lets that job's waiting builds go on at once.
 */
final class WaitingStepRegistry {
    private static final Logger LOGGER = Logger.getLogger(WaitingStepRegistry.class.getName());
    private static final Set<SelfHealStepExecution> WAITING = ConcurrentHashMap.newKeySet();

    private WaitingStepRegistry() {
    }

    static void resume(Run<?, ?> run, String executionId, Episode decided) {
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
            // the step looks at the build record again when it resumes (StepPhases.resume)
            LOGGER.log(Level.WARNING, "Self-Heal could not reach the waiting step of " + run, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void register(SelfHealStepExecution step) {
        WAITING.add(step);
    }

    static void forget(SelfHealStepExecution step) {
        WAITING.remove(step);
    }

    /** After a reset, import or restore of {@code job}'s policy: its waiting steps settle, not learned, and go on. */
    static void policyReplaced(Job<?, ?> job) {
        for (SelfHealStepExecution step : WAITING) {
            try {
                if (step.belongsTo(job)) {
                    step.policyReplaced();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // the step still ends at its timeout, which settles a stale episode the same way
                LOGGER.log(Level.WARNING, "Self-Heal could not let a waiting build of " + job.getFullName() + " go on", e);
            }
        }
    }
}
