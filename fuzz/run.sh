#!/usr/bin/env bash
# Fuzzes read → validate → render for both formats, SECONDS each (default 600), starting from the
# seed corpora in fuzz/seeds/. Not part of CI. Needs cargo-fuzz; on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets it use the sanitizer flags. A crash lands in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
for target in profile_toml profile_json; do
  seeds=seeds/${target#profile_}
  mkdir -p "corpus/$target"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$target" "corpus/$target" "$seeds" -- \
    -max_total_time="$seconds" -print_final_stats=1 2>&1 | tee "/tmp/fuzz-$target.log" | grep -E "^(stat::|#[0-9]+ +DONE|==[0-9]+==|SUMMARY)" || true
done
