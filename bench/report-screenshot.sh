#!/usr/bin/env bash
# Renders a drill report (report.html) to a PNG with Debian's headless Chromium, to look at it as a
# person would: bench/report-screenshot.sh PATH/TO/report.html [OUT.png]
# Installs chromium with apt when it is missing (Debian's package; nothing is downloaded by Chromium).
set -euo pipefail
report="$(realpath "${1:?usage: $0 report.html [out.png]}")"
out="${2:-report.png}"
if ! command -v chromium >/dev/null; then
  echo "installing Debian's chromium…" >&2
  apt-get install -y -q chromium >/dev/null
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# The network flags keep Chromium from reaching out: this machine's network is closed.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1280,1400 \
  --screenshot="$(realpath -m "$out")" "file://$report" 2>/dev/null
echo "wrote $out"
