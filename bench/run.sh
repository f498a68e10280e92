#!/usr/bin/env bash
# Builds Self-Heal and its benchmarks, runs them, writes BENCHMARKS.md at the repository root.
#   bench/run.sh           all sections, scan sizes 10 MB, 100 MB and 1 GB (about 5-10 minutes on 2 cores)
#   bench/run.sh --quick   the same without the 1 GB file
#   bench/run.sh --smoke   tiny inputs: checks every entry point runs (bench module tests + a smoke report)
# Extra arguments are passed to BenchMain (e.g. --only 1,3).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

MODE=()
SMOKE=0
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
  esac
  MODE+=("$arg")
done

# Tools the comparisons need; a failure here only loses that comparison.
need=()
/usr/bin/python3 -c 'import pandas' 2>/dev/null || need+=(python3-pandas)
command -v hyperfine >/dev/null || need+=(hyperfine)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} ..."
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >/dev/null 2>&1; then
    echo "warning: could not install ${need[*]}: the pandas / hyperfine comparisons will be missing or timed without hyperfine" >&2
  fi
fi

echo "building Self-Heal ..."
mvn -B -q -DskipTests package
echo "building the benchmarks ..."
if [ "$SMOKE" = 1 ]; then
  mvn -B -q -f bench/pom.xml package      # runs the bench module's smoke test too
else
  mvn -B -q -f bench/pom.xml -DskipTests package
fi

CP="bench/target/classes:$(find bench/target/lib -name '*.jar' | sort | tr '\n' ':')target/self-heal-0.1.0.jar"
OUT=BENCHMARKS.md
[ "$SMOKE" = 1 ] && OUT=bench/target/BENCHMARKS-smoke.md
export SELFHEAL_BENCH_PYTHON=/usr/bin/python3   # Debian's python3-pandas lives there, not in a pyenv
java -cp "$CP" io.jenkins.plugins.selfheal.bench.BenchMain --work bench/target/work --out "$OUT" "${MODE[@]}"
echo "report: $OUT"
