#!/usr/bin/env bash
# Issue 5's discovery benchmark: a vCenter simulator (providers/vcsim, govmomi) with 1,000 VMs of
# 4 disks each on 127.0.0.1, discovered three ways in one session (see DiscoveryBenchmark):
#   raw:     one RetrievePropertiesEx of the same properties, nothing converted   (the yardstick)
#   batched: siteplan's discovery, everything included                             target <= 1.2x raw
#   naive:   one call per property per VM                                          (what batching avoids)
# BENCH_VMS, BENCH_DISKS and BENCH_RUNS change the sizes (defaults 1000, 4, 10).
set -euo pipefail
cd "$(dirname "$0")/.."
./siteplan --version >/dev/null
vcsim="$(bash providers/vcsim/build.sh)"
work="$(mktemp -d)"
"$vcsim" -listen 127.0.0.1:0 -vms "${BENCH_VMS:-1000}" -disks "${BENCH_DISKS:-4}" -readyfile "$work/ready.json" >"$work/vcsim.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do [ -f "$work/ready.json" ] && break; sleep 0.2; done
[ -f "$work/ready.json" ] || { cat "$work/vcsim.log" >&2; exit 1; }
field() { python3 -c "import json,sys; print(json.load(open('$work/ready.json'))['$1'])"; }
export VCSIM_PASSWORD="$(field password)"
./siteplan debug vsphere-bench --sdk "$(field url)" --user "$(field user)" --password-env VCSIM_PASSWORD \
  --thumbprint "$(field thumbprint)" --runs "${BENCH_RUNS:-10}" --naive
