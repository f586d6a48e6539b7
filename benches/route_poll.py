"""What `[pages]`' route polling costs, where the browser has no Navigation API: the block looks at
location.pathname four times a second to catch a router that kept the original pushState. This
times that check (a read and a compare) in headless Chromium, 200,000 at a time, and prints the
median of seven batches in nanoseconds per check, and what four checks a second cost.

    python3 benches/route_poll.py
"""
import os
import statistics
import sys

from playwright.sync_api import sync_playwright

# The one Chromium the tests launch: tests/browser/chromium.py.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "browser"))
import chromium  # noqa: E402

with sync_playwright() as p:
    browser = p.chromium.launch(**chromium.launch_options())
    page = browser.new_page()
    page.set_content("<p>a page</p>")
    runs = [
        page.evaluate(
            """() => {
                var path = location.pathname, n = 200000, start = performance.now();
                for (var i = 0; i < n; i++) { var now = location.pathname; if (now !== path) { path = now; } }
                return (performance.now() - start) * 1e6 / n;
            }"""
        )
        for _ in range(7)
    ]
    browser.close()
median = statistics.median(runs)
print(f"one check: {median:.0f} ns (median of 7 batches; {min(runs):.0f} to {max(runs):.0f} ns)")
print(f"four checks a second: {4 * median / 1000:.1f} us of main thread per second ({4 * median / 1e7:.5f} %)")
