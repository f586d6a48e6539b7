#!/usr/bin/env bash
# Peak memory (max RSS) of `ssq-gen lint` over N generated profiles (default 100,000), in every output
# format, for this checkout and, beside it in the same run, for BASE (a git revision, optional), built
# in a temporary worktree. Output is also compared byte for byte between the two builds.
# Needs python3 and GNU time. Usage: benches/lint_memory.sh [N] [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
base=${2:-}
# Memory does not depend on link-time optimization: skip it, to build in a fraction of the time.
build() { CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo build --release --quiet --manifest-path "$1/Cargo.toml" --target-dir "$2"; }
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" 2>/dev/null || true; rm -rf "$work"' EXIT
build . target/memory
bins=("this:$PWD/target/memory/release/ssq-gen")
if [ -n "$base" ]; then
  git worktree add --quiet --detach "$work/base" "$base"
  build "$work/base" target/memory-base
  bins+=("base:$PWD/target/memory-base/release/ssq-gen")
fi
python3 benches/gen_profiles.py "$count" "$work/profiles"
printf '%s profiles; peak memory (max RSS):\n' "$count"
for format in human json github sarif; do
  line="  $(printf '%-7s' "$format")"
  for entry in "${bins[@]}"; do
    name=${entry%%:*} bin=${entry#*:}
    kb=$( (/usr/bin/time -f %M "$bin" lint --color never --format "$format" "$work/profiles" 2>&1 >"$work/$name.$format" || true) | tail -1)
    line+=$(printf '  %s %7.1f MiB' "$name" "$(echo "$kb / 1024" | bc -l)")
  done
  if [ -n "$base" ]; then
    cmp -s "$work/this.$format" "$work/base.$format" && line+="  (output identical)" || line+="  (output differs)"
  fi
  echo "$line"
done
