package io.jenkins.plugins.selfheal.jenkins;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import jenkins.model.TransientActionFactory;

import java.util.Collection;
import java.util.List;

/** Adds "Self-Heal autonomy" to every job that has a policy or autonomy bookkeeping. */
@Extension
@SuppressWarnings("rawtypes")
public class SelfHealAutonomyActionFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return SelfHealAutonomyAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job job) {
        return JobPolicy.store(job).exists() || JobAutonomy.exists(job) ? List.of(new SelfHealAutonomyAction(job)) : List.of();
    }
}
