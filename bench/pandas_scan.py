"""The student_scores rule in pandas, for bench/run.sh: read_csv, then the same checks as
BuiltInRuleSets.STUDENT_SCORES (required values, score 0-100, mean score >= 40).
Usage: pandas_scan.py FILE REPEATS; prints one RESULT line like ScanChild."""
import sys
import time

import pandas as pd


def check(path):
    frame = pd.read_csv(path)
    empty = int(frame.isna().sum().sum())
    score = frame["score"]
    out_of_range = int(((score < 0) | (score > 100)).sum())
    low_mean = score.mean() < 40
    return "anomaly_score" if empty or out_of_range or low_mean else "none"


def peak_rss_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) * 1024
    return -1


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    times, outcome = [], ""
    for _ in range(repeats):
        start = time.perf_counter_ns()
        outcome = check(path)
        times.append(time.perf_counter_ns() - start)
    times.sort()
    print(f"RESULT best_ns={times[0]} median_ns={times[len(times) // 2]} "
          f"hwm_bytes={peak_rss_bytes()} finding={outcome}")


if __name__ == "__main__":
    main()
