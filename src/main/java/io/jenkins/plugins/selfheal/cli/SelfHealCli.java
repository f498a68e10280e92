package io.jenkins.plugins.selfheal.cli;

import picocli.CommandLine;

/**
 * {@code java -jar self-heal-cli.jar}: the original simulation's command line on the Self-Heal engine.
 * Exit codes: 0 healed or healthy, 1 still failing, 2 bad usage or bad input.
 */
public final class SelfHealCli {
    public static final int HEALED = 0;
    public static final int STILL_FAILING = 1;
    public static final int BAD_INPUT = 2;

    private SelfHealCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RunCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("self-heal: " + BadInput.describe(e));
            return BadInput.isBadInput(e) ? BAD_INPUT : STILL_FAILING;
        });
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        return cli;
    }
}
