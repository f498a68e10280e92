package io.jenkins.plugins.selfheal.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.selfheal.engine.uptime.HttpUptimeProbe;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeProbe;
import io.jenkins.plugins.selfheal.engine.uptime.UptimeReading;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * The health probe where the deployment is: on the agent holding the build's workspace, through its
 * channel (the agent's network and proxy, not the controller's). Only its reading comes back: status
 * and timing. The controller never probes a Pipeline author's URL unless an administrator allowed
 * that host ({@link ProbeHosts}) and the build has no agent.
 */
final class AgentUptimeProbe implements UptimeProbe {
    private final FilePath workspace;
    private final String url;

    private AgentUptimeProbe(FilePath workspace, String url) {
        this.workspace = workspace;
        this.url = url;
    }

    /**
     * The probe for a build: on its agent when it has a workspace, else on the controller for an
     * allowed host; otherwise refused with one line naming {@code healthUrl}.
     */
    static UptimeProbe forBuild(FilePath workspace, String url, ProbeHosts controllerMayProbe) throws AbortException {
        if (workspace != null) {
            return new AgentUptimeProbe(workspace, url);
        }
        if (controllerMayProbe.allows(HttpUptimeProbe.parseHealthUrl(url))) {
            return new HttpUptimeProbe(url);
        }
        throw new AbortException("Self-Heal: healthUrl: the health probe runs on the build's agent: run selfHeal inside "
                + "node { … } (the controller probes only hosts an administrator allowed in Manage Jenkins → System → Self-Heal)");
    }

    @Override
    public UptimeReading probe() throws InterruptedException {
        try {
            return workspace.act(new Probe(url));
        } catch (IOException e) {
            return UptimeReading.down(List.of(), "the health probe could not run on the agent (" + StepSummary.describe(e) + ")");
        }
    }

    private static final class Probe extends MasterToSlaveFileCallable<UptimeReading> {
        private static final long serialVersionUID = 1L;
        private final String url;

        Probe(String url) {
            this.url = url;
        }

        @Override
        public UptimeReading invoke(File workspace, VirtualChannel channel) throws InterruptedException {
            return new HttpUptimeProbe(url).probe();
        }
    }
}
