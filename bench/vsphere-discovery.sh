#!/usr/bin/env bash
# Discovery benchmark: a vCenter simulator (providers/vcsim, govmomi) with 1,000 VMs of
# 4 disks each on 127.0.0.1, discovered three ways in one session (see DiscoveryBenchmark):
#   raw:     one RetrievePropertiesEx of the same properties, nothing converted   (the yardstick)
#   batched: siteplan's discovery, everything included                             target <= 1.2x raw
#   naive:   one call per property per VM                                          (what batching avoids)
# BENCH_VMS, BENCH_DISKS and BENCH_RUNS change the sizes (defaults 1000, 4, 10).
set -euo pipefail
cd "$(dirname "$0")/.."
./siteplan --version >/dev/null
. bench/lib/vcsim.sh
work="$(mktemp -d)"
trap 'vcsim_stop; rm -rf "$work"' EXIT
vcsim_start "$work"
./siteplan debug vsphere-bench --sdk "$(vcsim_field url)" --user "$(vcsim_field user)" --password-env VCSIM_PASSWORD \
  --thumbprint "$(vcsim_field thumbprint)" --runs "${BENCH_RUNS:-10}" --naive
