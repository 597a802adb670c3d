#!/usr/bin/env bash
# Regenerates the API baseline api/<bundle>.api.txt from the bundles as they are now. Run it only for a
# deliberate release (or a deliberate, documented incompatible change): ApiBaselineTest compares every build
# with these files and fails when a released member is removed or changed (docs/extension-api.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -pl tests/io.radflow.extensions.tests -am -Dtest=ApiBaselineTest \
  -Dtycho.testArgLine=-Dradflow.api.update=true "$@"
git status --short api/
