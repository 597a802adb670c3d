#!/usr/bin/env bash
# Runs the benchmarks (JUnit classes tagged "benchmark") of one test module, e.g.
#   ./scripts/bench.sh io.radflow.stats.tests [BenchmarkClassName]
# Benchmarks print their timings and ratios against a baseline measured in the same run, and write
# them to tests/<module>/target/bench/. They assert nothing about speed: these machines are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?usage: bench.sh <test module, e.g. io.radflow.stats.tests> [test class]}
extra=()
if [ $# -ge 2 ]; then extra+=("-Dtest=$2"); fi
./mvnw -B verify -pl "tests/$module" -am -Dradflow.test.groups=benchmark -Dradflow.test.excludedGroups= \
  -DfailIfNoTests=false -Dsurefire.failIfNoSpecifiedTests=false "${extra[@]}"
echo "Benchmark reports: $(ls tests/$module/target/bench/ 2>/dev/null | tr '\n' ' ')"
