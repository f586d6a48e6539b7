#!/usr/bin/env bash
# Whole-process time of one profile, as medians over repeated runs, each against `cat` of the same
# file measured in the same rounds (the floor: starting a process and reading the file):
#   - `ssq-gen rules`: our own start-up, with no profile work;
#   - `snippet` of the example profile (+86), without a phone, with a +1 phone, and with the slowest
#     territory to validate (+1 340, VI: a shared calling code, so the number is tried against
#     several territories' patterns);
#   - `lint` of the slowest one, and `snippet` of the from_page example.
# BASELINE=path/to/another/ssq-gen adds the same cases for that binary (a before-and-after table).
# Runs alternate (benches/alternate.py). Usage: benches/snippet.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
cargo dist-build --quiet
bin=target/x86_64-unknown-linux-gnu/dist/ssq-gen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grep -v '^phone' examples/profile.ssq.toml > "$work/no-phone.toml"
sed 's/^phone = .*/phone = "+1 212-555-0123"/' examples/profile.ssq.toml > "$work/us-phone.toml"
sed 's/^phone = .*/phone = "+1 340-642-1234"/' examples/profile.ssq.toml > "$work/slowest.toml"

cases=()
add() {  # name, binary
  cases+=("$1 rules" "$2 rules"
    "$1 snippet examples/profile.ssq.toml" "$2 snippet examples/profile.ssq.toml"
    "$1 snippet, no phone" "$2 snippet $work/no-phone.toml"
    "$1 snippet, +1 212 phone" "$2 snippet $work/us-phone.toml"
    "$1 snippet, slowest territory" "$2 snippet $work/slowest.toml"
    "$1 lint, slowest territory" "$2 lint -q $work/slowest.toml"
    "$1 snippet examples/accounts.ssq.toml" "$2 snippet examples/accounts.ssq.toml")
}
add ssq-gen "$bin"
if [[ -n "${BASELINE:-}" ]]; then add baseline "$BASELINE"; fi
python3 benches/alternate.py "$runs" cat "cat examples/profile.ssq.toml" "${cases[@]}"
