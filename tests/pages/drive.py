"""Drives a page with an ssq-gen block in headless Chromium (Playwright for Python, the system's
Chromium), for `[pages]` and `[consent]`: every request is answered here (page.route), the site's
pages from one template, SaleSmartly's scripts from the stand-ins, the consent managers from
tests/js/node_modules. Prints one JSON report per step.

    python3 tests/pages/drive.py SPEC.json

SPEC: {"block": the block's HTML, "start": a path, "head": HTML before the block (a consent
manager, a page's own history wrapper), "csp": a Content-Security-Policy or null, "steps": [...]}.
A step is {"do": JavaScript to run in the page, or "click": a selector, or "reload": true, or
"goto": a path}, then the report: the stand-in's commands and starts, requests to SaleSmartly,
whether `ssq:consent-needed` fired, and the storage the widget writes.
"""
import json
import os
import shutil
import sys
import time

from playwright.sync_api import sync_playwright

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SITE = "https://shop.example"
VENDOR = "https://plugin-code.salesmartly.com/"
FILES = {
    VENDOR + "chat/widget-v2/code/install.js": os.path.join(ROOT, "tests", "stand-ins", "install.js"),
    "https://cdn.example/cookieconsent.umd.js": os.path.join(ROOT, "tests", "js", "node_modules", "vanilla-cookieconsent", "dist", "cookieconsent.umd.js"),
    "https://cdn.example/klaro.js": os.path.join(ROOT, "tests", "js", "node_modules", "klaro", "dist", "klaro-no-css.js"),
}
PROJECT = os.path.join(ROOT, "templates", "preview", "project.js")

PAGE = """<!doctype html>
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


def snapshot(page):
    return page.evaluate("""() => {
                var record = window.__ssqRecord || null;
                return {
                    path: location.pathname,
                    starts: record ? record.starts : 0,
                    commands: record ? record.commands.map(function (c) { return c[0]; }) : [],
                    needed: window.__needed,
                    storage_before: window.__before,
                    storage_now: document.cookie + "|" + JSON.stringify(localStorage) + "|" + JSON.stringify(sessionStorage),
                    widget_stored: document.cookie.indexOf("ss_standin_visitor") >= 0 || localStorage.getItem("ss_standin_visitor") !== null,
                    page: window.__page || null
                };
            }""")


def main():
    spec = json.load(open(sys.argv[1]))
    reports = []
    vendor = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        context = browser.new_context()
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        def site(route):
            headers = {"content-type": "text/html; charset=utf-8"}
            if spec.get("csp"):
                headers["content-security-policy"] = spec["csp"]
            body = PAGE.replace("{head}", spec.get("head", "")).replace("{block}", spec["block"])
            route.fulfill(status=200, headers=headers, body=body)

        def files(route):
            url = route.request.url
            if url.startswith(VENDOR):
                vendor.append(url)
            path = FILES.get(url.split("?")[0]) or (PROJECT if "/js/project_" in url else None)
            if path is None:
                route.fulfill(status=404, body="")
            else:
                route.fulfill(status=200, headers={"content-type": "text/javascript"}, body=open(path, "rb").read())

        page.route(SITE + "/**", site)
        page.route(VENDOR + "**", files)
        page.route("https://cdn.example/**", files)
        page.goto(SITE + spec["start"])
        for step in spec["steps"]:
            if "do" in step:
                page.evaluate(step["do"])
            if "click" in step:
                page.click(step["click"])
            if "reload" in step:
                page.reload()
            if "goto" in step:
                page.goto(SITE + step["goto"])
            # Until the page settles: the same report twice, 200 ms apart, after at least `wait`
            # (the stand-ins load through route handlers, which run while Playwright waits).
            page.wait_for_timeout(step.get("wait", 0.3) * 1000)
            report, deadline = None, time.time() + 5
            while time.time() < deadline:
                now = [snapshot(page), len(vendor)]
                if now == report:
                    break
                report = now
                page.wait_for_timeout(200)
            report, requests = report
            report["vendor_requests"] = requests
            reports.append(report)
        reports.append({"errors": errors})
        browser.close()
    print(json.dumps(reports))


if __name__ == "__main__":
    main()
