#!/usr/bin/env bash
# Makes the npm package of one platform from its release archive: OUT/cli-<os>-<cpu>/ with a
# package.json (name @ssq-gen/cli-<os>-<cpu>, declaring os, cpu and libc) and bin/ssq-gen. The
# launcher package (npm/ssq-gen) lists each as an optional dependency.
#
#   npm/platform.sh TARGET ARCHIVE OUT     prints the package's folder
set -euo pipefail
target=$1
archive=$2
out=$3
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
case $target in
  x86_64-unknown-linux-gnu) os=linux cpu=x64 ;;
  aarch64-unknown-linux-gnu) os=linux cpu=arm64 ;;
  x86_64-apple-darwin) os=darwin cpu=x64 ;;
  aarch64-apple-darwin) os=darwin cpu=arm64 ;;
  x86_64-pc-windows-msvc) os=win32 cpu=x64 ;;
  *) echo "npm/platform.sh: no npm platform for $target" >&2; exit 1 ;;
esac
# The Linux binaries are static: they run on glibc and musl systems alike.
case $os in
  linux) libc='"libc": ["glibc", "musl"], ' ;;
  *) libc="" ;;
esac
exe=""
[ "$os" = win32 ] && exe=.exe
package="$out/cli-$os-$cpu"
rm -rf "$package"
mkdir -p "$package/bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case $archive in
  *.zip) (cd "$work" && unzip -q "$archive") ;;
  *) tar -C "$work" -xzf "$archive" ;;
esac
cp "$work/ssq-gen-$version-$target/ssq-gen$exe" "$package/bin/ssq-gen$exe"
chmod +x "$package/bin/ssq-gen$exe"
cat > "$package/package.json" <<JSON
{
  "name": "@ssq-gen/cli-$os-$cpu",
  "version": "$version",
  "description": "The ssq-gen binary for $target (installed by the ssq-gen package)",
  "license": "MIT",
  "repository": { "type": "git", "url": "git+https://github.com/ssq-gen/ssq-gen.git" },
  "os": ["$os"], "cpu": ["$cpu"], ${libc}"files": ["bin/ssq-gen$exe"],
  "preferUnplugged": true
}
JSON
(cd "$package" && pwd)
