#!/usr/bin/env bash
# The scale benchmark, on this machine: 10,000 machines with 4 disks each in 100 files, measured side by
# side in one hyperfine run:
#   blocks, cold:  `siteplan plan` with no model cache (declarative files: read by the literal parser in
#                  the siteplan process, no code runs)                       target <= 2.0x jackson
#   blocks, warm:  the same with nothing changed since the last run           target <= 1.5x jackson
#   jackson:       Jackson reading the same model as one JSON file            (the yardstick, same JVM setup)
#   table, cold:   the data-driven form (one loop over CSV inventories): Groovy code, so evaluated in the
#                  isolated evaluator process (bubblewrap where available)    target <= 3.5 s
# Every JVM with -Xmx512m (the evaluator's default heap too). Wall times include the JVMs.
# Needs hyperfine (Debian package `hyperfine`).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench: install hyperfine (apt-get install hyperfine)" >&2; exit 1; }
export SITEPLAN_JAVA_EXTRA="-Xmx512m"
# The model cache of these runs only, so a cold run can empty it.
export SITEPLAN_CACHE_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}}/siteplan-bench-cache"
./siteplan --version >/dev/null                     # builds if needed and trains the CDS archive
work="${BENCH_DIR:-$(mktemp -d)}"
./siteplan sim generate --machines 10000 --files 100 --style blocks "$work/blocks"
./siteplan sim generate --machines 10000 --files 100 --style table "$work/table"
for s in blocks table; do ./siteplan sim init "$work/$s" --state "$work/$s/.siteplan" --partial 50% --force >/dev/null; done
./siteplan export "$work/blocks" --format json -o "$work/model.json"
du -sh "$work/blocks" "$work/table" "$work/model.json" | sed 's/^/size: /'
./siteplan plan "$work/blocks" --no-color >/dev/null || true   # fills the model cache for the warm run
hyperfine --warmup 1 --runs "${BENCH_RUNS:-5}" -N --export-markdown "$work/results.md" \
  -n "blocks cold" --prepare "rm -rf $SITEPLAN_CACHE_DIR" "./siteplan plan $work/blocks --no-color" \
  -n "blocks warm" --prepare "true" "./siteplan plan $work/blocks --no-color" \
  -n "jackson read" --prepare "true" "./siteplan debug read-json $work/model.json" \
  -n "table cold" --prepare "rm -rf $SITEPLAN_CACHE_DIR" "./siteplan plan $work/table --no-color"
cat "$work/results.md"
/usr/bin/time -f "peak RSS blocks cold: %M KB" ./siteplan plan "$work/blocks" --no-color --no-cache >/dev/null
