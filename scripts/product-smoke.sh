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
# A lab's extension (examples/extension-sample): built with its own Maven build against the product's API jars,
# dropped into dropins/, then the headless product runs a pipeline with its filter, feature family and model.
SAMPLE=examples/extension-sample
DROPINS="$PRODUCT/dropins"
RFC="$PRODUCT/radflow-cli"
rm -rf "$DROPINS" "$SAMPLE/target"; mkdir -p "$DROPINS"
check sample-api-install env MVN="$PWD/mvnw" "$SAMPLE/install-radflow-api.sh" "$PRODUCT"
check sample-build ./mvnw -B -q -f "$SAMPLE/pom.xml" package
check sample-tests bash -c "grep -h 'Tests run' $SAMPLE/target/surefire-reports/*.txt | grep -v 'Tests run: 0' | grep -q 'Failures: 0, Errors: 0'"
check sample-dropin cp "$SAMPLE/target/radflow-lab-extension-1.0.0.jar" "$DROPINS/"
check sample-installed bash -c "'$RFC' extensions list | grep 'INSTALLED  radflow-lab-extension-1.0.0.jar  org.example.radflowlab 1.0.0  node types: ' | grep 'org.example.radflowlab.median' | grep 'org.example.radflowlab.fractal' | grep -q 'org.example.radflowlab.knn'"
check sample-list-nodes bash -c "'$RFC' list-nodes | grep -q '^org.example.radflowlab.knn 1.0.0'"
check sample-run "$RFC" run "$SAMPLE/pipeline.radflow" --out "$OUT/sample" --quiet
for f in median/cohort.csv fractal/features.csv knn/predictions.csv manifest.json; do
  check "sample-output-${f//\//-}" test -s "$OUT/sample/$f"
done
check sample-predictions bash -c "head -1 '$OUT/sample/knn/predictions.csv' | grep -q 'PatientID,observed,probability,predicted' && test \$(wc -l < '$OUT/sample/knn/predictions.csv') -gt 50"
# broken jars beside it: reported by name, the sample still runs, the built-in node types stay
printf 'not a jar' > "$DROPINS/broken.jar"
CLASH="$OUT/clash"; mkdir -p "$CLASH"
(cd "$CLASH" && unzip -q "$OLDPWD/$SAMPLE/target/radflow-lab-extension-1.0.0.jar" \
  && sed -i 's/org.example.radflowlab.median/radflow.features.firstOrder/; s/"org.example.radflowlab.fractal"/"org.example.clash.fractal"/; s/"org.example.radflowlab.knn"/"org.example.clash.knn"/' plugin.xml \
  && sed -i 's/^Bundle-SymbolicName: org.example.radflowlab;singleton:=true/Bundle-SymbolicName: org.example.clash;singleton:=true/' META-INF/MANIFEST.MF \
  && rm -rf META-INF/maven && zip -q -r "$OLDPWD/$DROPINS/clash.jar" META-INF plugin.xml org)
check dropin-not-a-jar-reported bash -c "'$RFC' extensions list | grep -q 'broken.jar: not a jar (zip) file'"
check dropin-clash-reported bash -c "'$RFC' extensions list | grep -q 'clash.jar (org.example.clash 1.0.0: node type radflow.features.firstOrder skipped: the id is already contributed by io.radflow.features'"
check dropin-clash-builtin-kept bash -c "'$RFC' list-nodes --format json 2>/dev/null | grep -A6 '\"id\": \"radflow.features.firstOrder\"' | grep -q '\"contributor\": \"io.radflow.features '"
check dropin-broken-run-still-works "$RFC" run "$SAMPLE/pipeline.radflow" --out "$OUT/sample-broken" --quiet
check demo-run-with-broken-dropins "$RFC" run examples/demo.radflow --out "$OUT/demo-broken" --quiet
# removing the jars removes their node types at the next start
rm -f "$DROPINS"/*.jar
check dropin-removed bash -c "'$RFC' extensions reload | grep -q '(no jars)' && ! '$RFC' list-nodes | grep -q org.example"
check dropin-removed-pipeline-invalid bash -c "'$RFC' validate '$SAMPLE/pipeline.radflow' 2>&1 | grep -q \"unknown node type 'org.example.radflowlab.median'\""
# pipeline bundles: create, verify, tamper, verify again
check bundle-create "$RFC" bundle create examples/demo.radflow -o "$OUT/demo-bundle.zip"
check bundle-verify "$RFC" bundle verify "$OUT/demo-bundle.zip"
(mkdir -p "$OUT/tamper" && cd "$OUT/tamper" && unzip -q ../demo-bundle.zip && sed -i 's/binWidth: .*/binWidth: 5/' parameters/pyradiomics.yaml && zip -q -r ../demo-tampered.zip .)
check bundle-tampered-exits-2 bash -c "'$RFC' bundle verify '$OUT/demo-tampered.zip' 2>&1 | grep -q 'parameters/pyradiomics.yaml: SHA-256 mismatch'; test \${PIPESTATUS[0]} -eq 2"
# trained-model bundle: run study 3, bundle its trained state, apply it to the demo cohort (nothing refitted: the
# combined model's linear predictors equal the run's), a tampered model file is refused and nothing is written
S3=examples/study3-ct-mri-nomogram.radflow
check study3-run "$RFC" run "$S3" --out "$OUT/study3" --quiet
check bundle-trained "$RFC" bundle create "$S3" -o "$OUT/study3-trained.zip" --trained "$OUT/study3"
check apply "$RFC" apply "$OUT/study3-trained.zip" --cohort builtin:demo -o "$OUT/study3-apply" --quiet
check apply-predictions bash -c "head -1 '$OUT/study3-apply/predictions.csv' | grep -q '^PatientID,radscore.radscore,' && test \$(wc -l < '$OUT/study3-apply/predictions.csv') -gt 50"
check apply-same-predictions bash -c "diff <(cut -d, -f1,3 '$OUT/study3/combined/predictions.csv') <(cut -d, -f1,3 '$OUT/study3-apply/combined/predictions.csv')"
(mkdir -p "$OUT/tamper-model" && cd "$OUT/tamper-model" && unzip -q ../study3-trained.zip && sed -i 's/"coefficient": /"coefficient": 1/' models/combined/model.json && zip -q -r ../study3-tampered.zip .)
check apply-tampered-exits-2 bash -c "'$RFC' apply '$OUT/study3-tampered.zip' --cohort builtin:demo -o '$OUT/study3-tampered' 2>&1 | grep -q 'models/combined/model.json: SHA-256 mismatch'; test \${PIPESTATUS[0]} -eq 2 && test ! -e '$OUT/study3-tampered'"
# every example pipeline, exported to YAML, conforms to the published JSON Schema (when Python has jsonschema)
if python3 -c "import yaml, jsonschema" 2>/dev/null; then
  for f in examples/*.radflow "$SAMPLE/pipeline.radflow"; do
    n=$(basename "$(dirname "$f")")-$(basename "$f" .radflow)
    check "yaml-schema-$n" bash -c "'$RFC' export '$f' -o '$OUT/$n.yaml' && python3 -c 'import sys, json, yaml, jsonschema; jsonschema.validate(yaml.safe_load(open(sys.argv[1])), json.load(open(sys.argv[2])))' '$OUT/$n.yaml' docs/pipeline-yaml.schema.json"
  done
fi
echo "product smoke: $pass passed, $fail failed" > "$OUT/summary.txt"
cat "$OUT/summary.txt"
[ "$fail" -eq 0 ]
