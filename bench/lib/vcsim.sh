# Sourced by the benchmarks that discover from a vCenter simulator (providers/vcsim, govmomi) on 127.0.0.1.
#   vcsim_start DIR   builds and starts one with BENCH_VMS VMs of BENCH_DISKS disks (defaults 1000, 4), its log and
#                     ready file in DIR; waits until it serves, then exports VCSIM_PASSWORD
#   vcsim_field NAME  url, user or thumbprint of the running simulator
#   vcsim_stop        stops it; set the caller's EXIT trap to call it before vcsim_start, so that a simulator that
#                     never gets ready is not left running
vcsim_start() {
  vcsim_dir="$1"
  local bin
  bin="$(bash "$(dirname "${BASH_SOURCE[0]}")/../../providers/vcsim/build.sh")"
  "$bin" -listen 127.0.0.1:0 -vms "${BENCH_VMS:-1000}" -disks "${BENCH_DISKS:-4}" -readyfile "$vcsim_dir/ready.json" >"$vcsim_dir/vcsim.log" 2>&1 &
  vcsim_pid=$!
  for _ in $(seq 1 600); do [ -f "$vcsim_dir/ready.json" ] && break; sleep 0.2; done
  [ -f "$vcsim_dir/ready.json" ] || { cat "$vcsim_dir/vcsim.log" >&2; return 1; }
  VCSIM_PASSWORD="$(vcsim_field password)"
  export VCSIM_PASSWORD
}

vcsim_field() {
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$vcsim_dir/ready.json" "$1"
}

vcsim_stop() {
  [ -n "${vcsim_pid:-}" ] || return 0
  kill "$vcsim_pid" 2>/dev/null || true
  wait "$vcsim_pid" 2>/dev/null || true # its exit status is the signal's; a caller under set -e still cleans up after it
  vcsim_pid=
}
