#!/usr/bin/env bash
# Adds up the Surefire reports of all test modules and the product smoke test into one line.
cd "$(dirname "$0")/.."
tests=0; failures=0; errors=0; skipped=0
for f in tests/*/target/surefire-reports/TEST-*.xml runners/*/target/surefire-reports/TEST-*.xml; do
  [ -f "$f" ] || continue
  line=$(grep -m1 -o '<testsuite [^>]*' "$f")
  get() { echo "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  tests=$((tests + $(get tests))); failures=$((failures + $(get failures)))
  errors=$((errors + $(get errors))); skipped=$((skipped + $(get skipped)))
done
smoke=$(sed -n 's/^product smoke: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' target/smoke/summary.txt 2>/dev/null)
spass=${smoke% *}; sfail=${smoke#* }
passed=$((tests - failures - errors - skipped + ${spass:-0}))
failed=$((failures + errors + ${sfail:-0}))
echo "Conformance reports (tests/*/target/test-output/):"
for f in tests/*/target/test-output/conformance-*.md; do
  [ -f "$f" ] || continue
  printf '  %-40s %s\n' "$(basename "$f" .md)" "$(grep -m1 -oE '[0-9]+ of [0-9]+ (compared rows )?pass[^|]*' "$f" || echo '(see file)')"
done
echo "radflow: $passed passed, $failed failed, $skipped skipped"
