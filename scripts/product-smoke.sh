#!/usr/bin/env bash
# Smoke test of the materialised product: the launch scripts start the headless application, the
# demo writes its outputs, bad input gives a non-zero exit with a clear message.
set -uo pipefail
cd "$(dirname "$0")/.."
PRODUCT=product/target/products/io.radflow.studio/linux/gtk/x86_64/radflow
OUT=target/smoke
rm -rf "$OUT"; mkdir -p "$OUT"
pass=0; fail=0
check() { # name, command...
  local name=$1; shift
  if "$@" >"$OUT/$name.log" 2>&1; then pass=$((pass+1)); echo "smoke ok   $name"
  else fail=$((fail+1)); echo "smoke FAIL $name (log: $OUT/$name.log)"; tail -20 "$OUT/$name.log"; fi
}
check archive test -f product/target/products/radflow-linux.gtk.x86_64.tar.gz
check list-nodes "$PRODUCT/radflow-cli" list-nodes --format json
check demo-run "$PRODUCT/radflow-cli" run examples/demo.radflow --out "$OUT/demo" --quiet
for f in firstorder/features.csv cox/table.csv kmplot/figure.png kmplot/figure.svg manifest.json; do
  check "demo-output-${f//\//-}" test -s "$OUT/demo/$f"
done
# PyRadiomics-style extraction with the example parameter file (shared data beside the repository)
DATA=${RADFLOW_SHARED_DATA:-../shared/data}
if [ -d "$DATA/pyradiomics" ]; then
  check extract-brain1 "$PRODUCT/radflow-cli" extract --image "$DATA/pyradiomics/brain1_image.nrrd" \
    --mask "$DATA/pyradiomics/brain1_label.nrrd" --params "$DATA/pyradiomics/Params.yaml" --out "$OUT/brain1.csv"
  check extract-output test -s "$OUT/brain1.csv"
fi
printf '<?xml version="1.0"?>\n<radflow:Pipeline xmlns:xmi="http://www.omg.org/XMI" xmi:version="2.0" xmlns:radflow="http://radflow.io/pipeline/1.0" name="bad"><nodes id="x" typeId="no.such.type" typeVersion="1.0.0"/></radflow:Pipeline>\n' > "$OUT/unknown.radflow"
check unknown-node-type-exits-2 bash -c "'$PRODUCT/radflow-cli' validate '$OUT/unknown.radflow' 2>&1 | grep -q \"unknown node type 'no.such.type'\"; test \${PIPESTATUS[0]} -eq 2"
echo "product smoke: $pass passed, $fail failed" > "$OUT/summary.txt"
cat "$OUT/summary.txt"
[ "$fail" -eq 0 ]
