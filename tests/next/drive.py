"""Drives the Next.js app of tests/cli/next.rs in Chromium (Playwright, the system's Chromium),
with SaleSmartly's hosts answered by the stand-ins of tests/stand-ins/ (as tests/browser/driver.py
answers them). Prints one JSON report: what the widget's stand-in received at each step.

  python3 tests/next/drive.py BASE_URL production|development VISITOR_JSON
"""
import asyncio
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "browser"))
import chromium  # noqa: E402
from driver import FILES, PROJECT, VENDOR  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

# Before any page script: a returning visitor who consented (`cmp = "event"`), the stand-in widget
# opening its window 100 ms after chatOpen, and a watch on CSP violations and consent requests.
INIT = """
window.ssqConsent = true;
window.__standInOpensChat = 100;
window.__violations = [];
window.__needed = 0;
document.addEventListener("securitypolicyviolation", function (e) { window.__violations.push(e.violatedDirective + " " + e.blockedURI); });
document.addEventListener("ssq:consent-needed", function () { window.__needed += 1; });
"""

# Client-side navigations, by the layout's <Link>s: (link, path).
LINKS = [("#to-about", "/about"), ("#to-pricing", "/pricing"), ("#to-checkout", "/checkout"), ("#to-account", "/account")]

# Each helper, from the account page's client component, and the step's name.
HELPERS = [
    ("login", "v => window.__helpers.login(v)"),
    ("logout", "() => window.__helpers.logout()"),
    ("open", "() => window.__helpers.openChat()"),
    ("send", "() => window.__helpers.sendMessage('Hi </script>')"),
    ("close", "() => window.__helpers.closeChat()"),
    ("withdrawn", "() => window.__helpers.withdrawConsent()"),
    ("asked", "() => window.__helpers.openChat()"),
    ("consented", "() => { window.__helpers.giveConsent(); window.__helpers.openChat(); }"),
]

# Functions, not expressions: the page's CSP has no 'unsafe-eval' for Playwright's own eval.
SNAPSHOT = """() => ({
    path: location.pathname,
    starts: window.__ssqRecord ? window.__ssqRecord.starts : 0,
    commands: window.__ssqRecord ? window.__ssqRecord.commands.filter(function (c) { return c[1] !== "<function>"; }) : [],
    needed: window.__needed,
    violations: window.__violations,
    blocks: document.querySelectorAll("script#ssq-gen").length
})"""
BLOCK_RAN = "() => typeof window.__ssqGen === 'string'"
HELPERS_READY = "() => !!window.__helpers && typeof window.__ssqGen === 'string'"


async def main():
    base, mode, visitor = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    errors, console, vendor = [], [], []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**chromium.launch_options())
        context = await browser.new_context()
        await context.add_init_script(INIT)
        page = await context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: console.append(m.text))

        async def files(route):
            url = route.request.url
            vendor.append(url)
            path = FILES.get(url.split("?")[0]) or (PROJECT if "/js/project_" in url else None)
            if path is None:
                await route.fulfill(status=404, body="")
            else:
                with open(path, "rb") as file:
                    await route.fulfill(status=200, headers={"content-type": "text/javascript"}, body=file.read())

        await page.route(VENDOR + "**", files)
        report = {}

        async def settle(name, seconds=1.0):
            await page.wait_for_timeout(int(seconds * 1000))
            report[name] = await page.evaluate(SNAPSHOT)

        # In development the first compile of a route is slow: wait for the block itself.
        await page.goto(base + "/")
        try:
            await page.wait_for_function(BLOCK_RAN, timeout=120000)
        except Exception as error:
            raise SystemExit("the block never ran: %s\nconsole: %s\nerrors: %s" % (error, console, errors))
        await settle("home")
        for link, path in LINKS if mode == "production" else LINKS[:1]:
            await page.click(link)
            await page.wait_for_url(base + path, timeout=120000)
            await settle(path.strip("/"), 1.0 if mode == "production" else 3.0)
        if mode == "production":
            await page.wait_for_function(HELPERS_READY, timeout=30000)
            await page.reload()
            await page.wait_for_function(HELPERS_READY, timeout=30000)
            await settle("reloaded")
            for name, call in HELPERS:
                await page.evaluate(call, visitor)
                await settle(name)
        report["errors"] = errors
        report["vendor_requests"] = len(vendor)
        await browser.close()
    print(json.dumps(report))


if __name__ == "__main__":
    asyncio.run(main())
