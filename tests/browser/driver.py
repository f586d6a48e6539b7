#!/usr/bin/env python3
"""The browser suites' one driver: a long-lived headless Chromium (Playwright for Python, the
system's Chromium: it downloads no browser), a fresh context for every page, several pages at once.

    python3 tests/browser/driver.py --vendor-port PORT

Reads requests from standard input, one JSON object a line, and answers each with one line,
{"id": ..., "result": ...} or {"id": ..., "error": "..."}, in the order they finish. It prints
`ready` once the browser is up. Two kinds of request:

  {"id": 1, "load": {"url": ..., "blocked": false, "slow": false}}
      Loads a page of tests/browser/server.py's (SaleSmartly's host is mapped to PORT) in virtual
      time, as `chromium --dump-dom --virtual-time-budget` does: timers run ahead while nothing
      is fetched, so a page that waits 30 s costs well under one. `blocked` makes the vendor's
      host fail to resolve, as an ad blocker does; `slow` holds each of its answers back 2 s (in
      real time, as `drive` pages wait). The result is the text of `#ssq-result`.

  {"id": 2, "drive": SPEC}
      Drives a shop's pages step by step in real time, for `[pages]` and `[consent]`: every
      request is answered here, the site's pages from one template, SaleSmartly's scripts from the
      stand-ins, the consent managers from tests/js/node_modules. The result is one report per
      step, then {"errors": [...]}.

      SPEC: {"block": the block's HTML, "start": a path, "head": HTML before the block (a consent
      manager, a page's own history wrapper), "csp": a Content-Security-Policy or null, "steps":
      [...]}; or "page": a whole page served instead of the shop's (a hand-written install), and
      "analytics": true to count the page's console.log, gtag and dataLayer reports. A step is {"do": JavaScript to run in the page, or "click": a selector, or "reload":
      true, or "goto": a path, and "wait": seconds at least}, then the report: the stand-in's
      commands and starts, requests to SaleSmartly, whether `ssq:consent-needed` fired, and the
      storage the widget writes.

How many pages run at once: `drive` pages mostly wait in real time, so sixteen of them share the
browser (SSQ_DRIVE_PAGES; at 52033e2, the pages_consent suite took 70 s at six, 48 s at twelve,
43 s at sixteen and 40 s at twenty-four, where a third of the two cores was still idle); `load`
pages are CPU-bound, since virtual time runs ahead only while the renderer is idle, and on two
cores one at a time was fastest (SSQ_LOAD_PAGES; at 54be412, the sdk_calls suite took 13.5 s at
one, 15.6 s at two and 20.9 s at six), except `slow` ones, which share the `drive` pages' slots.
"""
import argparse
import asyncio
import json
import os
import sys
import time

from playwright.async_api import async_playwright

import chromium

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
VENDOR_HOST = "plugin-code.salesmartly.com"
VENDOR = "https://" + VENDOR_HOST + "/"
SITE = "https://shop.example"
FILES = {
    VENDOR + "chat/widget-v2/code/install.js": os.path.join(ROOT, "tests", "stand-ins", "install.js"),
    "https://cdn.example/cookieconsent.umd.js": os.path.join(ROOT, "tests", "js", "node_modules", "vanilla-cookieconsent", "dist", "cookieconsent.umd.js"),
    "https://cdn.example/klaro.js": os.path.join(ROOT, "tests", "js", "node_modules", "klaro", "dist", "klaro-no-css.js"),
    # Vue's development build, which says what its template compiler dropped.
    "https://cdn.example/vue.js": os.path.join(ROOT, "tests", "js", "node_modules", "vue", "dist", "vue.esm-browser.js"),
    "https://cdn.example/vue-router.js": os.path.join(ROOT, "tests", "js", "node_modules", "vue-router", "dist", "vue-router.esm-browser.prod.js"),
}
# Folders served as they are: the IAB's own TCF libraries, as ES modules.
FOLDERS = {
    "https://cdn.example/tcf/cmpapi/": os.path.join(ROOT, "tests", "js", "node_modules", "@iabtechlabtcf", "cmpapi", "lib", "mjs"),
    "https://cdn.example/tcf/core/": os.path.join(ROOT, "tests", "js", "node_modules", "@iabtechlabtcf", "core", "lib", "mjs"),
}
PROJECT = os.path.join(ROOT, "templates", "preview", "project.js")
VIRTUAL_TIME_BUDGET_MS = 60000
# How late a `slow` load's vendor scripts arrive: long after the page's DOMContentLoaded.
SLOW_LOADER_S = 2

SHOP_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>shop</title>
<script nonce="helper">
  window.__needed = 0;
  document.addEventListener("ssq:consent-needed", function () { window.__needed += 1; });
  window.__before = document.cookie + "|" + JSON.stringify(localStorage) + "|" + JSON.stringify(sessionStorage);
</script>
{head}
</head><body>
<button id="help-btn">Help</button>
<a id="contact" href="/contact">Contact</a>
{block}
</body></html>"""

SNAPSHOT = """() => {
    var record = window.__ssqRecord || null;
    return {
        path: location.pathname,
        starts: record ? record.starts : 0,
        commands: record ? record.commands.map(function (c) { return c[0]; }) : [],
        needed: window.__needed,
        storage_before: window.__before,
        storage_now: document.cookie + "|" + JSON.stringify(localStorage) + "|" + JSON.stringify(sessionStorage),
        widget_stored: document.cookie.indexOf("ss_standin_visitor") >= 0 || localStorage.getItem("ss_standin_visitor") !== null,
        page: window.__page || null,
        calls: record ? record.commands : [],
        listeners: record ? Object.keys(record.listeners).sort() : [],
        analytics: window.__analytics ? { console: window.__analytics.console, gtag: window.__analytics.gtag,
            dataLayer: (window.dataLayer || []).length } : null
    };
}"""

# With "analytics": true, a page's three report channels are counted: console.log calls, gtag calls
# (a stand-in gtag, as a site with Google's tag has one) and dataLayer entries.
ANALYTICS = """window.__analytics = { console: 0, gtag: 0 };
(function (log) { console.log = function () { window.__analytics.console += 1; return log.apply(console, arguments); }; })(console.log);
window.gtag = function () { window.__analytics.gtag += 1; };
window.dataLayer = [];"""


async def load(browser, request):
    """One page in virtual time; the text its reporter wrote into #ssq-result."""
    context = await browser.new_context(ignore_https_errors=True)
    try:
        if request.get("blocked"):
            await context.route(VENDOR + "**", lambda route: route.abort("namenotresolved"))
        if request.get("slow"):
            async def late(route):
                await asyncio.sleep(SLOW_LOADER_S)
                await route.continue_()
            await context.route(VENDOR + "**", late)
        page = await context.new_page()
        cdp = await context.new_cdp_session(page)
        expired = asyncio.get_running_loop().create_future()
        cdp.on("Emulation.virtualTimeBudgetExpired", lambda _: expired.done() or expired.set_result(None))
        # Paused until the page's response has arrived, then run ahead while nothing is fetched.
        await cdp.send("Emulation.setVirtualTimePolicy", {"policy": "pause"})
        await page.goto(request["url"], wait_until="commit")
        await cdp.send("Emulation.setVirtualTimePolicy",
                       {"policy": "pauseIfNetworkFetchesPending", "budget": VIRTUAL_TIME_BUDGET_MS})
        await asyncio.wait_for(expired, 120)
        return await page.evaluate("(Document.prototype.getElementById.call(document, 'ssq-result') || {}).textContent || ''")
    finally:
        await context.close()


async def drive(browser, spec):
    """A shop's pages, step by step in real time: one report per step, then the page errors."""
    context = await browser.new_context()
    try:
        page = await context.new_page()
        errors, vendor = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        if spec.get("analytics"):
            await context.add_init_script(ANALYTICS)

        async def site(route):
            headers = {"content-type": "text/html; charset=utf-8"}
            if spec.get("csp"):
                headers["content-security-policy"] = spec["csp"]
            body = spec.get("page") or SHOP_PAGE.replace("{head}", spec.get("head", "")).replace("{block}", spec["block"])
            await route.fulfill(status=200, headers=headers, body=body)

        async def files(route):
            url = route.request.url
            if url.startswith(VENDOR):
                vendor.append(url)
            path = FILES.get(url.split("?")[0]) or (PROJECT if "/js/project_" in url else None)
            for prefix, folder in FOLDERS.items():
                if url.startswith(prefix) and ".." not in url:
                    path = os.path.join(folder, url[len(prefix):].split("?")[0])
            if path is None or not os.path.isfile(path):
                await route.fulfill(status=404, body="")
            else:
                with open(path, "rb") as file:
                    # CORS: module scripts from another origin are fetched in cors mode.
                    headers = {"content-type": "text/javascript", "access-control-allow-origin": "*"}
                    await route.fulfill(status=200, headers=headers, body=file.read())

        await page.route(SITE + "/**", site)
        await page.route(VENDOR + "**", files)
        await page.route("https://cdn.example/**", files)
        await page.goto(SITE + spec["start"])
        reports = []
        for step in spec["steps"]:
            if "do" in step:
                await page.evaluate(step["do"])
            if "click" in step:
                await page.click(step["click"])
            if "reload" in step:
                await page.reload()
            if "goto" in step:
                await page.goto(SITE + step["goto"])
            # Until the page settles: the same report twice, 200 ms apart, after at least `wait`.
            await page.wait_for_timeout(step.get("wait", 0.3) * 1000)
            report, deadline = None, time.monotonic() + 5
            while time.monotonic() < deadline:
                now = [await page.evaluate(SNAPSHOT), len(vendor)]
                if now == report:
                    break
                report = now
                await page.wait_for_timeout(200)
            report, requests = report
            report["vendor_requests"] = requests
            reports.append(report)
        reports.append({"errors": errors})
        return reports
    finally:
        await context.close()


async def answer(browser, slots, line):
    request = json.loads(line)
    reply = {"id": request["id"]}
    kind = "load" if "load" in request else "drive"
    waits = kind == "drive" or request["load"].get("slow", False)
    async with slots["drive" if waits else "load"]:
        try:
            if kind == "load":
                reply["result"] = await load(browser, request["load"])
            else:
                reply["result"] = await drive(browser, request["drive"])
        except Exception as error:  # the test that asked reports it, with the request
            reply["error"] = "%s: %s" % (type(error).__name__, error)
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vendor-port", type=int, required=True)
    args = parser.parse_args()
    loop = asyncio.get_running_loop()
    stdin = asyncio.StreamReader(limit=1 << 26)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
    slots = {
        "load": asyncio.Semaphore(int(os.environ.get("SSQ_LOAD_PAGES", "1"))),
        "drive": asyncio.Semaphore(int(os.environ.get("SSQ_DRIVE_PAGES", "16"))),
    }
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**chromium.launch_options(
            "--disable-quic", "--host-resolver-rules=MAP %s 127.0.0.1:%d" % (VENDOR_HOST, args.vendor_port)))
        print("ready", flush=True)
        running = set()
        while line := await stdin.readline():
            task = asyncio.create_task(answer(browser, slots, line))
            running.add(task)
            task.add_done_callback(running.discard)
        await asyncio.gather(*running)
        await browser.close()


if __name__ == "__main__":
    asyncio.run(main())
