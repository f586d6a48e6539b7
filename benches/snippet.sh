#!/usr/bin/env bash
# Whole-process time of `ssq-gen snippet` on the example profile, as medians over repeated runs,
# against baselines measured in the same run:
#   - `cat` of the same profile: the floor, starting a process and reading the file;
#   - `ssq-gen rules`: our own start-up, with no profile work;
#   - the same profile without a phone number: what phone validation costs.
# Needs hyperfine (apt-get install hyperfine). Usage: benches/snippet.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
cargo build --profile dist --quiet
bin=target/dist/ssq-gen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grep -v '^phone' examples/profile.toml > "$work/no-phone.toml"
sed 's/^phone = .*/phone = "+1 212-555-0123"/' examples/profile.toml > "$work/us-phone.toml"

hyperfine -N --warmup 20 --runs "$runs" --export-json "$work/times.json" \
  -n cat "cat examples/profile.toml" \
  -n "ssq-gen rules" "$bin rules" \
  -n "snippet, no phone" "$bin snippet $work/no-phone.toml" \
  -n "snippet, +1 phone" "$bin snippet $work/us-phone.toml" \
  -n "snippet examples/profile.toml" "$bin snippet examples/profile.toml" >/dev/null

python3 - "$work/times.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
medians = {r["command"]: statistics.median(r["times"]) * 1000 for r in results}
floor = medians["cat"]
print(f"{'command':<32} {'median ms':>10} {'x cat':>7}")
for name, ms in medians.items():
    print(f"{name:<32} {ms:>10.2f} {ms / floor:>7.1f}")
PY
