#!/usr/bin/env bash
# `ssq-gen lint` over N generated profiles (default 10,000), as medians of whole-process runs,
# alternating with two baselines in the same run:
#   - `cat` of the same files: the floor (start a process, read every file);
#   - benches/peer_lint.py: the same checks in Python with tomllib and phonenumbers.
# Also: peak memory of one lint run, and one profile alone. With BASELINE=path/to/ssq-gen (another
# revision's build, e.g. `git worktree add /tmp/before c585dea && (cd /tmp/before && cargo build
# --profile dist)`), that binary runs beside this one in the same run, so every "was" figure names
# the revision it was measured on. Needs hyperfine, python3 >= 3.11, and pip (installs
# phonenumbers for the peer). Usage: [BASELINE=bin] benches/lint.sh [N] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
runs=${2:-10}
cargo dist-build --quiet
bin=$PWD/target/x86_64-unknown-linux-gnu/dist/ssq-gen
python3 -c "import phonenumbers" 2>/dev/null || pip install --quiet phonenumbers
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benches/gen_profiles.py "$count" "$work/profiles"
one=p00000.ssq.toml  # the generator names files p00000…

"$bin" lint -q "$work/profiles" >/dev/null || true
python3 benches/peer_lint.py "$work/profiles" | tail -1 || true
"$bin" lint "$work/profiles" | tail -1 || true

baseline=()
baseline_one=()
if [[ -n "${BASELINE:-}" ]]; then
  baseline=(-n "before: lint" "$BASELINE lint -q $work/profiles")
  baseline_one=(-n "before: lint, one profile" "$BASELINE lint -q $work/profiles/$one")
fi
hyperfine --warmup 2 --runs "$runs" --export-json "$work/times.json" --ignore-failure \
  -n cat "cat $work/profiles/*.ssq.toml" \
  -n "ssq-gen lint" "$bin lint -q $work/profiles" \
  "${baseline[@]}" \
  -n "python peer" "python3 benches/peer_lint.py $work/profiles" >/dev/null
hyperfine -N --warmup 10 --runs 100 --export-json "$work/one.json" --ignore-failure \
  -n "ssq-gen lint, one profile" "$bin lint -q $work/profiles/$one" \
  "${baseline_one[@]}" >/dev/null

peak() { (/usr/bin/time -f %M "$1" lint -q "$work/profiles" 2>&1 >/dev/null || true) | tail -1; }
peak_kb=$(peak "$bin")
before_kb=$([[ -n "${BASELINE:-}" ]] && peak "$BASELINE" || echo 0)

python3 - "$work/times.json" "$work/one.json" "$count" "$peak_kb" "$before_kb" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"] + json.load(open(sys.argv[2]))["results"]
median = {r["command"]: statistics.median(r["times"]) * 1000 for r in results}
count, peak, before = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f"{count} profiles; medians:")
for name, ms in median.items():
    print(f"  {name:<28} {ms:9.1f} ms")
print(f"  ssq-gen lint / cat           {median['ssq-gen lint'] / median['cat']:9.2f} x   (target <= 2.5)")
print(f"  python peer / ssq-gen lint   {median['python peer'] / median['ssq-gen lint']:9.2f} x   (target >= 3)")
print(f"  one profile                  {median['ssq-gen lint, one profile']:9.2f} ms  (target <= 5)")
print(f"  peak memory, ssq-gen lint    {peak / 1024:9.1f} MB  (target <= 50)")
if before:
    print(f"  before: lint / cat           {median['before: lint'] / median['cat']:9.2f} x")
    print(f"  before: one profile          {median['before: lint, one profile']:9.2f} ms")
    print(f"  before: peak memory          {before / 1024:9.1f} MB")
PY
