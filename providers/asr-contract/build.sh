#!/usr/bin/env bash
# Builds the Site Recovery contract the Azure peer checks every request and response against, and
# prints its path. The contract is made from a source no one in this project wrote: the AutoRest SDK
# @azure/arm-recoveryservices-siterecovery (npm, pinned version and integrity, api-version
# 2023-06-01), fetched from the npm registry and read by extract.cjs. Installs Debian's nodejs and
# npm first when they are missing. Rebuilds only when extract.cjs is newer than the contract.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
package='@azure/arm-recoveryservices-siterecovery'
version='5.1.0'
# npm's dist.integrity for that version (npm view @azure/arm-recoveryservices-siterecovery@5.1.0 dist.integrity).
integrity='sha512-B8jTJb5TYCN+IXqAficVYCeRuhNk5z+XsR5JkRURJU+3j4mqLVfjKC8LNwqkzbsrQ07MMWmxIA2qT2fEHJbW1Q=='
out="$here/../target/asr-contract"
contract="$out/contract-$version.json"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "asr-contract: installing Debian's nodejs and npm…" >&2
  if [ "$(id -u)" != 0 ]; then echo "asr-contract: run as root, or install nodejs and npm" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q nodejs npm >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q nodejs npm >/dev/null; }
fi
if [ ! -s "$contract" ] || [ "$here/extract.cjs" -nt "$contract" ]; then
  mkdir -p "$out"
  tgz="$out/package-$version.tgz"
  if [ ! -s "$tgz" ]; then
    echo "asr-contract: fetching $package@$version from the npm registry…" >&2
    rm -rf "$out/pack" && mkdir -p "$out/pack"
    (cd "$out/pack" && npm pack --silent "$package@$version" >/dev/null)
    mv "$out/pack/"*.tgz "$tgz.part"
    # The same check npm makes: the tarball's SHA-512, base64, against the pinned integrity.
    got="sha512-$(openssl dgst -sha512 -binary "$tgz.part" | base64 -w0)"
    if [ "$got" != "$integrity" ]; then
      rm -f "$tgz.part"
      echo "asr-contract: $package@$version has integrity $got, not the pinned $integrity — refusing it" >&2
      exit 1
    fi
    mv "$tgz.part" "$tgz"
  fi
  rm -rf "$out/package" && tar -xzf "$tgz" -C "$out"
  node "$here/extract.cjs" "$out/package" > "$contract.part"
  mv "$contract.part" "$contract"
fi
echo "$contract"
