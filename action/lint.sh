#!/usr/bin/env bash
# The steps of action.yml, as a script so that they can be tested outside GitHub
# (tests/cli/action.rs): put this version of ssq-gen on PATH, then lint. Inputs come as
# INPUT_PATHS, INPUT_FORMAT, INPUT_ARGS and INPUT_OUTPUT.
#
# ssq-gen comes, in this order of preference, from PATH or the cache (~/.ssq-gen/<version>), from
# the release's archive for this runner (verified against the release's SHA256SUMS), or, when no
# release has this version (an untagged commit), from `cargo install --locked`. SSQ_GEN_RELEASE_URL
# replaces https://github.com/ssq-gen/ssq-gen/releases/download (a mirror, or a test's file://
# folder) with the same layout: $SSQ_GEN_RELEASE_URL/v<version>/<archive> and .../SHA256SUMS.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$source_dir/Cargo.toml" | head -n 1)
root=${SSQ_GEN_ROOT:-$HOME/.ssq-gen}/$version
export PATH="$root/bin:$PATH"
# What the installed binary was installed for: every commit has one version number, so the ref
# the workflow pinned (SSQ_GEN_ACTION_REF, from github.action_ref) is kept beside it.
wanted="ssq-gen $version ${SSQ_GEN_ACTION_REF:-}"

# The release target this runner runs, as .github/scripts/package.sh names archives.
runner_target() {
  local arch os
  case $(uname -m) in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) return 1 ;;
  esac
  case $(uname -s) in
    Linux) os=unknown-linux-gnu ;;
    Darwin) os=apple-darwin ;;
    MINGW* | MSYS* | CYGWIN*) os=pc-windows-msvc ;;
    *) return 1 ;;
  esac
  echo "$arch-$os"
}

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d ' ' -f 1
}

# 0: installed; 1: no release to download (fall back to building); exits: a checksum mismatch.
download() {
  local target archive base work expected actual
  target=$(runner_target) || { echo "no release binary for $(uname -sm)" >&2; return 1; }
  case $target in *-windows-*) archive=ssq-gen-$version-$target.zip ;; *) archive=ssq-gen-$version-$target.tar.gz ;; esac
  base=${SSQ_GEN_RELEASE_URL:-https://github.com/ssq-gen/ssq-gen/releases/download}/v$version
  work=$(mktemp -d)
  if ! curl --fail --silent --show-error --location --retry 2 -o "$work/SHA256SUMS" "$base/SHA256SUMS" ||
    ! curl --fail --silent --show-error --location --retry 2 -o "$work/$archive" "$base/$archive"; then
    rm -rf "$work"
    echo "no release of ssq-gen $version at $base for $target" >&2
    return 1
  fi
  expected=$(awk -v name="$archive" '$2 == name || $2 == "*" name { print $1 }' "$work/SHA256SUMS")
  actual=$(sha256 "$work/$archive")
  if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
    echo "::error::ssq-gen $version: $archive does not match SHA256SUMS (expected ${expected:-no entry}, got $actual); nothing was run" >&2
    rm -rf "$work"
    exit 1
  fi
  case $archive in
    *.zip) (cd "$work" && unzip -q "$archive") ;;
    *) tar -C "$work" -xzf "$work/$archive" ;;
  esac
  mkdir -p "$root/bin"
  mv "$work/ssq-gen-$version-$target"/ssq-gen* "$root/bin/"
  rm -rf "$work"
  echo "ssq-gen $version: downloaded $archive from $base (SHA-256 verified)" >&2
}

installed() {
  if [ -x "$root/bin/ssq-gen" ] || [ -x "$root/bin/ssq-gen.exe" ]; then
    [ "$(cat "$root/installed-for" 2>/dev/null)" = "$wanted" ]
  else
    [ "$(ssq-gen --version 2>/dev/null)" = "ssq-gen $version" ]
  fi
}

if ! installed; then
  rm -rf "$root/bin"
  if ! download; then
    echo "ssq-gen $version: building it with cargo install --locked from $source_dir (a few minutes)" >&2
    cargo install --locked --quiet --force --path "$source_dir" --root "$root"
  fi
  echo "$wanted" > "$root/installed-for"
fi
read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a args <<< "${INPUT_ARGS:-}"
if [ -n "${INPUT_OUTPUT:-}" ]; then
  exec ssq-gen lint --format "${INPUT_FORMAT:-github}" "${args[@]}" "${paths[@]}" > "$INPUT_OUTPUT"
fi
exec ssq-gen lint --format "${INPUT_FORMAT:-github}" "${args[@]}" "${paths[@]}"
