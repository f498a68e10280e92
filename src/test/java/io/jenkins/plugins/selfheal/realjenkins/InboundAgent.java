package io.jenkins.plugins.selfheal.realjenkins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real agent process on this machine: an inbound agent over WebSocket ({@code agent.jar} served
 * by the controller), with its own work directory, so what a test runs "on the agent" really
 * crosses the remoting channel.
 */
public final class InboundAgent {
    private final String name;
    private final Path dir;
    private final Process process;

    private InboundAgent(String name, Path dir, Process process) {
        this.name = name;
        this.dir = dir;
        this.process = process;
    }

    static InboundAgent start(RealJenkins jenkins, String name, String label, String... jvmOptions)
            throws IOException, InterruptedException {
        Path dir = jenkins.workDir("agent-" + name);
        JenkinsClient client = jenkins.anonymous();
        String secret = client.script("""
                def launcher = new hudson.slaves.JNLPLauncher()
                launcher.setWebSocket(true)
                def node = new hudson.slaves.DumbSlave('%s', '%s', launcher)
                node.setLabelString('%s')
                node.setNumExecutors(2)
                jenkins.model.Jenkins.get().addNode(node)
                print(jenkins.model.Jenkins.get().getComputer('%s').getJnlpMac())
                """.formatted(name, dir, label, name)).strip();
        Path jar = dir.resolve("agent.jar");
        try (InputStream in = URI.create(jenkins.url() + "jnlpJars/agent.jar").toURL().openStream()) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBinary.toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString(), "-url", jenkins.url(), "-secret", secret, "-name", name,
                "-webSocket", "-workDir", dir.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        InboundAgent agent = new InboundAgent(name, dir, process);
        agent.waitOnline(client, true);
        return agent;
    }

    /** The agent's root folder: its workspaces are under {@code workspace/}. */
    public Path dir() {
        return dir;
    }

    public String name() {
        return name;
    }

    /** Waits until the controller sees the agent online (true) or offline (false). */
    public void waitOnline(JenkinsClient client, boolean online) throws InterruptedException {
        Waits.until(Waits.DEFAULT, () -> "agent " + name + " " + (online ? "online" : "offline") + "; its log:\n" + log(), () -> {
            if (online && !process.isAlive()) {
                throw new AssertionError("agent process exited: " + log());
            }
            return client.json("computer/" + name + "/api/json?tree=offline").path("offline").asBoolean(true) != online;
        });
    }

    /** Stops the agent process (the controller then sees the agent offline). */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("agent.log"));
        } catch (IOException e) {
            return "(no agent log: " + e.getMessage() + ")";
        }
    }
}
