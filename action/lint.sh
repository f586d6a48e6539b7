#!/usr/bin/env bash
# The steps of action.yml, as a script so that they can be tested outside GitHub
# (tests/cli/action.rs): install this version of ssq-gen unless it is already on PATH or in
# ~/.ssq-gen (the cached install), then lint. Inputs come as INPUT_PATHS, INPUT_FORMAT, INPUT_ARGS
# and INPUT_OUTPUT.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$source_dir/Cargo.toml" | head -n 1)
root=${SSQ_GEN_ROOT:-$HOME/.ssq-gen}
export PATH="$root/bin:$PATH"
if [ "$(ssq-gen --version 2>/dev/null)" != "ssq-gen $version" ]; then
  echo "installing ssq-gen $version from $source_dir" >&2
  cargo install --locked --quiet --path "$source_dir" --root "$root"
fi
read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a args <<< "${INPUT_ARGS:-}"
if [ -n "${INPUT_OUTPUT:-}" ]; then
  exec ssq-gen lint --format "${INPUT_FORMAT:-github}" "${args[@]}" "${paths[@]}" > "$INPUT_OUTPUT"
fi
exec ssq-gen lint --format "${INPUT_FORMAT:-github}" "${args[@]}" "${paths[@]}"
