#!/usr/bin/env bash
# The GitHub Action on a fresh runner, from the start of its step to the first lint result, through
# the download path: the release archive of the static `dist` binary (packed by the release's own
# script) and its SHA256SUMS, served over HTTP from this machine (SSQ_GEN_RELEASE_URL), into an
# empty cache with no ssq-gen and no cargo on PATH. Medians over repeated runs.
# BUILD_BASELINE=1 also times what the Action did before: `cargo install --locked` into an empty
# target folder, once (minutes).  Usage: benches/action_download.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
cargo dist-build --quiet
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/mirror/v$version"
SSQ_GEN_BINARY=target/x86_64-unknown-linux-gnu/dist/ssq-gen \
  bash .github/scripts/package.sh x86_64-unknown-linux-gnu "$work/mirror/v$version" > /dev/null
(cd "$work/mirror/v$version" && sha256sum ssq-gen-*.tar.gz > SHA256SUMS)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$work/mirror" "$port" > /dev/null 2>&1 &
server=$!
until curl -fs "http://127.0.0.1:$port/v$version/SHA256SUMS" > /dev/null; do sleep 0.1; done
echo "archive: $(du -k "$work/mirror/v$version"/*.tar.gz | cut -f1) KiB"

times=()
for ((i = 0; i < runs; i++)); do
  home="$work/home-$i"
  mkdir "$home"
  start=$(date +%s.%N)
  (cd examples && env -i HOME="$home" PATH=/usr/local/bin:/usr/bin:/bin \
    SSQ_GEN_RELEASE_URL="http://127.0.0.1:$port" INPUT_PATHS=profile.toml \
    bash ../action/lint.sh > /dev/null 2> "$home/log")
  end=$(date +%s.%N)
  grep -q "SHA-256 verified" "$home/log" || { cat "$home/log"; exit 1; }
  times+=("$(echo "$end - $start" | bc)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
download=$(median "${times[@]}")
printf 'fresh runner to first lint result, download path: median %.3f s over %d runs (min %.3f, max %.3f)\n' \
  "$download" "$runs" "$(printf '%s\n' "${times[@]}" | sort -g | head -1)" "$(printf '%s\n' "${times[@]}" | sort -g | tail -1)"

if [[ -n "${BUILD_BASELINE:-}" ]]; then
  start=$(date +%s.%N)
  CARGO_TARGET_DIR="$work/target" cargo install --locked --quiet --path . --root "$work/built"
  end=$(date +%s.%N)
  build=$(echo "$end - $start" | bc)
  printf 'the same through cargo install --locked (empty target folder, warm registry): %.1f s, %.0f x the download path\n' \
    "$build" "$(echo "$build / $download" | bc -l)"
fi
