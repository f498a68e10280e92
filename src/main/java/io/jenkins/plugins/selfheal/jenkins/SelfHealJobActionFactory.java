package io.jenkins.plugins.selfheal.jenkins;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import jenkins.model.TransientActionFactory;

import java.util.Collection;
import java.util.List;

/** Adds the "Self-Heal" link to every job that has a policy; no job configuration needed. */
@Extension
@SuppressWarnings("rawtypes")
public class SelfHealJobActionFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    /** Only asked when someone looks for this action type, not on every job.getAction(…) in Jenkins. */
    @Override
    public Class<? extends Action> actionType() {
        return SelfHealJobAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job job) {
        return JobPolicy.store(job).exists() ? List.of(new SelfHealJobAction(job)) : List.of();
    }
}
