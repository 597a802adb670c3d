#!/usr/bin/env bash
# Runs every Radflow test: unit, conformance (IBSI, PyRadiomics, R golden files), pipeline,
# CLI and the studio under Xvfb, then a smoke test of the built product's launch scripts.
# Installs Xvfb and GTK first when they are missing and we are root (fresh machines, CI).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v xvfb-run >/dev/null 2>&1 || ! ldconfig -p | grep -q libgtk-3.so.0; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends xvfb xauth libgtk-3-0 >/dev/null
  else
    echo "test.sh: install xvfb xauth libgtk-3-0 first (sudo apt-get install ...)" >&2
    exit 2
  fi
fi
[ -d ../shared/data ] || { echo "test.sh: reference data ../shared/data is missing (see README)" >&2; exit 2; }
xvfb-run -a -s "-screen 0 1280x800x24" ./mvnw -B verify "$@"
bash scripts/product-smoke.sh
bash scripts/test-summary.sh
