package io.jenkins.plugins.selfheal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a contender in its own process and reads its {@code RESULT key=value ...} line. */
final class ChildProcess {
    private ChildProcess() {
    }

    /** A JVM on the benchmark's own class path running {@code mainClass}. */
    static List<String> java(Settings settings, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", settings.javaClassPath(), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static Map<String, String> result(Process process) throws IOException, InterruptedException {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                Map<String, String> values = new HashMap<>();
                for (String pair : line.substring(7).trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    values.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                return values;
            }
        }
        throw new IOException("no RESULT line (exit " + exit + ") from " + process.info().commandLine().orElse("child")
                + ":\n" + out);
    }

    static Map<String, String> run(List<String> command) throws IOException, InterruptedException {
        return result(start(command));
    }

}
