package io.jenkins.plugins.selfheal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Section 1: full-scan throughput of the detector (fast path) against pandas, the Commons CSV
 * reference and {@code cat} (the physical limit), peak RSS per size, and the delta scan of 1 KB
 * appended to the largest file. Every contender runs in its own process on a warm page cache.
 */
final class ScanBench {
    private final Settings settings;
    private final String python;

    ScanBench(Settings settings) {
        this.settings = settings;
        this.python = System.getenv().getOrDefault("SELFHEAL_BENCH_PYTHON", "/usr/bin/python3");
    }

    String run() throws IOException, InterruptedException {
        StringBuilder table = new StringBuilder("| size | `cat` (limit) | our detector | Commons CSV only | pandas | ours vs pandas "
                + "| ours vs Commons | ours vs `cat` | peak RSS ours | peak RSS Commons | peak RSS pandas |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<Double> speedups = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        Path largest = null;
        double largestFast = 0;
        boolean pandas = pandasAvailable();
        for (long size : settings.scanSizes()) {
            Path file = StudentScoresCsv.generate(settings.work().resolve("data"), size);
            int repeats = settings.smoke() ? 1 : size >= 1_000_000_000L ? 2 : size >= 100_000_000L ? 3 : 5;
            int slowRepeats = size >= 1_000_000_000L ? 1 : repeats;
            double cat = catNanos(file, repeats);
            Map<String, String> fast = ChildProcess.run(ChildProcess.java(settings, ScanChild.class, "fast", file.toString(), "" + repeats));
            Map<String, String> reference = ChildProcess.run(ChildProcess.java(settings, ScanChild.class, "reference", file.toString(), "" + slowRepeats));
            Map<String, String> pd = pandas ? ChildProcess.run(List.of(python, pandasScript().toString(), file.toString(), "" + slowRepeats)) : null;
            double fastNs = best(fast);
            double referenceNs = best(reference);
            double pandasNs = pd == null ? Double.NaN : best(pd);
            long bytes = Files.size(file);
            speedups.add(pandasNs / fastNs);
            rss.add(Long.parseLong(fast.get("hwm_bytes")));
            table.append("| ").append(Stats.mib(bytes)).append(" | ").append(cell(cat, bytes))
                    .append(" | ").append(cell(fastNs, bytes)).append(" | ").append(cell(referenceNs, bytes))
                    .append(" | ").append(pd == null ? "n/a (no pandas)" : cell(pandasNs, bytes))
                    .append(" | ").append(pd == null ? "n/a" : Stats.ratio(pandasNs / fastNs) + " faster")
                    .append(" | ").append(Stats.ratio(referenceNs / fastNs) + " faster")
                    .append(" | ").append(Stats.ratio(fastNs / cat) + " of cat's time")
                    .append(" | ").append(Stats.mib(Long.parseLong(fast.get("hwm_bytes"))))
                    .append(" | ").append(Stats.mib(Long.parseLong(reference.get("hwm_bytes"))))
                    .append(" | ").append(pd == null ? "n/a" : Stats.mib(Long.parseLong(pd.get("hwm_bytes")))).append(" |\n");
            largest = file;
            largestFast = fastNs;
        }
        Map<String, String> delta = ChildProcess.run(ChildProcess.java(settings, ScanChild.class, "delta", largest.toString(), settings.smoke() ? "1" : "20"));
        double deltaNs = best(delta);
        boolean fastEnough = speedups.stream().allMatch(s -> s >= 10);
        boolean flat = rss.get(rss.size() - 1) < 1.5 * rss.get(0);
        return table + "\nTimes are the best of 5 (10 MB), 3 (100 MB) or 2 (1 GB; 1 for Commons CSV and pandas) runs "
                + "inside each process (JVM / interpreter start-up excluded); `cat` is `hyperfine` on a warm page cache. "
                + "Every contender applies the same student_scores rules (required values, score 0–100, mean ≥ 40) "
                + "to every row; none finds anything.\n\n"
                + "| delta scan (" + Stats.mib(Files.size(largest)) + " file) | time |\n|---|---|\n"
                + "| full scan, our detector | " + Stats.ms(largestFast) + " |\n"
                + "| 1 KB appended, judged via `DatasetBaseline` | " + Stats.ms(deltaNs) + " (" + Stats.ratio(largestFast / deltaNs)
                + " faster; finding: " + delta.get("finding") + ") |\n\n"
                + "- Goal full scan ≥ 10× faster than pandas at every size: " + Stats.met(fastEnough && pandas)
                + (pandas ? "" : " (pandas missing)") + "\n"
                + "- Goal memory flat as the file grows (peak RSS of the largest < 1.5× the smallest): " + Stats.met(flat) + "\n";
    }

    private static String cell(double nanos, long bytes) {
        return Stats.ms(nanos) + " (" + Stats.mbPerSecond(bytes, nanos) + ")";
    }

    private static double best(Map<String, String> result) {
        return Double.parseDouble(result.get("best_ns"));
    }

    private boolean pandasAvailable() {
        try {
            return Files.exists(pandasScript()) && new ProcessBuilder(python, "-c", "import pandas").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** bench/pandas_scan.py, from the repository root (run.sh) or from bench/ (the module's tests). */
    private static Path pandasScript() {
        Path fromRoot = Path.of("bench", "pandas_scan.py");
        return Files.exists(fromRoot) ? fromRoot : Path.of("pandas_scan.py");
    }

    /** {@code cat file > /dev/null}: hyperfine's median when installed, else timed here. */
    private double catNanos(Path file, int repeats) throws IOException, InterruptedException {
        Path json = settings.work().resolve("cat.json");
        List<String> hyperfine = List.of("hyperfine", "-N", "--warmup", "1", "--runs", "" + Math.max(3, repeats),
                "--export-json", json.toString(), "--output=null", "cat " + file);
        try {
            Process process = new ProcessBuilder(hyperfine).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() == 0) {
                Matcher median = Pattern.compile("\"median\":\\s*([0-9.eE+-]+)").matcher(Files.readString(json));
                if (median.find()) {
                    return Double.parseDouble(median.group(1)) * 1e9;
                }
            }
        } catch (IOException e) {
            // no hyperfine: time it here
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i <= repeats; i++) {
            long start = System.nanoTime();
            new ProcessBuilder("cat", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
