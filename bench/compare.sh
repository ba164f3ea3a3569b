#!/usr/bin/env bash
# Side by side, in one run: this checkout against another build of siteplan (BEFORE=path/to/other/siteplan, e.g. a
# worktree of the commit before a refactor: `git worktree add /tmp/before <commit>`), on the same inputs.
#   plan-scale: 10,000 machines x 4 disks in 100 files (bench/plan-scale.sh's estates), blocks cold and warm, table cold,
#               one hyperfine run with both builds' commands interleaved
#   discovery:  bench/vsphere-discovery.sh's session (1,000 VMs on govmomi's vcsim), each build against the same simulator
# Every JVM with -Xmx512m. Needs hyperfine and Go (providers/vcsim/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
before="${BEFORE:?set BEFORE to the siteplan script of the other build}"
command -v hyperfine >/dev/null || { echo "bench: install hyperfine (apt-get install hyperfine)" >&2; exit 1; }
export SITEPLAN_JAVA_EXTRA="-Xmx512m"
work="${BENCH_DIR:-$(mktemp -d)}"
./siteplan --version >/dev/null
"$before" --version >/dev/null
./siteplan sim generate --machines 10000 --files 100 --style blocks "$work/blocks" >/dev/null
./siteplan sim generate --machines 10000 --files 100 --style table "$work/table" >/dev/null
for s in blocks table; do ./siteplan sim init "$work/$s" --state "$work/$s/.siteplan" --partial 50% --force >/dev/null; done
ca="$work/cache-after"; cb="$work/cache-before"
SITEPLAN_CACHE_DIR="$ca" ./siteplan plan "$work/blocks" --no-color >/dev/null || true
SITEPLAN_CACHE_DIR="$cb" "$before" plan "$work/blocks" --no-color >/dev/null || true
hyperfine --warmup 1 --runs "${BENCH_RUNS:-5}" -N --export-markdown "$work/plan.md" \
  -n "before: blocks cold" --prepare "rm -rf $cb" "env SITEPLAN_CACHE_DIR=$cb $before plan $work/blocks --no-color" \
  -n "after: blocks cold" --prepare "rm -rf $ca" "env SITEPLAN_CACHE_DIR=$ca ./siteplan plan $work/blocks --no-color" \
  -n "before: blocks warm" --prepare "true" "env SITEPLAN_CACHE_DIR=$cb $before plan $work/blocks --no-color" \
  -n "after: blocks warm" --prepare "true" "env SITEPLAN_CACHE_DIR=$ca ./siteplan plan $work/blocks --no-color" \
  -n "before: table cold" --prepare "rm -rf $cb" "env SITEPLAN_CACHE_DIR=$cb $before plan $work/table --no-color" \
  -n "after: table cold" --prepare "rm -rf $ca" "env SITEPLAN_CACHE_DIR=$ca ./siteplan plan $work/table --no-color"
cat "$work/plan.md"
. bench/lib/vcsim.sh
trap vcsim_stop EXIT
vcsim_start "$work"
for who in before after; do
  cmd=./siteplan; [ "$who" = before ] && cmd="$before"
  echo "discovery, $who:"
  "$cmd" debug vsphere-bench --sdk "$(vcsim_field url)" --user "$(vcsim_field user)" --password-env VCSIM_PASSWORD \
    --thumbprint "$(vcsim_field thumbprint)" --runs "${BENCH_RUNS:-10}"
done
