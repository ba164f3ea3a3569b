#!/usr/bin/env bash
# The simulated estate at scale: apply the plan of a generated estate of N machines (default 10,000), half of
# them protected already, so the apply protects the other half (3 operations each at 10,000: 7,500 in all).
# Prints wall time and peak RSS of the apply (GNU time). SITEPLAN=path/to/siteplan measures another build
# (e.g. a worktree of the commit before a change) with the same estate, side by side.
# Usage: bash bench/sim-apply.sh [machines]
set -euo pipefail
cd "$(dirname "$0")/.."
machines="${1:-10000}"
siteplan="${SITEPLAN:-./siteplan}"
work="${BENCH_DIR:-$(mktemp -d)}"
export SITEPLAN_CACHE_DIR="$work/cache" SITEPLAN_SIM_SPEED="${SITEPLAN_SIM_SPEED:-1000000}"
export SITEPLAN_SECRET_ASR_PUSH_ADMIN=bench SITEPLAN_SECRET_ASR_PUSH_ROOT=bench SITEPLAN_SECRET_VCENTER_ASR=bench \
       SITEPLAN_SECRET_CS01_PASSPHRASE=bench
"$siteplan" --version >/dev/null
rm -rf "$work/estate"
"$siteplan" sim generate --machines "$machines" --files 100 --style blocks "$work/estate" >/dev/null
"$siteplan" sim init "$work/estate" --state "$work/estate/.siteplan" --partial 50% --force >/dev/null
/usr/bin/time -f "apply of $machines machines: %e s wall, %M KB peak RSS" \
  "$siteplan" apply "$work/estate" --auto-approve > "$work/apply.log" 2>&1 || { tail -20 "$work/apply.log"; exit 1; }
grep -E "^Apply|applied|operations" "$work/apply.log" | tail -3
tail -1 "$work/apply.log"
