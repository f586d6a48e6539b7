"""Drives `ssq-gen preview`'s page in headless Chromium (Playwright for Python, with the system's
Chromium: it downloads no browser), and prints what happened as JSON.

    python3 tests/preview/drive.py URL SCENARIO PROFILE [ARG]

Every scenario reports the log (window.ssqPreview.log), the requests to any host but the preview's,
CSP violations and page errors. Scenarios:
  clicks    the launcher, agentMessage before opening (the badge), and every other control
  reload    saves PROFILE with ARG's text (a JSON string), waits for the reload; then saves an
            invalid profile and reports the diagnostics the page shows
  visitor   a from_page profile: the panel's form as page data, then ssq:login and ssq:logout
  consent   a [consent] and [pages] profile: nothing before the toggle; then the path box's
            pushState to an `open` path, and withdrawal
  layout    at 1280, 800 and 420 px wide, with the chat open and the log filled: every control's
            box (clipped by the window, overlapping another), log kinds that wrap, a page wider
            than the window; and a screenshot of each width into the folder ARG
"""
import os
import json
import sys
import time
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

# The one Chromium the tests launch: tests/browser/chromium.py.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
import chromium  # noqa: E402


# Every control's box in page coordinates, and what is clipped or overlaps; the log's kind labels
# that take more than one line; the fixed widget outside the window; a page wider than the window.
MEASURE = """() => {
  var width = document.documentElement.clientWidth;
  var controls = Array.prototype.filter.call(
    document.querySelectorAll("#ssq-preview-panel button, #ssq-preview-panel input, #ssq-preview-site button, #ssq-preview-site a, #ssq-preview-site input"),
    function (e) { return e.getClientRects().length > 0; });
  var boxes = controls.map(function (e) {
    var r = e.getBoundingClientRect();
    return { name: e.id || e.textContent.trim().slice(0, 30), left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY };
  });
  var overlaps = [];
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) { overlaps.push([a.name, b.name]); }
    }
  }
  var wrapped = Array.prototype.filter.call(document.querySelectorAll("#ssq-preview-log td:nth-child(2)"), function (td) {
    var range = document.createRange();
    range.selectNodeContents(td);
    return range.getClientRects().length > 1;
  }).map(function (td) { return td.textContent; });
  var fixed = ["ssq-preview-bubble", "ssq-preview-chat"].map(function (id) { return document.getElementById(id); })
    .filter(function (e) { return e && e.getClientRects().length > 0; })
    .filter(function (e) { var r = e.getBoundingClientRect(); return r.left < 0 || r.right > width; })
    .map(function (e) { return e.id; });
  return {
    controls: boxes.length,
    clipped: boxes.filter(function (b) { return b.left < 0 || b.right > width + 0.5; }).map(function (b) { return b.name; }),
    overlaps: overlaps, wrapped: wrapped, fixedOutside: fixed,
    wider: document.documentElement.scrollWidth > width
  };
}"""


def wait_for(page, script, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if page.evaluate(script):
            return True
        time.sleep(0.05)
    raise TimeoutError(script)


def main():
    url, scenario, profile = sys.argv[1:4]
    extra = sys.argv[4] if len(sys.argv) > 4 else None
    own = urlsplit(url).netloc
    report = {"elsewhere": [], "violations": [], "errors": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(**chromium.launch_options())
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.on("request", lambda r: urlsplit(r.url).netloc != own and report["elsewhere"].append(r.url))
        page.on("pageerror", lambda e: report["errors"].append(str(e)))
        page.on("console", lambda m: m.type == "error" and report["errors"].append(m.text))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', function (e) {"
            " (window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI); });"
        )
        page.goto(url)
        if scenario == "consent":
            page.wait_for_timeout(800)
            report["before_consent"] = page.evaluate("!!ssqPreview.widget")
            page.click("#ssq-preview-consent")
        elif scenario == "layout":
            page.click("#ssq-preview-consent")
        wait_for(page, "!!(window.ssqPreview && window.ssqPreview.widget)")
        if scenario == "consent":
            page.fill("#ssq-preview-path", "/pricing")
            page.click("#ssq-preview-go")
            wait_for(page, "ssqPreview.log.some(function (e) { return e.name === 'onOpenChat'; })")
            page.click("#ssq-preview-withdraw")
            page.wait_for_timeout(300)
        if scenario == "clicks":
            page.evaluate("ssqPreview.agentMessage('Your order has shipped')")
            wait_for(page, "document.querySelector('#help-badge').textContent === '1'")
            report["badge"] = page.evaluate("document.querySelector('#help-badge').textContent")
            report["badge_hidden"] = page.evaluate("document.querySelector('#help-badge').hidden")
            page.click("#help-btn")
            wait_for(page, "ssqPreview.log.some(function (e) { return e.name === 'onOpenChat'; })")
            report["chat_open"] = page.is_visible("#ssq-preview-chat")
            page.click("#ssq-preview-visitor")
            page.click("#ssq-preview-set-unread")
            page.click("#ssq-preview-ready")
            time.sleep(0.3)
            report["unbuilt"] = page.evaluate("Array.prototype.map.call(document.querySelectorAll('#ssq-preview-unbuilt li'), function (li) { return li.textContent; })")
            report["log_rows"] = page.evaluate("document.querySelectorAll('#ssq-preview-log tr').length")
            page.screenshot(path=extra) if extra else None
        elif scenario == "reload":
            first = page.evaluate("ssqPreview.log.length")
            with page.expect_navigation(timeout=5000):
                start = time.time()
                open(profile, "w").write(json.loads(extra))
            wait_for(page, "!!(window.ssqPreview && window.ssqPreview.widget)")
            report["reloaded_after"] = time.time() - start
            report["first_log_length"] = first
            report["reloaded_log"] = page.evaluate("ssqPreview.log")
            # A save as some editors make it: the file emptied, then written 80 ms later. The
            # preview reads a save once it has settled, so the empty file's errors never show.
            with open(profile, "w") as saving:
                saving.flush()
                time.sleep(0.08)
                saving.write("[loader]\nlicense = \"g1\"\n")
            wait_for(page, "!document.querySelector('#ssq-preview-diagnostics').hidden")
            report["diagnostics"] = page.evaluate("document.querySelector('#ssq-preview-diagnostics').textContent")
            report["still_running"] = page.evaluate("!!ssqPreview.widget")
        elif scenario == "visitor":
            page.fill("input[name=user_id]", "v-8c1f")
            page.fill("input[name=user_name]", "Zoë 😀")
            with page.expect_navigation():
                page.click("#ssq-preview-page-data")
            wait_for(page, "!!(window.ssqPreview && window.ssqPreview.widget)")
            time.sleep(0.2)
            page.fill("input[name=user_name]", "Ana")
            page.click("#ssq-preview-login-event")
            page.click("#ssq-preview-logout-event")
            time.sleep(0.3)
        elif scenario == "layout":
            report["layout"] = {}
            report["badge_caption"] = page.evaluate("(function (c) { return c && c.getClientRects().length ? c.textContent : null; })(document.querySelector('.ssq-preview-caption'))")
            page.evaluate("ssqPreview.agentMessage('Your order has shipped')")
            page.click("#help-btn")
            wait_for(page, "ssqPreview.log.some(function (e) { return e.name === 'onOpenChat'; })")
            for width in (1280, 800, 420):
                page.set_viewport_size({"width": width, "height": 860})
                page.wait_for_timeout(200)
                report["layout"][str(width)] = page.evaluate(MEASURE)
                page.screenshot(path=os.path.join(extra, "preview-%d.png" % width), full_page=True)
        report["log"] = page.evaluate("ssqPreview.log")
        report["violations"] = page.evaluate("window.__violations || []")
        browser.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
