package io.jenkins.plugins.selfheal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** What the numbers were measured on, for the head of BENCHMARKS.md; and this process's peak RSS. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = procLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        String memory = procLine("/proc/meminfo", "MemTotal").map(l -> l.replaceAll("\\D+", ""))
                .map(kb -> String.format(java.util.Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / 1048576.0)).orElse("unknown");
        return "| machine | |\n|---|---|\n"
                + "| date | " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceAll("\\.\\d+", "") + " |\n"
                + "| nproc | " + Runtime.getRuntime().availableProcessors() + " |\n"
                + "| memory | " + memory + " |\n"
                + "| CPU | " + cpu + " |\n"
                + "| JDK | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " |\n"
                + "| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " |\n";
    }

    /** VmHWM of this process in bytes (the peak resident set), or -1 off Linux. */
    static long peakRssBytes() {
        return procLine("/proc/self/status", "VmHWM").map(l -> Long.parseLong(l.replaceAll("\\D+", "")) * 1024).orElse(-1L);
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
