#!/usr/bin/env bash
# Builds Radflow (product included, tests skipped) and runs the demo pipeline on the bundled
# synthetic HCC cohort with the product's own headless launcher. Outputs go to target/demo-run/.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests verify
PRODUCT=product/target/products/io.radflow.studio/linux/gtk/x86_64/radflow
OUT=${1:-target/demo-run}
rm -rf "$OUT"
"$PRODUCT/radflow-cli" run examples/demo.radflow --out "$OUT" --quiet
echo "Demo outputs:"
find "$OUT" -type f | sort
