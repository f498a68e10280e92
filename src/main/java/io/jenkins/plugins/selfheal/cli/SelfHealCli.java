package io.jenkins.plugins.selfheal.cli;

import picocli.CommandLine;

import java.io.InputStream;

/**
 * {@code java -jar self-heal-cli.jar}: the original simulation's command line on the Self-Heal engine.
 * Exit codes: 0 healed or healthy (other commands: done), 1 still failing, 2 bad usage or bad input.
 */
public final class SelfHealCli {
    /** {@code run}: the deployment is healthy or was healed. */
    public static final int HEALED = 0;
    /** {@code export}, {@code import}, {@code report}, {@code restore}, {@code train}: done. */
    public static final int OK = 0;
    public static final int STILL_FAILING = 1;
    public static final int BAD_INPUT = 2;

    private SelfHealCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        return commandLine(System.in, System.console() != null).execute(args);
    }

    /**
     * @param interactive whether {@code in} is a person at a terminal (wait for answers as long as
     *                    it takes) rather than a pipe or file (never block)
     */
    static CommandLine commandLine(InputStream in, boolean interactive) {
        CommandLine cli = new CommandLine(new RunCommand(in, interactive));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("self-heal: " + BadInput.describe(e));
            return BadInput.isBadInput(e) ? BAD_INPUT : STILL_FAILING;
        });
        // One line and a pointer to the help, not the whole usage after the message.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String help = failed.getParent() == null ? "--help" : failed.getCommandName() + " --help";
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("bad usage");
            failed.getErr().println("self-heal: " + message + " (see " + help + ")");
            return BAD_INPUT;
        });
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        return cli;
    }
}
