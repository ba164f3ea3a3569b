#!/usr/bin/env bash
# How far off the predicted RTO is (RTO-PREDICTED), measured on simulated drills: drills of
# examples/vmware-to-azure-modernized's orders-failover, each with other database disk sizes and, for some, a slow
# host injected under one machine (the simulated estate's slowFailover fault). Each drill is predicted from the drills
# recorded before it only, as `siteplan report --json` gives it (trend[].predictedRtoSeconds), and set against what
# the drill measured. Prints one row per drill and the mean absolute error of those predicted from history.
# Usage: bash bench/rto-prediction.sh    (SITEPLAN=path/to/siteplan measures another build)
set -euo pipefail
cd "$(dirname "$0")/.."
siteplan="${SITEPLAN:-$PWD/siteplan}"
work="${BENCH_DIR:-$(mktemp -d)}"
export SITEPLAN_CACHE_DIR="$work/cache" SITEPLAN_SIM_SPEED="${SITEPLAN_SIM_SPEED:-500000}" SITEPLAN_LOCK_DIR="$work/locks"
export SITEPLAN_SECRETS_FILE="$PWD/examples/demo-secrets.properties"
export SITEPLAN_TODAY="$(date +%F)"
"$siteplan" --version >/dev/null
def="$work/vmware-to-azure-modernized"
rm -rf "$def" && cp -r examples/vmware-to-azure-modernized "$def" && rm -rf "$def/.siteplan/history"
# Data disk of ord-sql01/02 in GB, and seconds of slow host (machine:seconds) for each drill.
sizes=(1500 1500 2500 800 2200 1500 2000 2900 1200 2700 1800 2600)
slow=("" "" "" "ord-app02:600" "" "" "ord-sql02:900" "" "" "web01:300" "" "")
for i in "${!sizes[@]}"; do
  sed -i -E "s/windowsServer\(\[d: [0-9]+,/windowsServer([d: ${sizes[$i]},/" "$def/machines.groovy"
  "$siteplan" sim init "$def" --state "$def/.siteplan" --from-model --force >/dev/null
  if [ -n "${slow[$i]}" ]; then printf '{"slowFailover": {"%s": %s}}\n' "${slow[$i]%%:*}" "${slow[$i]##*:}" > "$def/.siteplan/faults.json"
  else echo '{}' > "$def/.siteplan/faults.json"; fi
  # A drill that misses its objective exits 4 and is recorded all the same; one refused (exit 1) would shift the rows.
  code=0; "$siteplan" drill "$def" --recovery-plan orders-failover --ack > "$work/drill-$i.log" 2>&1 || code=$?
  if [ "$code" -ne 0 ] && [ "$code" -ne 4 ]; then cat "$work/drill-$i.log" >&2; exit 1; fi
done
"$siteplan" report "$def" --json > "$work/report.json"
jq -r --argjson sizes "$(printf '%s\n' "${sizes[@]}" | jq -s .)" --argjson slow "$(printf '"%s"\n' "${slow[@]}" | jq -s .)" '
  (.plans[] | select(.name == "orders-failover") | .trend) as $t
  | ["drill", "data disk GB", "slow host", "measured s", "predicted s", "error s"],
    ($t | to_entries[] | [(.key + 1), $sizes[.key], ($slow[.key] | if . == "" then "-" else . end), .value.rtoSeconds, .value.predictedRtoSeconds,
      (.value.predictedRtoSeconds - .value.rtoSeconds)])
  | @tsv' "$work/report.json" | column -t -s $'\t'
jq -r '(.plans[] | select(.name == "orders-failover") | .trend[1:]) as $h
  | ($h | map((.predictedRtoSeconds - .rtoSeconds) | fabs)) as $e
  | ($h | map(((.predictedRtoSeconds - .rtoSeconds) | fabs) / .rtoSeconds * 100)) as $p
  | "predicted from history: \($h | length) drills; mean absolute error \(($e | add / length) | round) s, \(($p | add / length) * 10 | round / 10)% of the measured RTO; largest \($e | max | round) s"' "$work/report.json"
