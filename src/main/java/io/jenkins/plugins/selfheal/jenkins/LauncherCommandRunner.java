package io.jenkins.plugins.selfheal.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import io.jenkins.plugins.selfheal.engine.heal.CommandResult;
import io.jenkins.plugins.selfheal.engine.heal.CommandRunner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs rollback/restart/deploy commands in the workspace on the build's agent, output in the build log. */
final class LauncherCommandRunner implements CommandRunner {
    private final Launcher launcher;
    private final FilePath workspace;
    private final EnvVars env;
    private final TaskListener listener;

    LauncherCommandRunner(Launcher launcher, FilePath workspace, EnvVars env, TaskListener listener) {
        this.launcher = launcher;
        this.workspace = workspace;
        this.env = env;
        this.listener = listener;
    }

    @Override
    public CommandResult run(String command) throws InterruptedException {
        long started = System.nanoTime();
        List<String> shell = launcher.isUnix() ? List.of("sh", "-xe", "-c", command) : List.of("cmd.exe", "/C", command);
        try {
            workspace.mkdirs(); // a node's workspace exists only once a step wrote to it; the command runs there
            int exit = launcher.launch().cmds(shell).pwd(workspace).envs(env).stdout(listener).join();
            return new CommandResult(exit, Duration.ofNanos(System.nanoTime() - started), exit == 0 ? "" : "see the build log");
        } catch (IOException e) {
            return new CommandResult(-1, Duration.ofNanos(System.nanoTime() - started), "could not start: " + e.getMessage());
        }
    }
}
