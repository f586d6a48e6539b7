//! `ssq-gen preview`: a page on 127.0.0.1 with exactly the block `snippet` prints, served with the
//! CSP `csp` prints, a stand-in widget, and a panel that logs what the block does. The server is
//! std's `TcpListener` with a thread per connection, and the profile is watched by polling its
//! modification time: the page is the only client, and both cost no dependency and nothing at
//! `snippet`'s start-up. It serves its own page, scripts and state, and nothing from disk.

use crate::ui::say;
use serde_json::json;
use ssq_gen::input::source::{Input, Source};
use ssq_gen::report::verdict::judge;
use ssq_gen::report::{Policy, Status};
use ssq_gen::snippet::preview::{self, PREVIEW_JS, PROJECT_JS, Page, WIDGET_JS};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime};

/// How often the profile's modification time is looked at.
const WATCH: Duration = Duration::from_millis(100);

/// How long the page's request for news waits before it is answered anyway.
const LONG_POLL: Duration = Duration::from_secs(20);

pub struct Options {
    pub profile: PathBuf,
    pub port: u16,
    pub live: bool,
    pub open: bool,
}

/// The state, and the signal that it changed: the page's long poll waits on it.
#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

/// The page's block as of the last good profile, and what the profile says now.
#[derive(Default)]
struct State {
    /// Counts the good profiles seen; the page reloads when it changes.
    generation: u64,
    page: Option<Page>,
    /// `snippet`'s diagnostics (`--color never`) for a profile with errors, or its warnings.
    diagnostics: Option<String>,
    /// Counts every change the page shows (a new block, new diagnostics): the page waits for it.
    revision: u64,
    /// What the profile held when last read, to tell a save from a touch.
    read: Option<Vec<u8>>,
}

pub fn run(options: &Options) -> Status {
    let listener = match TcpListener::bind(("127.0.0.1", options.port)) {
        Ok(listener) => listener,
        Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => {
            say!(
                "error: port {} on 127.0.0.1 is in use: choose another with --port, or --port 0 for a free one",
                options.port
            );
            return Status::Trouble;
        }
        Err(err) => {
            say!("error: cannot listen on 127.0.0.1:{}: {err}", options.port);
            return Status::Trouble;
        }
    };
    let port = match listener.local_addr() {
        Ok(address) => address.port(),
        Err(err) => {
            say!("error: cannot listen on 127.0.0.1: {err}");
            return Status::Trouble;
        }
    };
    let state = Arc::new(Shared::default());
    if let Err(status) = refresh(&state, options) {
        return status;
    }
    let url = format!("http://127.0.0.1:{port}/");
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{url}").and_then(|()| out.flush()).is_err() {
        return Status::Trouble;
    }
    drop(out);
    let _ = ctrlc::set_handler(|| std::process::exit(0));
    if options.open {
        open_browser(&url);
    }
    {
        let (state, options) = (Arc::clone(&state), Options { profile: options.profile.clone(), ..*options });
        std::thread::spawn(move || {
            // A save is read once it has settled: unchanged for one more poll. An editor that
            // truncates the file and then writes it would otherwise show the empty file's errors.
            let mut seen = stamp(&options.profile);
            let mut last = seen;
            loop {
                std::thread::sleep(WATCH);
                let now = stamp(&options.profile);
                if now == last && now != seen {
                    seen = now;
                    let _ = refresh(&state, &options);
                }
                last = now;
            }
        });
    }
    for stream in listener.incoming().flatten() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            let _ = serve(stream, port, &state);
        });
    }
    Status::Success
}

/// The profile's modification time and length: a save changes one of them.
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Reads and checks the profile again; a good one becomes the page's block. `Err` only when the
/// file cannot be read at start.
fn refresh(shared: &Shared, options: &Options) -> Result<(), Status> {
    let state = &shared.state;
    let input = Input::Path(options.profile.clone());
    let source = match Source::read(&input, None) {
        Ok(source) => source,
        Err(err) => {
            let first = state.lock().map(|s| s.read.is_none()).unwrap_or(true);
            if first {
                say!("error: {err}");
                return Err(Status::Trouble);
            }
            if let Ok(mut state) = state.lock() {
                state.diagnostics = Some(format!("error: {err}\n"));
                state.revision += 1;
            }
            shared.changed.notify_all();
            return Ok(());
        }
    };
    let bytes = source.text().as_bytes().to_vec();
    if state.lock().is_ok_and(|s| s.read.as_deref() == Some(&bytes)) {
        return Ok(());
    }
    let mut report = Vec::new();
    let judged = judge(source, input.header_name(), Policy::default(), false, &mut report);
    let report = String::from_utf8_lossy(&report).into_owned();
    let Ok(mut state) = state.lock() else { return Ok(()) };
    let generation = state.generation + 1;
    let page = judged
        .ok()
        .and_then(|accepted| preview::page(&accepted.profile, &accepted.display_name, options.live, generation).ok());
    state.read = Some(bytes);
    state.revision += 1;
    match page {
        Some(page) => {
            state.generation = generation;
            state.page = Some(page);
            state.diagnostics = (!report.is_empty()).then_some(report);
        }
        None => {
            if state.page.is_none() {
                say!("{}", report.trim_end());
            }
            state.diagnostics = Some(report);
        }
    }
    drop(state);
    shared.changed.notify_all();
    Ok(())
}

fn serve(stream: TcpStream, port: u16, shared: &Shared) -> std::io::Result<()> {
    let state = &shared.state;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?.take(64 * 1024));
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut host = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            break;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("host")
        {
            host = Some(value.trim().to_string());
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let mut out = Response { stream, head_only: method == "HEAD" };
    // DNS rebinding: a page of another site that resolves its name to 127.0.0.1 sends its own Host.
    let allowed = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    if !host.as_deref().is_some_and(|host| allowed.iter().any(|a| a.eq_ignore_ascii_case(host))) {
        return respond(
            &mut out,
            "403 Forbidden",
            "text/plain; charset=utf-8",
            "only http://127.0.0.1 and http://localhost on this port\n",
            None,
        );
    }
    if method != "GET" && method != "HEAD" {
        return respond(&mut out, "405 Method Not Allowed", "text/plain; charset=utf-8", "GET only\n", None);
    }
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let javascript = "text/javascript; charset=utf-8";
    match path {
        "/" | "/index.html" => {
            let (html, csp) = {
                let state = state.lock().map_err(|_| std::io::Error::other("state poisoned"))?;
                match &state.page {
                    Some(Page { html, csp }) => (html.clone(), csp.clone()),
                    None => (preview::waiting_page().unwrap_or_default(), String::new()),
                }
            };
            // The sources `ssq-gen csp` prints for the block, and 'self' for the preview's own
            // scripts (the panel and the stand-ins).
            let policy = format!("script-src {csp} 'self'; object-src 'none'; base-uri 'none'");
            respond(&mut out, "200 OK", "text/html; charset=utf-8", &html, Some(&policy))
        }
        "/__ssq-preview/state" => {
            // Answered once the state is newer than the page's `since`: a save shows at once.
            let since = target.split_once("?since=").and_then(|(_, since)| since.parse::<u64>().ok());
            let poisoned = || std::io::Error::other("state poisoned");
            let state = state.lock().map_err(|_| poisoned())?;
            let (state, _) = shared
                .changed
                .wait_timeout_while(state, LONG_POLL, |state| since == Some(state.revision))
                .map_err(|_| poisoned())?;
            let (generation, diagnostics) = (state.generation, &state.diagnostics);
            let body =
                json!({"generation": generation, "diagnostics": diagnostics, "revision": state.revision}).to_string();
            drop(state);
            respond(&mut out, "200 OK", "application/json", &body, None)
        }
        "/__ssq-preview/preview.js" => respond(&mut out, "200 OK", javascript, PREVIEW_JS, None),
        "/__ssq-preview/widget.js" => respond(&mut out, "200 OK", javascript, WIDGET_JS, None),
        "/__ssq-preview/project.js" => respond(&mut out, "200 OK", javascript, PROJECT_JS, None),
        "/favicon.ico" => respond(&mut out, "204 No Content", "text/plain", "", None),
        _ => respond(&mut out, "404 Not Found", "text/plain; charset=utf-8", "not part of the preview\n", None),
    }
}

/// The connection's answer: to a `HEAD` request, the head alone.
struct Response {
    stream: TcpStream,
    head_only: bool,
}

fn respond(out: &mut Response, status: &str, kind: &str, body: &str, csp: Option<&str>) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(csp) = csp {
        head.push_str(&format!("Content-Security-Policy: {csp}\r\n"));
    }
    head.push_str("\r\n");
    out.stream.write_all(head.as_bytes())?;
    if !out.head_only {
        out.stream.write_all(body.as_bytes())?;
    }
    out.stream.flush()
}

/// `--open`: the system's browser, best effort.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let spawned = std::process::Command::new(opener.0)
        .args(&opener.1)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(err) = spawned {
        say!("note: cannot open a browser ({}: {err}); open {url} yourself", opener.0);
    }
}
