#!/usr/bin/env python3
"""Pathological profiles just under the 1 MiB cap: how long `ssq-gen lint` takes on each, in every
format (medians of 5 whole-process runs, with `cat` of the same file as the floor). Target: under
1 s each.

Usage: benches/hostile.py [path/to/ssq-gen]   (default: cargo dist-build's binary, built if missing)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LOADER = '[loader]\nlicense = "g1vfb1b"\n'
CAP = 1024 * 1024


def fill(make, limit=CAP - 64):
    """The largest n (doubling, then bisecting) whose make(n) stays under the cap."""
    low, high = 1, 2
    while len(make(high).encode()) < limit:
        low, high = high, high * 2
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if len(make(mid).encode()) < limit else (low, mid)
    return make(low), low


def cases():
    yield "unknown keys in [login] (TOML)", ".ssq.toml", fill(
        lambda n: LOADER + '[login]\nuser_id = "u1"\nuser_name = "n"\n' + "".join(f'k{i} = "v"\n' for i in range(n)))
    yield "keys on one line (JSON)", ".ssq.json", fill(
        lambda n: json.dumps({"loader": {"license": "g1vfb1b"}, "login": {f"k{i}": "v" for i in range(n)}}))
    yield "duplicate label_names", ".ssq.toml", fill(
        lambda n: LOADER + '[login]\nuser_id = "u1"\nuser_name = "n"\nlabel_names = [' + ", ".join(['"vip"'] * n) + "]\n")
    yield "duplicate keys (JSON)", ".ssq.json", fill(
        lambda n: '{"loader": {' + ", ".join(['"license": "g1vfb1b"'] * n) + "}}")
    yield "control characters in a list", ".ssq.toml", fill(
        lambda n: LOADER + '[login]\nuser_id = "u1"\nuser_name = "n"\nlabel_names = [' + ", ".join(['"a\\u0001"'] * n) + "]\n")


def median_seconds(command, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "target", "x86_64-unknown-linux-gnu", "dist", "ssq-gen")
    if len(sys.argv) == 1:
        subprocess.run(["cargo", "dist-build", "--quiet"], cwd=os.path.join(HERE, ".."), check=True)
    with tempfile.TemporaryDirectory() as work:
        print(f"{'profile':<32} {'size':>9} {'items':>7} {'cat':>8} " + " ".join(f"{f:>8}" for f in ["human", "json", "sarif"]))
        for name, suffix, (text, items) in cases():
            path = os.path.join(work, "p" + suffix)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            floor = median_seconds(["cat", path])
            times = [median_seconds([binary, "lint", "--format", fmt, path]) for fmt in ["human", "json", "sarif"]]
            print(f"{name:<32} {len(text.encode()):>9} {items:>7} {floor * 1000:>6.1f}ms "
                  + " ".join(f"{t * 1000:>6.0f}ms" for t in times))


if __name__ == "__main__":
    main()
