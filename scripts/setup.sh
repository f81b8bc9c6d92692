#!/usr/bin/env bash
# Installs the system packages hotelsales needs to build, test and run, when they are missing.
# Debian/Ubuntu: libsqlite3-dev (SQLite for GRDB), libxml2-dev (channel feeds), libxml2-utils (xmllint, used
# by the export tests and the feed benchmark), sqlite3 (the demo and the kill tests compare query dumps),
# bc and time (the benchmarks).
set -euo pipefail
packages=(libsqlite3-dev libxml2-dev libxml2-utils sqlite3 pkg-config bc time)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH (expected Swift 6.x, e.g. /opt/swift/usr/bin)" >&2; exit 1; }
