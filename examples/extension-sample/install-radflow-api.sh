#!/bin/sh
# Installs the Radflow API jars of an installed Radflow product into the local Maven repository
# (groupId io.radflow.api), so that this project builds against exactly the release the lab runs.
# Usage: ./install-radflow-api.sh /path/to/radflow [version]   (version default 0.1.0, as in pom.xml)
set -eu
PRODUCT=$(CDPATH= cd -- "${1:?usage: install-radflow-api.sh PRODUCT_FOLDER [VERSION]}" && pwd)
VERSION=${2:-0.1.0}
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
MVN=${MVN:-mvn}
for bundle in io.radflow.core io.radflow.image io.radflow.features; do
  jar=$(ls "$PRODUCT"/plugins/${bundle}_*.jar 2>/dev/null | head -n 1)
  [ -n "$jar" ] || { echo "install-radflow-api: no $bundle jar under $PRODUCT/plugins" >&2; exit 2; }
  # a plain POM without dependencies (the jar's embedded build POM would point to Radflow's own build)
  pom=$(mktemp)
  printf '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>io.radflow.api</groupId><artifactId>%s</artifactId><version>%s</version></project>\n' "$bundle" "$VERSION" > "$pom"
  "$MVN" -q -f "$HERE/pom.xml" org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file \
    -Dfile="$jar" -DpomFile="$pom" -Dpackaging=jar
  rm -f "$pom"
  echo "installed $jar as io.radflow.api:$bundle:$VERSION"
done
