#!/usr/bin/env python3
"""A real WordPress (Debian's package) with ssq-gen's generated plugin, driven in Chromium.

    python3 tests/wordpress/site.py --plugin FILE --report FILE

Sets up, in a temporary folder and nothing outside it: a private MariaDB server (its own data
folder and socket, no network), a copy of /usr/share/wordpress with its own wp-config.php,
WordPress installed with two users, the generated plugin activated, and two must-use plugins of
the test's (tests/wordpress/mu-plugins/: an `ssq_gen_login` filter, and a CSP nonce added through
`wp_inline_script_attributes` on `?csp=1`). PHP's built-in server serves it. Playwright (the
system Chromium) then visits it as an anonymous visitor and as each user, SaleSmartly's scripts
answered by the stand-ins, and writes what it saw to the report, as JSON, for
tests/cli/wordpress.rs to judge.
"""
import argparse
import asyncio
import getpass
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "browser"))
import chromium  # noqa: E402  (the one Chromium the tests launch)
import driver  # noqa: E402  (the browser suites' stand-ins and snapshot)

from playwright.async_api import async_playwright  # noqa: E402

WORDPRESS = "/usr/share/wordpress"
PLUGIN_DIR = "salesmartly-chat-ssq-gen"
# Display names WordPress's own forms would sanitize, written to the database as an import or
# another plugin can: the plugin must carry them byte for byte (the naughty strings' kind).
NAUGHTY = "Zo\u00eb {{ 7*7 }} </script><script>alert(1)</script> \u2028 ${x} '\" <!-- \u5f20\u4f1f"
SECOND = "\u0410\u043d\u043d\u0430 & Bob"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def start_database(folder):
    data, sock = os.path.join(folder, "db"), os.path.join(folder, "db.sock")
    user = getpass.getuser()
    run(["mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=" + user,
         "--auth-root-authentication-method=normal", "--skip-test-db"])
    server = subprocess.Popen(["mariadbd", "--no-defaults", "--datadir=" + data, "--socket=" + sock,
                               "--skip-networking", "--pid-file=" + os.path.join(folder, "db.pid"),
                               "--user=" + user, "--log-error=" + os.path.join(folder, "db.log")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        if os.path.exists(sock):
            try:
                run(["mariadb", "--no-defaults", "-S", sock, "-uroot", "-e", "CREATE DATABASE IF NOT EXISTS wp"])
                return server, sock
            except subprocess.CalledProcessError:
                pass
        time.sleep(0.1)
    raise RuntimeError("MariaDB did not start: " + open(os.path.join(folder, "db.log")).read()[-2000:])


def make_site(folder, sock, url, plugin):
    root = os.path.join(folder, "site")
    shutil.copytree(WORDPRESS, root, symlinks=True, ignore=shutil.ignore_patterns("wp-config.php", "wp-content"))
    content = os.path.join(root, "wp-content")
    os.makedirs(os.path.join(content, "plugins", PLUGIN_DIR))
    os.symlink(os.path.join(WORDPRESS, "wp-content", "themes"), os.path.join(content, "themes"))
    shutil.copy(plugin, os.path.join(content, "plugins", PLUGIN_DIR, PLUGIN_DIR + ".php"))
    shutil.copytree(os.path.join(HERE, "mu-plugins"), os.path.join(content, "mu-plugins"))
    salts = "".join("define('%s', 'test-%s-salt');\n" % (name, name.lower()) for name in
                    ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT",
                     "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"])
    with open(os.path.join(root, "wp-config.php"), "w") as config:
        config.write("""<?php
define('DB_NAME', 'wp'); define('DB_USER', 'root'); define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:%s'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
%s$table_prefix = 'wp_';
define('WP_HOME', '%s'); define('WP_SITEURL', '%s');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_DEBUG', true); define('WP_DEBUG_DISPLAY', false); define('WP_DEBUG_LOG', __DIR__ . '/debug.log');
define('DISABLE_WP_CRON', true); define('AUTOMATIC_UPDATER_DISABLED', true); define('WP_HTTP_BLOCK_EXTERNAL', true);
if (!defined('ABSPATH')) { define('ABSPATH', __DIR__ . '/'); }
require_once ABSPATH . 'wp-settings.php';
""" % (sock, salts, url, url))
    install = """<?php
$_SERVER['HTTP_HOST'] = '%s'; $_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('ssq-gen test shop', 'admin', 'admin@example.com', true, '', 'admin-password');
foreach (array(array('zoe', 'editor', 'pt_BR', %s), array('anna', 'subscriber', '', %s)) as $u) {
    $id = wp_insert_user(array('user_login' => $u[0], 'user_pass' => $u[0] . '-password', 'role' => $u[1],
        'user_email' => $u[0] . '@example.com', 'locale' => $u[2]));
    // As an import writes it, past the profile form's sanitizing.
    $wpdb->update($wpdb->users, array('display_name' => $u[3]), array('ID' => $id));
    update_user_meta($id, 'billing_phone', '+1 650-253-0000');
    // WordPress's admin bar prints the display name as stored, trusting its own sanitizing: hidden,
    // so that the page WordPress builds around the plugin stays well-formed.
    update_user_meta($id, 'show_admin_bar_front', 'false');
}
update_option('active_plugins', array('%s/%s.php'));
echo json_encode(array('ids' => array_map(function ($login) { return get_user_by('login', $login)->ID; }, array('zoe', 'anna'))));
""" % (url.split("//")[1], php_string(NAUGHTY), php_string(SECOND), PLUGIN_DIR, PLUGIN_DIR)
    with open(os.path.join(root, "install-test-site.php"), "w") as file:
        file.write(install)
    ids = json.loads(run(["php", "install-test-site.php"], cwd=root).stdout.strip().splitlines()[-1])["ids"]
    return root, ids


def php_string(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def serve(root, port):
    env = dict(os.environ, PHP_CLI_SERVER_WORKERS="4")
    server = subprocess.Popen(["php", "-S", "127.0.0.1:%d" % port, "-t", root], cwd=root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/wp-login.php" % port, timeout=5)
            return server
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("php -S did not answer")


# The block's own marker: every form of the block sets it first.
BLOCK_MARK = "w.__ssqGen ="

VISIT = """() => {
    var snapshot = (%s)();
    var record = window.__ssqRecord || { commands: [] };
    var scripts = Array.prototype.filter.call(document.scripts, function (s) { return s.textContent.indexOf(%s) >= 0; });
    var login = document.getElementById("ssq-login");
    snapshot.blocks = scripts.length;
    snapshot.block_text = scripts.length ? scripts[0].textContent : null;
    snapshot.block_nonce = scripts.length ? scripts[0].nonce : null;
    snapshot.login_element = login ? login.textContent : null;
    snapshot.calls = record.commands;
    snapshot.violations = window.__violations || [];
    return snapshot;
}""" % (driver.SNAPSHOT, json.dumps(BLOCK_MARK))

WATCH = """window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
});"""


async def routed(context):
    async def files(route):
        url = route.request.url.split("?")[0]
        path = driver.FILES.get(url) or (driver.PROJECT if "/js/project_" in url else None)
        if path is None:
            await route.fulfill(status=404, body="")
        else:
            with open(path, "rb") as file:
                await route.fulfill(status=200, headers={"content-type": "text/javascript"}, body=file.read())
    await context.route(driver.VENDOR + "**", files)
    await context.add_init_script(WATCH)


async def visit(page, url):
    await page.goto(url)
    await page.wait_for_timeout(600)
    return await page.evaluate(VISIT)


async def log_in(page, base, user):
    await page.goto(base + "/wp-login.php")
    await page.fill("#user_login", user)
    await page.fill("#user_pass", user + "-password")
    async with page.expect_navigation(url="**/wp-admin/**"):
        await page.click("#wp-submit")


async def text_of(context, url):
    response = await context.request.get(url)
    return {"status": response.status, "has_block": BLOCK_MARK in await response.text()}


async def browse(base):
    report = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(**chromium.launch_options())
        try:
            context = await browser.new_context()
            await routed(context)
            page = await context.new_page()
            report["anonymous"] = await visit(page, base + "/")
            report["anonymous_csp"] = await visit(page, base + "/?csp=1")
            report["login_page"] = await text_of(context, base + "/wp-login.php")
            report["feed"] = await text_of(context, base + "/?feed=rss2")
            report["rest"] = await text_of(context, base + "/?rest_route=/wp/v2/posts")
            await context.close()

            for user in ["zoe", "anna"]:
                context = await browser.new_context()
                await routed(context)
                page = await context.new_page()
                await log_in(page, base, user)
                report[user] = await visit(page, base + "/")
                report[user + "_next_page"] = await visit(page, base + "/?p=1")
                report[user + "_csp"] = await visit(page, base + "/?p=1&csp=1")
                report[user + "_admin"] = await text_of(context, base + "/wp-admin/profile.php")
                await context.close()
        finally:
            await browser.close()
    return report


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--report", required=True)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="ssq-wordpress-")
    database = server = None
    try:
        database, sock = start_database(folder)
        port = free_port()
        base = "http://127.0.0.1:%d" % port
        root, ids = make_site(folder, sock, base, args.plugin)
        server = serve(root, port)
        report = asyncio.run(browse(base))
        report["ids"] = ids
        report["names"] = {"zoe": NAUGHTY, "anna": SECOND}
        log = os.path.join(root, "debug.log")
        report["php_log"] = open(log).read() if os.path.exists(log) else ""
        with open(args.report, "w") as out:
            json.dump(report, out)
    finally:
        for process in (server, database):
            if process:
                process.terminate()
                process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
