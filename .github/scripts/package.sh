#!/usr/bin/env bash
# Builds and packs one release archive: OUT/ssq-gen-<version>-<target>.tar.gz (.zip for Windows),
# holding ssq-gen-<version>-<target>/ with the binary, README.md and completions/. The release
# workflow runs it once per target; `cargo binstall` and action/lint.sh read the same names.
# SSQ_GEN_BINARY packs a binary already built instead (the tests, benches/action_download.sh).
#
#   .github/scripts/package.sh TARGET [OUT]     prints the archive's path
set -euo pipefail
target=$1
out=${2:-dist}
root=$(cd "$(dirname "$0")/../.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
exe=""
case $target in *-windows-*) exe=.exe ;; esac

binary=${SSQ_GEN_BINARY:-}
if [ -z "$binary" ]; then
  # The `dist` profile (fat LTO), with the C runtime linked statically: the Linux binaries need no
  # particular glibc, or any (as `cargo dist-build` does for x86-64; see .cargo/config.toml), and
  # the Windows one no Visual C++ runtime.
  case $target in
    *-linux-gnu) flags="-C target-feature=+crt-static -C relocation-model=static" ;;
    *-windows-msvc) flags="-C target-feature=+crt-static" ;;
    *) flags="" ;;
  esac
  flags_variable="CARGO_TARGET_$(echo "$target" | tr 'a-z-' 'A-Z_')_RUSTFLAGS"
  env "$flags_variable=$flags" cargo build --locked --quiet --profile dist --target "$target" \
    --manifest-path "$root/Cargo.toml"
  binary="$root/target/$target/dist/ssq-gen$exe"
fi

name="ssq-gen-$version-$target"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp "$binary" "$stage/$name/ssq-gen$exe"
cp "$root/README.md" "$stage/$name/"
cp -R "$root/completions" "$stage/$name/"
mkdir -p "$out"
out=$(cd "$out" && pwd)
case $target in
  *-windows-*)
    (cd "$stage" && 7z a -tzip -bd "$out/$name.zip" "$name" >/dev/null)
    echo "$out/$name.zip"
    ;;
  *)
    tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
    echo "$out/$name.tar.gz"
    ;;
esac
