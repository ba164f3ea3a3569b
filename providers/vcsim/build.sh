#!/usr/bin/env bash
# Builds siteplan-vcsim, the vCenter simulator the provider specs and the discovery benchmark run
# against, and prints the binary's path. Installs Debian's Go and govmomi (its simulator package)
# first when they are missing. Builds in GOPATH mode from Debian's sources: nothing is downloaded
# but Debian packages. Rebuilds only when main.go is newer than the binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../target/vcsim"
bin="$out/siteplan-vcsim"
govmomi=/usr/share/gocode/src/github.com/vmware/govmomi/simulator
if ! command -v go >/dev/null || [ ! -d "$govmomi" ]; then
  echo "siteplan-vcsim: installing Debian's golang-go and golang-github-vmware-govmomi-dev…" >&2
  if [ "$(id -u)" != 0 ]; then echo "siteplan-vcsim: run as root, or install golang-go golang-github-vmware-govmomi-dev" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q golang-go golang-github-vmware-govmomi-dev >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q golang-go golang-github-vmware-govmomi-dev >/dev/null; }
fi
if [ ! -x "$bin" ] || [ "$here/main.go" -nt "$bin" ]; then
  echo "siteplan-vcsim: building…" >&2
  gopath="$out/gopath"
  mkdir -p "$gopath/src/siteplan-vcsim"
  cp "$here/main.go" "$gopath/src/siteplan-vcsim/main.go"
  (cd "$gopath/src/siteplan-vcsim" && GO111MODULE=off GOPATH="$gopath:/usr/share/gocode" GOFLAGS= go build -o "$bin.tmp" .)
  mv "$bin.tmp" "$bin"
fi
echo "$bin"
