#!/usr/bin/env bash
# Regenerates the README's study pictures in docs/images/:
#   study<N>-pipeline.png  the pipeline of examples/study<N>-*.radflow as the editor draws it
#                          (ReadmeImagesUiTest, under Xvfb with a large screen)
#   study<N>-figure.png    the study's main figure from a run of the five pipelines (StudyPipelinesTest)
# Usage: scripts/readme-images.sh   (needs xvfb-run; about 10 min on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$PWD/docs/images"
mkdir -p "$OUT"

# 1. Run the five studies; copy each study's main figure.
./mvnw -B -q verify -pl tests/io.radflow.pipeline.tests -am -Dtest=StudyPipelinesTest \
    -Dsurefire.failIfNoSpecifiedTests=false
RUNS=tests/io.radflow.pipeline.tests/target/test-output/studies
cp "$RUNS/study1-intra-peritumoural/roc_test/figure.png" "$OUT/study1-figure.png"          # ROC, DeLong
cp "$RUNS/study2-liver-parenchyma-external/hazardRatios/figure.png" "$OUT/study2-figure.png" # HR forest plot
cp "$RUNS/study3-ct-mri-nomogram/nomogramPlot/figure.png" "$OUT/study3-figure.png"        # nomogram at 24, 48 and 60 months
cp "$RUNS/study4-resampled-filtered-grade/timeAuc/figure.png" "$OUT/study4-figure.png"      # time-dependent AUC
cp "$RUNS/study5-reproducible-combined-nomogram/km/figure.png" "$OUT/study5-figure.png"     # KM by the maxstat cut-off

# 2. Pipeline pictures (the UI test module fixes its JVM arguments; the settings go through the environment).
RADFLOW_README_IMAGES="$OUT" RADFLOW_README_SIZE=2200x1200 \
    xvfb-run -a -s "-screen 0 2560x1440x24" ./mvnw -B -q verify -pl tests/io.radflow.ui.tests -am \
    -Dtest=ReadmeImagesUiTest -Dsurefire.failIfNoSpecifiedTests=false

ls -l "$OUT"/study*-*.png
for f in "$OUT"/study*-*.png; do
    size=$(stat -c %s "$f")
    if [ "$size" -gt 300000 ]; then
        echo "readme-images.sh: $f is $size bytes (> 300 KB)" >&2
        exit 1
    fi
done
