//! The snippet in a real browser: headless Chromium loads pages served over HTTPS by
//! tests/browser/server.py, with the vendor's host mapped to that server, which answers with the
//! stand-ins of tests/stand-ins/. Each page reports what happened as JSON in `#ssq-result`.
//!
//! Needs chromium, python3 and openssl; `.ci/run` installs them, so CI never skips this suite.

use crate::support::*;
use base64::Engine as _;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};

const VENDOR_HOST: &str = "plugin-code.salesmartly.com";

/// Page scripts that watch the snippet: JavaScript errors, CSP violations, an `alert` canary, the
/// console, gtag, and whether the loader ran before DOMContentLoaded.
pub const PROBE: &str = r#"(function () {
  var p = window.__probe = { errors: [], violations: [], alerts: 0, console: [], gtag: [], loaderBeforeDcl: null };
  window.onerror = function (message) { p.errors.push(String(message)); };
  document.addEventListener("securitypolicyviolation", function (e) { p.violations.push(e.violatedDirective + " " + e.blockedURI); });
  window.alert = function () { p.alerts += 1; };
  console.log = function () { p.console.push(Array.prototype.slice.call(arguments)); };
  window.gtag = function () { p.gtag.push(Array.prototype.slice.call(arguments)); };
  document.addEventListener("DOMContentLoaded", function () { p.loaderBeforeDcl = !!window.__standIn; });
})();"#;

/// Runs `BEFORE` once the page is parsed; waits until the widget started (or, where it must not,
/// a while), then runs `AFTER`, fires the registered listeners with `FIRE` payloads, and writes the
/// report (base64 JSON, so no HTML escaping gets in the way) for the driver to read. Chromium's
/// virtual time runs ahead of a slow network, so waiting for the widget is a condition, not a delay.
/// `BEFORE` and `AFTER` may note things in `window.__probe.notes`.
const REPORTER: &str = r#"(function () {
  var p = window.__probe;
  p.notes = {};
  function when(ready, then, tries) {
    if (!ready() && tries > 0) { setTimeout(function () { when(ready, then, tries - 1); }, 100); } else { then(); }
  }
  setTimeout(function () {
    BEFORE;
    when(function () { return !!window.__ssqRecord; }, function () {
      setTimeout(function () {
        AFTER;
        setTimeout(report, 300 + SETTLE);
      }, 300);
    }, 300);
  }, 300);
  function report() {
    var fire = FIRE;
    var rec = window.__ssqRecord || { starts: 0, commands: [], listeners: {} };
    for (var name in fire) {
      var listeners = rec.listeners[name] || [];
      for (var i = 0; i < listeners.length; i++) { listeners[i](JSON.parse(JSON.stringify(fire[name]))); }
    }
    var out = { probe: p, starts: rec.starts, commands: rec.commands, license: rec.license || null,
      settingAtStart: rec.settingAtStart === undefined ? null : rec.settingAtStart,
      openedAfter: rec.openedAfter === undefined ? null : rec.openedAfter,
      dataLayer: window.dataLayer || null, standIn: window.__standIn || null, frames: window.__frames || null };
    // From the prototype: a page under test may shadow document's own getElementById.
    Document.prototype.getElementById.call(document, "ssq-result").textContent = btoa(unescape(encodeURIComponent(JSON.stringify(out))));
  }
})();"#;

fn reporter(page: &Page) -> String {
    REPORTER
        .replace("FIRE", &page.fire.to_string())
        .replace("BEFORE", if page.before.is_empty() { "void 0" } else { &page.before })
        .replace("AFTER", if page.after.is_empty() { "void 0" } else { &page.after })
        .replace("SETTLE", &page.settle_ms.to_string())
}

/// One Chromium run's worth of page.
pub struct Page {
    pub snippets: Vec<String>,
    /// Payloads for the listeners, by SDK event name.
    pub fire: Value,
    /// A `Content-Security-Policy` for a `<meta>` element.
    pub csp: Option<String>,
    /// Nonce for the page's own scripts.
    pub nonce: Option<String>,
    /// Extra HTML for the body (iframes for batches, buttons).
    pub body: String,
    /// Page code run once the page is parsed, before waiting for the widget.
    pub before: String,
    /// Page code run once the widget is up, before the report.
    pub after: String,
    /// Loaded as `name#fragment` when not empty.
    pub fragment: String,
    /// How much longer to wait after `after` before the report, in ms (for the block's timers).
    pub settle_ms: u32,
}

impl Page {
    pub fn with(snippet: String) -> Page {
        Page {
            snippets: vec![snippet],
            fire: json!({}),
            csp: None,
            nonce: None,
            body: String::new(),
            before: String::new(),
            after: String::new(),
            fragment: String::new(),
            settle_ms: 0,
        }
    }

    fn html(&self) -> String {
        let nonce = self.nonce.as_ref().map(|n| format!(" nonce=\"{n}\"")).unwrap_or_default();
        let csp = self
            .csp
            .as_ref()
            .map(|policy| format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"))
            .unwrap_or_default();
        let reporter = reporter(self);
        format!(
            "<!doctype html>\n<html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"unsafe-url\">\n{csp}<script{nonce}>{PROBE}</script>\n{}\n</head>\n\
             <body><p>page content</p>{}\n<pre id=\"ssq-result\"></pre>\n<script{nonce}>{reporter}</script>\n</body></html>\n",
            self.snippets.join("\n"),
            self.body,
        )
    }
}

/// The sha256 CSP sources of the page's own scripts, for hash-based policies.
pub fn page_script_hashes(page: &Page) -> String {
    use sha2::Digest as _;
    [PROBE.to_string(), reporter(page)]
        .iter()
        .map(|s| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(s))))
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Clone, Copy)]
pub enum Network {
    /// The vendor's host answers at once.
    Normal,
    /// It answers 2 s late.
    SlowLoader,
    /// It does not resolve, as with an ad blocker.
    Blocked,
}

/// The suites' one HTTPS server (tests/browser/server.py) and its certificate, and their one
/// browser (tests/browser/driver.py: a long-lived Chromium, a fresh context per page), started by
/// the first test that needs them and ended by [`shutdown`] when the run is over.
struct Lab {
    dir: tempfile::TempDir,
    server: Child,
    port: u16,
    driver: Driver,
}

impl Drop for Lab {
    fn drop(&mut self) {
        for process in [&mut self.server, &mut self.driver.process] {
            let _ = process.kill();
            let _ = process.wait();
        }
    }
}

static LAB: Mutex<Option<Arc<Lab>>> = Mutex::new(None);

impl Lab {
    fn shared() -> Arc<Lab> {
        let mut shared = LAB.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        shared.get_or_insert_with(|| Arc::new(Lab::start())).clone()
    }

    fn start() -> Lab {
        let dir = tempfile::tempdir().unwrap();
        let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
        let status = Command::new("openssl")
            .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "openssl could not make a certificate");
        let root = dir.path().join("www");
        std::fs::create_dir(&root).unwrap();
        let mut server = Command::new("python3")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/server.py"))
            .arg("--root")
            .arg(&root)
            .arg("--cert")
            .arg(&cert)
            .arg("--key")
            .arg(&key)
            .arg("--log")
            .arg(dir.path().join("requests.log"))
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let port = line.trim().parse().expect("the server prints its port");
        Lab { dir, server, port, driver: Driver::start(port) }
    }
}

/// tests/browser/driver.py: requests go in as JSON lines with an id, answers come back in the
/// order they finish, and a reader thread hands each to the test that waits for it.
struct Driver {
    process: Child,
    stdin: Mutex<ChildStdin>,
    waiting: Arc<Mutex<HashMap<u64, mpsc::Sender<Value>>>>,
    next: AtomicU64,
}

impl Driver {
    fn start(vendor_port: u16) -> Driver {
        let mut process = Command::new("python3")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/driver.py"))
            .arg("--vendor-port")
            .arg(vendor_port.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(process.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "ready", "tests/browser/driver.py did not start");
        let waiting: Arc<Mutex<HashMap<u64, mpsc::Sender<Value>>>> = Arc::default();
        let answers = waiting.clone();
        std::thread::spawn(move || {
            for line in stdout.lines().map_while(Result::ok) {
                let answer: Value = serde_json::from_str(&line).expect("the driver answers in JSON");
                let id = answer["id"].as_u64().unwrap();
                if let Some(asker) = answers.lock().unwrap().remove(&id) {
                    let _ = asker.send(answer);
                }
            }
            // The driver ended: whoever still waits hears so when its sender drops.
            answers.lock().unwrap().clear();
        });
        let stdin = Mutex::new(process.stdin.take().unwrap());
        Driver { process, stdin, waiting, next: AtomicU64::new(0) }
    }

    /// Sends every request at once, so that the browser runs them side by side, and returns the
    /// results in the same order.
    fn ask_all(&self, requests: Vec<Value>) -> Vec<Value> {
        let pending: Vec<_> = requests
            .into_iter()
            .map(|mut request| {
                let id = self.next.fetch_add(1, Ordering::Relaxed);
                let (tx, rx) = mpsc::channel();
                self.waiting.lock().unwrap().insert(id, tx);
                request["id"] = json!(id);
                let mut stdin = self.stdin.lock().unwrap();
                writeln!(stdin, "{request}").and_then(|()| stdin.flush()).expect("the driver reads requests");
                (request, rx)
            })
            .collect();
        pending
            .into_iter()
            .map(|(request, rx)| {
                let answer = rx.recv().unwrap_or_else(|_| panic!("tests/browser/driver.py ended before answering"));
                if let Some(error) = answer.get("error") {
                    let request = request.to_string();
                    panic!("the driver failed: {error}\nrequest: {}", &request[..request.len().min(2000)]);
                }
                answer["result"].clone()
            })
            .collect()
    }
}

/// Ends the shared server and browser, once every test is done with them.
pub fn shutdown() {
    drop(LAB.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take());
}

/// Drives shop pages step by step (tests/browser/driver.py's `drive` requests), all at once: for
/// each spec, one report per step, after checking that the page threw nothing.
pub fn drive_all(specs: Vec<Value>) -> Vec<Vec<Value>> {
    let answers = drive_all_with_errors(specs).into_iter();
    answers
        .map(|(reports, errors)| {
            assert_eq!(errors, json!([]), "page errors");
            reports
        })
        .collect()
}

/// Drives pages as [`drive_all`] does, handing back each page's errors beside its reports instead
/// of failing on them: for pages whose defects are what is measured.
pub fn drive_all_with_errors(specs: Vec<Value>) -> Vec<(Vec<Value>, Value)> {
    let requests = specs.into_iter().map(|spec| json!({ "drive": spec })).collect();
    Lab::shared()
        .driver
        .ask_all(requests)
        .into_iter()
        .map(|answer| {
            let mut reports: Vec<Value> = serde_json::from_value(answer).unwrap();
            let errors = reports.pop().unwrap()["errors"].clone();
            (reports, errors)
        })
        .collect()
}

/// A drive step that runs `code` in the page.
pub fn step(code: &str) -> Value {
    json!({"do": code})
}

/// How many times a drive report's widget received `command`.
pub fn count(report: &Value, command: &str) -> usize {
    report["commands"].as_array().unwrap().iter().filter(|c| *c == command).count()
}

/// One test's view of the shared server: its pages in a folder of their own, so that tests running
/// at the same time neither overwrite each other's pages nor read each other's requests.
pub struct Browser {
    lab: Arc<Lab>,
    folder: String,
}

impl Browser {
    pub fn start() -> Browser {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let lab = Lab::shared();
        let folder = format!("t{}", NEXT.fetch_add(1, Ordering::Relaxed));
        std::fs::create_dir(lab.dir.path().join("www").join(&folder)).unwrap();
        Browser { lab, folder }
    }

    fn root(&self) -> PathBuf {
        self.lab.dir.path().join("www").join(&self.folder)
    }

    pub fn url(&self, name: &str) -> String {
        format!("https://127.0.0.1:{}/{}/{name}", self.lab.port, self.folder)
    }

    /// Serves `html` as `name` without loading it (for iframes).
    pub fn serve(&self, name: &str, html: &str) {
        std::fs::write(self.root().join(name), html).unwrap();
    }

    /// Loads `page` as `name`, lets it settle, and returns its report.
    pub fn load(&self, name: &str, page: &Page, network: Network) -> Value {
        self.load_all(&[(name, page, network)]).pop().unwrap()
    }

    /// Loads the pages side by side, and returns their reports in order.
    pub fn load_all(&self, pages: &[(&str, &Page, Network)]) -> Vec<Value> {
        let requests = pages
            .iter()
            .map(|(name, page, network)| {
                self.serve(name, &page.html());
                let url = match page.fragment.is_empty() {
                    true => self.url(name),
                    false => format!("{}#{}", self.url(name), page.fragment),
                };
                let (blocked, slow) = (matches!(network, Network::Blocked), matches!(network, Network::SlowLoader));
                json!({"load": {"url": url, "blocked": blocked, "slow": slow}})
            })
            .collect();
        let results = self.lab.driver.ask_all(requests);
        results
            .iter()
            .zip(pages)
            .map(|(encoded, (name, ..))| {
                let encoded = encoded.as_str().unwrap_or_default();
                assert!(!encoded.is_empty(), "{name}: the page did not report");
                let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).unwrap();
                serde_json::from_slice(&decoded).unwrap()
            })
            .collect()
    }

    /// The requests the server saw for the vendor's host, as `path`s, for pages named `page`.
    pub fn vendor_requests(&self, page: &str) -> Vec<String> {
        self.requests(page)
            .iter()
            .filter(|r| r["host"] == VENDOR_HOST)
            .map(|r| r["path"].as_str().unwrap().into())
            .collect()
    }

    /// Seconds from the server's answer to page `page` to the first request for the vendor's host
    /// it made.
    pub fn vendor_wait(&self, page: &str) -> f64 {
        let own = format!("/{}/{page}", self.folder);
        let requests = self.requests(page);
        let at = |vendor: bool| {
            let found = requests.iter().find(|r| (r["host"] == VENDOR_HOST) == vendor && (vendor || r["path"] == own));
            found.unwrap_or_else(|| panic!("{page}: no request (vendor: {vendor})"))["t"].as_f64().unwrap()
        };
        at(true) - at(false)
    }

    /// The requests the server saw from pages named `page` (by their `Referer`), and for them.
    fn requests(&self, page: &str) -> Vec<Value> {
        let log = std::fs::read_to_string(self.lab.dir.path().join("requests.log")).unwrap_or_default();
        let folder = format!("/{}/", self.folder);
        let ours = |url: &str| url.contains(&folder) && url.contains(page);
        log.lines()
            // Another test's request may be half written: this test's own are all complete.
            .filter_map(|line| serde_json::from_str::<Value>(line).ok())
            .filter(|r| ours(r["referer"].as_str().unwrap_or("")) || ours(r["path"].as_str().unwrap_or("")))
            .collect()
    }
}

/// Pages to load side by side, each with the checks for its report, run in the order added.
#[derive(Default)]
pub struct Batch<'a> {
    pages: Vec<(String, Page, Network)>,
    checks: Vec<Box<dyn FnOnce(Value) + 'a>>,
}

impl<'a> Batch<'a> {
    pub fn add(&mut self, name: &str, page: Page, network: Network, check: impl FnOnce(Value) + 'a) {
        self.pages.push((name.to_string(), page, network));
        self.checks.push(Box::new(check));
    }

    pub fn run(self, browser: &Browser) {
        let pages: Vec<_> = self.pages.iter().map(|(name, page, network)| (name.as_str(), page, *network)).collect();
        for (report, check) in browser.load_all(&pages).into_iter().zip(self.checks) {
            check(report);
        }
    }
}

pub fn clean(report: &Value) {
    assert_eq!(report["probe"]["errors"], json!([]), "JavaScript errors");
    assert_eq!(report["probe"]["violations"], json!([]), "CSP violations");
    assert_eq!(report["probe"]["alerts"], 0, "the alert canary fired");
}

fn example_snippet() -> String {
    render("p.toml", &std::fs::read_to_string(fixture("script-url.toml")).unwrap())
}

fn license_snippet() -> String {
    render("p.json", &std::fs::read_to_string(fixture("license.json")).unwrap())
}

const PROJECT_PATH: &str = "/js/project_817643_847406_1788056247.js";
const INSTALL_PATH: &str = "/chat/widget-v2/code/install.js";

fn both_install_forms_deliver_every_command() {
    let browser = Browser::start();
    let payload = json!({"num": 3, "list": ["my email is ann@example.com"], "type": "text", "content": "order 1234"});
    let summary = json!({"num": 3, "message_type": "text"});
    let fire = json!({"onUnRead": payload, "onSendMessage": payload, "onReceiveMessage": payload,
                      "onOpenChat": payload, "onCloseChat": payload});

    let mut page = Page::with(example_snippet());
    page.fire = fire.clone();
    let report = browser.load("script-url.html", &page, Network::Normal);
    clean(&report);
    assert_eq!(browser.vendor_requests("script-url.html"), [PROJECT_PATH, INSTALL_PATH]);
    assert_eq!(report["starts"], 1);
    assert_eq!(report["settingAtStart"], json!({"hideIcon": true}));
    let commands = report["commands"].as_array().unwrap();
    assert_eq!(
        commands[0],
        json!(["setLoginInfo", {"user_id": "b58e64cfxs2ym", "user_name": "test_yy", "language": "ru-RU",
            "phone": "+8615920141234", "email": "test@example.com", "description": "Plan B\nDesktop client",
            "label_names": ["vip", "trial"]}])
    );
    let listeners: Vec<_> = commands[1..].iter().map(|c| c[0].as_str().unwrap()).collect();
    // onReady last: every block listens for it, to tell a widget that never comes.
    assert_eq!(listeners, ["onUnRead", "onSendMessage", "onReceiveMessage", "onOpenChat", "onCloseChat", "onReady"]);
    // example: unread → console, send → datalayer, receive → gtag, open → datalayer, close → console
    assert_eq!(report["probe"]["console"], json!([["ssq_unread", payload], ["ssq_close_chat", payload]]));
    // Analytics get no chat content: only the count and the message type.
    assert_eq!(report["probe"]["gtag"], json!([["event", "ssq_receive_message", summary]]));
    assert_eq!(
        report["dataLayer"],
        json!([{"num": 3, "message_type": "text", "event": "ssq_send_message"},
               {"num": 3, "message_type": "text", "event": "ssq_open_chat"}])
    );
    let analytics = format!("{} {}", report["dataLayer"], report["probe"]["gtag"]);
    assert!(!analytics.contains("ann@example.com") && !analytics.contains("order 1234"), "{analytics}");

    let mut page = Page::with(license_snippet());
    page.fire = json!({"onUnRead": {"num": 1}, "onOpenChat": {}});
    let report = browser.load("license.html", &page, Network::Normal);
    clean(&report);
    assert_eq!(browser.vendor_requests("license.html"), [INSTALL_PATH]);
    assert_eq!(report["license"], "g1vfb1b");
    assert_eq!(report["settingAtStart"], json!({"hideIcon": true}));
    assert_eq!(report["commands"].as_array().unwrap().last().unwrap(), &json!(["chatOpen"]));
    assert_eq!(report["dataLayer"], json!([{"num": 1, "event": "ssq_unread"}]));
    assert_eq!(report["probe"]["gtag"], json!([["event", "ssq_open_chat", {}]]));
}

/// The three pages side by side (the driver runs pages that wait on the network at once): each
/// waits 2 s for each of the vendor's scripts.
fn a_slow_loader_delays_nothing_and_loses_nothing() {
    let browser = Browser::start();
    let mut batch = Batch::default();
    for (name, snippet) in
        [("slow-loader-script.html", example_snippet()), ("slow-loader-license.html", license_snippet())]
    {
        batch.add(name, Page::with(snippet), Network::SlowLoader, move |report| {
            clean(&report);
            assert_eq!(report["probe"]["loaderBeforeDcl"], false, "{name}: DOMContentLoaded waited for the loader");
            assert_eq!(report["commands"][0][0], "setLoginInfo", "{name}: the queued call was lost");
            assert_eq!(report["starts"], 1);
        });
    }
    // The control: the vendor's documented blocking tag does hold DOMContentLoaded back.
    let vendor = format!("<script src=\"{SCRIPT_URL}\"></script>\n<script>ssq.push('chatOpen');</script>");
    batch.add("slow-loader-vendor.html", Page::with(vendor), Network::SlowLoader, |report| {
        assert_eq!(report["probe"]["loaderBeforeDcl"], true, "the control should show the blocking behaviour");
    });
    batch.run(&browser);
    for page in ["slow-loader-script.html", "slow-loader-license.html", "slow-loader-vendor.html"] {
        let wait = browser.vendor_wait(page);
        assert!(wait >= 2.0, "{page}: the vendor's host was asked {wait:.2} s after the page, not 2 s late");
    }
}

fn a_blocked_loader_raises_no_error() {
    let browser = Browser::start();
    for (name, snippet) in [("blocked-script.html", example_snippet()), ("blocked-license.html", license_snippet())] {
        let report = browser.load(name, &Page::with(snippet), Network::Blocked);
        clean(&report);
        assert_eq!(report["starts"], 0, "{name}");
    }
    // The control: the vendor's documented form throws here.
    let vendor = format!("<script src=\"{SCRIPT_URL}\"></script>\n<script>ssq.push('chatOpen');</script>");
    let report = browser.load("blocked-vendor.html", &Page::with(vendor), Network::Blocked);
    let errors = report["probe"]["errors"].to_string();
    assert!(errors.contains("ssq is not defined"), "{errors}");
}

fn included_twice_loads_the_widget_once() {
    let browser = Browser::start();
    for (name, snippet) in [("twice-script.html", example_snippet()), ("twice-license.html", license_snippet())] {
        let mut page = Page::with(snippet.clone());
        page.snippets.push(snippet);
        page.fire = json!({"onOpenChat": {}});
        let report = browser.load(name, &page, Network::Normal);
        clean(&report);
        assert_eq!(report["starts"], 1, "{name}");
        let installs = browser.vendor_requests(name).iter().filter(|p| *p == INSTALL_PATH).count();
        assert_eq!(installs, 1, "{name}");
        let logins = report["commands"].as_array().unwrap().iter().filter(|c| c[0] == "setLoginInfo").count();
        assert_eq!(logins, 1, "{name}");
    }
}

fn strict_csp_with_a_nonce() {
    let browser = Browser::start();
    for (name, profile) in [("nonce-script.html", "script-url.toml"), ("nonce-license.html", "license.json")] {
        let text = std::fs::read_to_string(fixture(profile)).unwrap();
        let snippet = render_with(profile, &text, &["--nonce", "R4nd0m+N0nce/=="]);
        let mut page = Page::with(snippet);
        page.nonce = Some("R4nd0m+N0nce/==".into());
        page.csp = Some("script-src 'nonce-R4nd0m+N0nce/==' 'strict-dynamic'".into());
        let report = browser.load(name, &page, Network::Normal);
        clean(&report);
        assert_eq!(report["starts"], 1, "{name}: install.js ran under the policy");
        assert_eq!(report["commands"][0][0], "setLoginInfo", "{name}");
    }
    // The control: the same page without the nonce is refused by the policy.
    let mut page = Page::with(example_snippet());
    page.nonce = Some("R4nd0m+N0nce/==".into());
    page.csp = Some("script-src 'nonce-R4nd0m+N0nce/==' 'strict-dynamic'".into());
    let report = browser.load("nonce-missing.html", &page, Network::Normal);
    assert_ne!(report["probe"]["violations"], json!([]));
    assert_eq!(report["starts"], 0);
}

fn strict_csp_with_the_printed_hashes() {
    let browser = Browser::start();
    for (name, profile) in [("hash-script.html", "script-url.toml"), ("hash-license.html", "license.json")] {
        let csp = ssq_gen().arg("csp").arg(fixture(profile)).arg("-q").output().unwrap();
        assert!(csp.status.success());
        let sources = String::from_utf8(csp.stdout).unwrap();
        let mut page = Page::with(render(profile, &std::fs::read_to_string(fixture(profile)).unwrap()));
        page.csp = Some(format!("script-src {} {}", sources.trim(), page_script_hashes(&page)));
        let report = browser.load(name, &page, Network::Normal);
        clean(&report);
        assert_eq!(report["starts"], 1, "{name}");
        assert_eq!(report["commands"][0][0], "setLoginInfo", "{name}");
    }
}

/// The Big List of Naughty Strings (tests/data/blns.json), in `user_name`, `description` and
/// `label_names`, batched as iframes of one page. Strings the rules refuse are checked apart.
fn naughty_strings_arrive_byte_for_byte_and_run_nothing() {
    let browser = Browser::start();
    let strings: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/blns.json")).unwrap(),
    )
    .unwrap();
    // Control characters are refused in every text field (SSQ008), blank labels too (SSQ211).
    let refusal = |s: &str| match () {
        _ if s.chars().any(char::is_control) => Some("SSQ008"),
        _ if s.trim().is_empty() => Some("SSQ211"),
        _ => None,
    };
    let (refused, accepted): (Vec<_>, Vec<_>) = strings.into_iter().partition(|s| refusal(s).is_some());
    assert!(accepted.len() > 400, "{}", accepted.len());

    for text in &refused {
        let login = json!({"user_id": "u1x", "user_name": format!("n{text}"), "label_names": [text]});
        let profile = temp_profile("p.json", &json!({"loader": {"license": "g1vfb1b"}, "login": login}).to_string());
        let output = ssq_gen().arg("snippet").arg(&profile.path).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{text:?}");
        let code = refusal(text).unwrap();
        assert!(String::from_utf8_lossy(&output.stderr).contains(&format!("error[{code}]")), "{text:?}");
    }

    let chunks: Vec<&[String]> = accepted.chunks(25).collect();
    let mut expected = Vec::new();
    let mut categories = Vec::new();
    let mut frames = String::new();
    for (i, chunk) in chunks.iter().enumerate() {
        let login = json!({
            "user_id": format!("user{i}"),
            "user_name": chunk.join(" | "),
            "description": chunk.join("\n"),
            "label_names": chunk,
        });
        // And as `[pages]` patterns (under `/x/`, so that none matches this page), and as the
        // consent category a consent manager is asked about.
        let skip: Vec<String> = chunk.iter().map(|s| format!("/x/{}", s.replace(['?', '#'], ""))).collect();
        let category = chunk.join(" | ");
        let consent = json!({"cmp": "cookieconsent", "category": category});
        let profile =
            json!({"loader": {"license": "g1vfb1b"}, "login": login, "pages": {"skip": skip}, "consent": consent});
        let snippet = render_with("p.json", &profile.to_string(), &["-q"]);
        let manager = "window.CookieConsent = { acceptedCategory: function (c) { (window.__asked = window.__asked || []).push(c); return true; } };";
        let frame = format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><script>{PROBE}</script><script>{manager}</script>\n{snippet}</head><body>\n\
             <script>setTimeout(function () {{ var r = window.__ssqRecord || {{commands: []}};\n\
             parent.__frames[{i}] = {{commands: r.commands, probe: window.__probe, asked: window.__asked}}; }}, 2000);</script></body></html>"
        );
        categories.push(category);
        browser.serve(&format!("naughty-{i}.html"), &frame);
        frames.push_str(&format!("<iframe src=\"naughty-{i}.html\"></iframe>\n"));
        expected.push(json!(["setLoginInfo", login]));
    }
    let mut page = Page::with(String::new());
    page.snippets = vec!["<script>window.__frames = {};</script>".into()];
    page.body = frames;
    let report = browser.load("naughty.html", &page, Network::Normal);
    clean(&report);
    for (i, want) in expected.iter().enumerate() {
        let frame = &report["frames"][i.to_string()];
        assert_eq!(frame["probe"]["errors"], json!([]), "frame {i}");
        assert_eq!(frame["probe"]["alerts"], 0, "frame {i}: the alert canary fired");
        assert_eq!(&frame["commands"][0], want, "frame {i}");
        assert_eq!(frame["asked"][0], categories[i], "frame {i}: the category, byte for byte");
    }
}

tests! {
    both_install_forms_deliver_every_command ["chromium", "python3", "openssl"],
    a_slow_loader_delays_nothing_and_loses_nothing ["chromium", "python3", "openssl"],
    a_blocked_loader_raises_no_error ["chromium", "python3", "openssl"],
    included_twice_loads_the_widget_once ["chromium", "python3", "openssl"],
    strict_csp_with_a_nonce ["chromium", "python3", "openssl"],
    strict_csp_with_the_printed_hashes ["chromium", "python3", "openssl"],
    naughty_strings_arrive_byte_for_byte_and_run_nothing ["chromium", "python3", "openssl"],
}
