//! `ssq-gen preview`: the real binary's server, and its page driven in headless Chromium by
//! tests/preview/drive.py (Playwright for Python with the system's Chromium).

use crate::support::*;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A launcher, a badge, triggers of each kind (one too complex to build), analytics, and values
/// that need escaping.
const PROFILE: &str = r##"[loader]
script_url = "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"

[login]
user_id = "b58e64cfxs2ym"
user_name = "Zoë </script> & {{ x }}"
email = "zoe@example.com"

[widget]
hide_icon = true

[events]
on_unread = "datalayer"
on_open_chat = "datalayer"
on_receive_message = "gtag"
on_send_message = "console"

[launcher]
open_selector = "#help-btn"
badge_selector = "#help-badge"

[triggers]
open_on_click = ["#payment-failed a", "li:first-child > .x"]
close_on_click = [".close-chat"]

[triggers.send_on_click]
"button[data-ask=size]" = "Which size fits me?"
"##;

struct Preview {
    child: Child,
    url: String,
    port: u16,
    _profile: TempProfile,
    path: PathBuf,
}

impl Preview {
    fn start(text: &str) -> Preview {
        Preview::start_named("shop.ssq.toml", text)
    }

    fn start_named(name: &str, text: &str) -> Preview {
        let profile = temp_profile(name, text);
        let path = profile.path.clone();
        let mut child = Command::new(crate::support::binary())
            .arg("preview")
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        let url = first.trim_end().to_string();
        let port = url
            .strip_prefix("http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("the first line is the URL: {first:?}"))
            .parse()
            .unwrap();
        Preview { child, url, port, _profile: profile, path }
    }

    /// `scenario` of tests/preview/drive.py, and its report.
    fn drive(&self, scenario: &str, extra: Option<&str>) -> Value {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/preview/drive.py");
        let mut command = Command::new("python3");
        command.arg(script).arg(&self.url).arg(scenario).arg(&self.path);
        command.args(extra);
        let output = command.output().unwrap();
        assert!(output.status.success(), "drive.py {scenario}:\n{}", String::from_utf8_lossy(&output.stderr));
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["elsewhere"], json!([]), "requests to other hosts");
        assert_eq!(report["violations"], json!([]), "CSP violations");
        assert_eq!(report["errors"], json!([]), "page errors");
        report
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request by hand, with any Host header: the status line, headers and body.
fn get(port: u16, method: &str, path: &str, host: &str) -> (String, String) {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.to_string(), body.to_string())
}

fn commands<'a>(log: &'a Value, kind: &str) -> Vec<(&'a str, &'a Value)> {
    log.as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["kind"] == kind)
        .map(|entry| (entry["name"].as_str().unwrap(), &entry["payload"]))
        .collect()
}

/// The page holds the block `snippet` prints, byte for byte, under the CSP `csp` prints.
fn the_page_serves_snippets_block_under_csps_policy() {
    let preview = Preview::start(PROFILE);
    let block = ssq_gen().arg("snippet").arg(&preview.path).output().unwrap();
    let block = String::from_utf8(block.stdout).unwrap();
    let sources = String::from_utf8(ssq_gen().arg("csp").arg(&preview.path).output().unwrap().stdout).unwrap();
    let (head, page) = get(preview.port, "GET", "/", &format!("127.0.0.1:{}", preview.port));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(page.contains(block.trim_end()), "the page holds snippet's block");
    let policy = head.lines().find_map(|line| line.strip_prefix("Content-Security-Policy: ")).unwrap();
    assert!(policy.starts_with(&format!("script-src {} 'self';", sources.trim_end())), "{policy}");
}

/// Nothing is substituted into the page after it is rendered: a profile named like a placeholder
/// stays text, a value equal to the live-reload marker stays in the block, and the block appears
/// exactly once. A HEAD request gets the head alone.
fn the_block_is_served_as_snippet_prints_it_whatever_the_names() {
    let profile = "[loader]\nlicense = \"g1vfb1b\"\n\n[launcher]\nopen_selector = \"ssq-preview-generation\"\n";
    let preview = Preview::start_named("{{BLOCK}}.ssq.toml", profile);
    let block = ssq_gen().arg("snippet").arg(&preview.path).output().unwrap();
    let block = String::from_utf8(block.stdout).unwrap();
    assert!(block.contains("\"ssq-preview-generation\""), "{block}");
    let host = format!("127.0.0.1:{}", preview.port);
    let (head, page) = get(preview.port, "GET", "/", &host);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(page.matches(block.trim_end()).count(), 1, "{page}");
    assert_eq!(page.matches("<script>").count(), 1, "one inline block: {page}");
    assert!(page.contains("<title>ssq-gen preview: {{BLOCK}}.ssq.toml</title>"), "{page}");
    let (head, body) = get(preview.port, "HEAD", "/", &host);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_eq!(body, "", "HEAD gets no body");
    assert!(head.contains(&format!("Content-Length: {}", page.len())), "{head}");
}

fn the_page_shows_what_the_block_does_with_no_other_host() {
    let preview = Preview::start(PROFILE);
    let screenshot = std::env::var("SSQ_PREVIEW_SCREENSHOT").ok();
    let report = preview.drive("clicks", screenshot.as_deref());
    let log = &report["log"];
    let sent = commands(log, "command");
    assert_eq!(sent[0].0, "setLoginInfo");
    assert_eq!(
        sent[0].1,
        &json!({"user_id": "b58e64cfxs2ym", "user_name": "Zoë </script> & {{ x }}", "email": "zoe@example.com"})
    );
    // The badge shows the unread count of an agent's message before the chat is open.
    assert_eq!(report["badge"], "1");
    assert_eq!(report["badge_hidden"], false);
    // The launcher click: chatOpen, then the widget's onOpenChat, then its analytics.
    let entries = log.as_array().unwrap();
    let open = entries.iter().position(|e| e["kind"] == "command" && e["name"] == "chatOpen").expect("chatOpen");
    let opened = entries.iter().position(|e| e["kind"] == "event" && e["name"] == "onOpenChat").expect("onOpenChat");
    assert!(open < opened, "{log:#}");
    assert_eq!(report["chat_open"], true);
    let analytics = commands(log, "analytics");
    assert!(
        analytics.iter().any(|(name, payload)| *name == "dataLayer.push" && payload["event"] == "ssq_open_chat"),
        "{analytics:?}"
    );
    assert!(
        analytics.iter().any(|(name, payload)| *name == "gtag" && payload[1] == "ssq_receive_message"),
        "{analytics:?}"
    );
    let events: Vec<&str> = commands(log, "event").iter().map(|(name, _)| *name).collect();
    for event in ["onReady", "onReceiveMessage", "onUnRead", "onSendMessage"] {
        assert!(events.contains(&event), "{event} in {events:?}");
    }
    assert_eq!(report["unbuilt"], json!(["chatOpen: li:first-child > .x"]), "listed, not built");
    assert!(report["log_rows"].as_u64().unwrap() >= entries.len() as u64, "the panel shows the log");
}

fn saving_the_profile_reloads_the_page_and_errors_show_in_it() {
    let preview = Preview::start(PROFILE);
    let changed = PROFILE.replace("email = \"zoe@example.com\"", "email = \"ana@example.com\"");
    let report = preview.drive("reload", Some(&serde_json::to_string(&changed).unwrap()));
    // The reload itself is the check (drive.py waits 5 s for it): how fast it comes is a
    // figure for a benchmark, not a bound for a test on a loaded machine.
    let sent = commands(&report["reloaded_log"], "command");
    assert_eq!(sent[0].1["email"], "ana@example.com", "the new block runs");
    // The diagnostics are those `snippet --color never` prints for the broken profile.
    let snippet = ssq_gen().args(["--color", "never", "snippet"]).arg(&preview.path).output().unwrap();
    assert_eq!(snippet.status.code(), Some(1));
    assert_eq!(report["diagnostics"], String::from_utf8(snippet.stderr).unwrap());
    assert_eq!(report["still_running"], true, "the last good block keeps running");
}

fn a_from_page_profile_gets_its_visitor_from_the_panel() {
    let text = "[loader]\nlicense = \"g1vfb1b\"\n[login]\nfrom_page = true\nlanguage = \"en-US\"\n";
    let preview = Preview::start(text);
    let report = preview.drive("visitor", None);
    let sent = commands(&report["log"], "command");
    let logins: Vec<&Value> = sent.iter().filter(|(name, _)| *name == "setLoginInfo").map(|(_, p)| *p).collect();
    assert_eq!(logins[0]["user_id"], "v-8c1f", "the page data, after the reload: {sent:?}");
    assert_eq!(logins[0]["user_name"], "Zoë 😀");
    assert_eq!(logins[0]["language"], "en-US", "the profile's defaults");
    assert_eq!(logins.last().unwrap()["user_name"], "Ana", "ssq:login");
    assert_eq!(sent.last().unwrap().0, "clearUser", "ssq:logout");
}

/// `[consent]` and `[pages]`: the panel's consent toggle and path box.
fn the_panel_gives_consent_and_moves_between_paths() {
    for cmp in ["event", "cookiebot", "klaro"] {
        let category = if cmp == "event" { String::new() } else { "category = \"preferences\"\n".to_string() };
        let text = format!(
            "[loader]\nlicense = \"g1vfb1b\"\n[pages]\nopen = [\"/pricing\"]\n[consent]\ncmp = \"{cmp}\"\n{category}"
        );
        let preview = Preview::start(&text);
        let report = preview.drive("consent", None);
        assert_eq!(report["before_consent"], false, "{cmp}: no widget before consent");
        let sent: Vec<&str> = commands(&report["log"], "command").iter().map(|(name, _)| *name).collect();
        assert_eq!(sent.iter().filter(|name| **name == "chatOpen").count(), 1, "{cmp}: {sent:?}");
        assert_eq!(sent[sent.len() - 2..], ["chatClose", "clearUser"], "{cmp}: withdrawn");
    }
}

/// The server answers only its own host names, serves nothing from disk, and exits as documented.
/// The page at 1280, 800 and 420 px, with the chat open and the log filled: no control clipped by
/// the window or overlapping another, no log kind broken over lines, the widget inside the window,
/// nothing wider than the window; and the badge's place said while it is hidden at 0. The
/// screenshots land in `target/preview-screenshots/`.
fn the_page_reads_well_at_three_widths() {
    // Every kind of control: the launcher and badge, the route box, the consent buttons.
    let preview = Preview::start(concat!(
        "[loader]\nlicense = \"g1vfb1b\"\n[widget]\nhide_icon = true\n",
        "[launcher]\nopen_selector = \"#help-btn\"\nbadge_selector = \"#help-badge\"\n",
        "[events]\non_unread = \"datalayer\"\non_open_chat = \"console\"\n",
        "[consent]\ncmp = \"event\"\n[pages]\nopen = [\"/pricing\"]\n",
    ));
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/preview-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let report = preview.drive("layout", shots.to_str());
    let caption = report["badge_caption"].as_str().unwrap_or_default();
    assert!(
        caption.contains("#help-badge") && caption.contains("hidden at 0"),
        "the badge's place is shown: {caption:?}"
    );
    for width in ["1280", "800", "420"] {
        let layout = &report["layout"][width];
        assert!(layout["controls"].as_u64().unwrap() >= 8, "{width}: the controls are there: {layout}");
        assert_eq!(layout["clipped"], json!([]), "{width} px: controls cut off by the window");
        assert_eq!(layout["overlaps"], json!([]), "{width} px: controls on top of each other");
        assert_eq!(layout["wrapped"], json!([]), "{width} px: log kinds broken over lines");
        assert_eq!(layout["fixedOutside"], json!([]), "{width} px: the widget outside the window");
        assert_eq!(layout["wider"], false, "{width} px: the page scrolls sideways");
        assert!(shots.join(format!("preview-{width}.png")).is_file());
    }
}

fn the_server_refuses_other_hosts_and_files() {
    let preview = Preview::start(PROFILE);
    let port = preview.port;
    let (head, _) = get(port, "GET", "/", "evil.example");
    assert!(head.starts_with("HTTP/1.1 403"), "DNS rebinding: {head}");
    let (head, _) = get(port, "GET", "/", &format!("evil.example:{port}"));
    assert!(head.starts_with("HTTP/1.1 403"), "{head}");
    let (head, _) = get(port, "GET", "/", &format!("localhost:{port}"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    for path in [
        "/shop.ssq.toml",
        "/../Cargo.toml",
        "/__ssq-preview/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
    ] {
        let (head, body) = get(port, "GET", path, &format!("127.0.0.1:{port}"));
        assert!(head.starts_with("HTTP/1.1 404"), "{path}: {head}");
        assert!(!body.contains("[loader]") && !body.contains("root:"), "{path}");
    }
    let (head, _) = get(port, "POST", "/", &format!("127.0.0.1:{port}"));
    assert!(head.starts_with("HTTP/1.1 405"), "{head}");

    // The same port again: exit 2, saying so.
    let busy = ssq_gen().arg("preview").arg(&preview.path).args(["--port", &port.to_string()]).output().unwrap();
    assert_eq!(busy.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&busy.stderr).contains(&format!("port {port} on 127.0.0.1 is in use")));

    // Ctrl-C ends it with status 0.
    let mut preview = preview;
    let signalled = Command::new("kill").args(["-INT", &preview.child.id().to_string()]).status().unwrap();
    assert!(signalled.success());
    let status = wait(&mut preview.child);
    assert_eq!(status, Some(0));
}

fn wait(child: &mut Child) -> Option<i32> {
    for _ in 0..500 {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("preview did not exit");
}

tests! {
    the_page_serves_snippets_block_under_csps_policy,
    the_block_is_served_as_snippet_prints_it_whatever_the_names,
    the_page_shows_what_the_block_does_with_no_other_host ["chromium", "python3", "playwright"],
    saving_the_profile_reloads_the_page_and_errors_show_in_it ["chromium", "python3", "playwright"],
    a_from_page_profile_gets_its_visitor_from_the_panel ["chromium", "python3", "playwright"],
    the_panel_gives_consent_and_moves_between_paths ["chromium", "python3", "playwright"],
    the_page_reads_well_at_three_widths ["chromium", "python3", "playwright"],
    the_server_refuses_other_hosts_and_files,
}
