#!/usr/bin/env python3
"""`ssq-gen audit` over a generated site tree against `rg -l -i salesmartly` over the same tree.

    python3 benches/audit.py [FILES] [RUNS]      (default 10,000 files, 7 runs)

The tree: FILES template files of about 10 KB each (about 100 MB in all), across the engines audit
reads (HTML, PHP, Liquid, Twig, ERB, JSX, Vue), with markup, inline scripts and template tags of
their own; one file in 500 holds a hand-written SaleSmartly install (the corpus's shop.html, with
its defects). Both commands run cold-started, alternating, RUNS times after one warm-up each, with
the tree in the page cache; the medians of wall time are printed, and their ratio. Needs the dist
build (`cargo dist-build`, which this script runs) and ripgrep (`rg`).
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
EXTENSIONS = ["html", "php", "liquid", "html.twig", "html.erb", "jsx", "vue"]


def page(rng, size):
    parts = ["<!doctype html>\n<html><head><title>{{ page.title }}</title></head><body>\n"]
    while sum(map(len, parts)) < size:
        n = rng.randrange(1000)
        parts.append('<div class="card-%d"><h2>{{ item.name }}</h2><p>Lorem ipsum dolor sit amet %d, '
                     'consectetur adipiscing elit.</p><a href="/p/%d">more</a></div>\n' % (n, n, n))
        if rng.random() < 0.05:
            parts.append("<script>document.querySelectorAll('.card-%d').forEach(function (el) { el.hidden = false; });</script>\n" % n)
    parts.append("</body></html>\n")
    return "".join(parts)


def generate(folder, count):
    rng = random.Random(20261207)
    install = open(os.path.join(ROOT, "tests", "fixtures", "audit", "shop.html")).read()
    total = 0
    for i in range(count):
        sub = os.path.join(folder, "t%02d" % (i % 50))
        os.makedirs(sub, exist_ok=True)
        text = page(rng, 10_000)
        if i % 500 == 0:
            text = text.replace("</body>", install + "</body>")
        name = os.path.join(sub, "f%05d.%s" % (i, EXTENSIONS[i % len(EXTENSIONS)]))
        with open(name, "w") as out:
            out.write(text)
        total += len(text)
    return total


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    if not shutil.which("rg"):
        sys.exit("needs ripgrep (`apt-get install ripgrep`)")
    subprocess.run(["cargo", "dist-build", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "x86_64-unknown-linux-gnu", "dist", "ssq-gen")
    folder = tempfile.mkdtemp(prefix="ssq-audit-bench-")
    try:
        size = generate(folder, count)
        commands = {
            "rg -l -i salesmartly": ["rg", "-l", "-i", "salesmartly", folder],
            "ssq-gen audit": [binary, "audit", "-q", folder],
        }
        found = subprocess.run([binary, "audit", folder], capture_output=True, text=True)
        times = {name: [] for name in commands}
        for command in commands.values():
            timed(command)
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(timed(command))
        medians = {name: statistics.median(values) for name, values in times.items()}
        print("tree: %d files, %.0f MB; audit's findings: %s" % (count, size / 1e6, found.stdout.strip().splitlines()[-1:] or found.stderr.strip()[-200:]))
        for name, median in medians.items():
            print("%-22s median %7.1f ms  (runs: %s)" % (name, median * 1000, ", ".join("%.0f" % (t * 1000) for t in times[name])))
        print("ratio audit / rg: %.2f" % (medians["ssq-gen audit"] / medians["rg -l -i salesmartly"]))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
