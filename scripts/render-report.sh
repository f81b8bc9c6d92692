#!/usr/bin/env bash
# Renders the page of `hotelsales reports html` to PNG with headless Chromium, to look at the charts.
# usage: scripts/render-report.sh report.html [report.png]
# Chromium comes from Debian (apt-get install chromium); without it the script says so and exits 2.
# Network access is refused (a proxy that does not exist), so a page that needed the network would show it.
set -euo pipefail
html=${1:?usage: scripts/render-report.sh report.html [report.png]}
png=${2:-${html%.html}.png}
browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "render-report: no headless Chromium found; install it with: apt-get install chromium" >&2
    exit 2
fi
absolute=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --proxy-server=127.0.0.1:9 \
    --window-size=1000,1700 --screenshot="$png" "file://$absolute" >/dev/null 2>&1
echo "$png"
