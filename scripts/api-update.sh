#!/usr/bin/env bash
# Regenerates the API baseline api/<bundle>.api.txt of EVERY bundle that exports API packages (a version, no
# x-internal), from the bundles as they are now, in one run; snapshots of bundles without API any more are removed.
# Run it only for a deliberate release (or a deliberate, documented incompatible change): ApiBaselineTest compares
# every build with these files and fails when a released member is removed or changed (docs/extension-api.md).
# The bundles are compiled afresh first: classes of deleted sources left in target/classes would otherwise be
# recorded as API.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf bundles/*/target/classes
./mvnw -B -q verify -pl tests/io.radflow.extensions.tests -am -Dtest=ApiBaselineTest \
  -Dtycho.testArgLine=-Dradflow.api.update=true "$@"
git status --short api/
