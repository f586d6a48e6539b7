//! `snippet --format next` in a real Next.js App Router site (tests/next/, next, react and
//! typescript pinned in its lock file): `tsc` accepts every helper and refuses a misspelt SDK
//! command; `next build` and `next start` serve it under Next.js's documented nonce policy, and
//! Chromium (tests/next/drive.py) follows `<Link>` navigations, a reload and every helper; `next
//! dev` shows that React's development double effects load the widget once.

use crate::support::*;
use serde_json::{Value, json};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const PROFILE: &str = "[loader]\nscript_url = \"https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js\"\n\
    [login]\nfrom_page = true\n[consent]\ncmp = \"event\"\n[pages]\nskip = [\"/checkout\"]\nopen = [\"/pricing\"]\n";

fn app() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/next")
}

/// `npx ARGS` in the app, with Next.js's telemetry off; its output when it fails.
fn npx(args: &[&str]) -> std::process::Output {
    Command::new("npx").args(args).current_dir(app()).env("NEXT_TELEMETRY_DISABLED", "1").output().unwrap()
}

/// A Next.js server (`next start` or `next dev`) on a free port, ended when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(command: &str) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        // Its own process group, so that next's own workers end with it.
        let child = Command::new("npx")
            .args(["next", command, "-H", "127.0.0.1", "-p", &port.to_string()])
            .current_dir(app())
            .env("NEXT_TELEMETRY_DISABLED", "1")
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Dropped, and so ended, if it never listens.
        let server = Server { child, url: format!("http://127.0.0.1:{port}") };
        for _ in 0..300 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("next {command} did not listen on {port}");
    }

    fn drive(&self, mode: &str, visitor: &Value) -> Value {
        let script = app().join("drive.py");
        let output =
            Command::new("python3").arg(script).args([&self.url, mode, &visitor.to_string()]).output().unwrap();
        assert!(output.status.success(), "drive.py {mode}:\n{}", String::from_utf8_lossy(&output.stderr));
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["errors"], json!([]), "{mode}: page errors");
        report
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", self.child.id())]).status();
        let _ = self.child.wait();
    }
}

fn commands(report: &Value) -> &Vec<Value> {
    report["commands"].as_array().unwrap()
}

fn count(report: &Value, command: &str) -> usize {
    commands(report).iter().filter(|c| c[0] == command).count()
}

fn a_next_app_router_site_runs_the_component_and_its_helpers() {
    let profile = temp_profile("chat.ssq.toml", PROFILE);
    let component = app().join("app/salesmartly-chat.tsx");
    // -o FILE.tsx chooses the next form.
    ssq_gen().arg("snippet").arg(&profile.path).arg("-o").arg(&component).assert().success();
    let written = std::fs::read_to_string(&component).unwrap();
    assert!(written.starts_with("/** SaleSmartly chat plugin") && written.contains("\n\"use client\";\n"));

    // tsc: every helper type-checks in the app; a misspelt SDK command does not.
    let checked = npx(&["tsc", "--noEmit", "-p", "."]);
    assert!(checked.status.success(), "tsc:\n{}", String::from_utf8_lossy(&checked.stdout));
    let misspelt = app().join("typecheck-misspelt.ts");
    std::fs::write(&misspelt, "window.ssq?.push(\"chatOpn\");\nexport {};\n").unwrap();
    let refused = npx(&["tsc", "--noEmit", "-p", "."]);
    std::fs::remove_file(&misspelt).unwrap();
    let said = String::from_utf8_lossy(&refused.stdout);
    assert!(!refused.status.success() && said.contains("typecheck-misspelt.ts") && said.contains("chatOpn"), "{said}");

    let built = npx(&["next", "build"]);
    assert!(built.status.success(), "next build:\n{}", String::from_utf8_lossy(&built.stdout));

    // Naughty strings that pass the block's checks (no control characters) arrive byte for byte.
    let visitor = json!({
        "user_id": "u-1",
        "user_name": "<script>alert(1)</script> {{7*7}} ${7*7} </Script",
        "description": "Ω≈ç√∫ 田中さんにあげて下さい \"; alert(1); // \u{2028}",
        "label_names": ["𝕿𝖍𝖊", "' OR 1=1 --"],
    });
    let server = Server::start("start");
    let report = server.drive("production", &visitor);
    drop(server);
    let steps = ["home", "about", "pricing", "checkout", "account", "reloaded", "login", "logout", "open", "send"];
    for step in steps.iter().chain(&["close", "withdrawn", "asked", "consented"]) {
        let at = &report[step];
        assert_eq!(at["violations"], json!([]), "{step}: no CSP violation under the nonce policy");
        assert_eq!(at["starts"], 1, "{step}: set up exactly once on this page load: {at}");
        assert_eq!(at["blocks"], 1, "{step}: one block element");
    }
    // Three client-side navigations keep the one set-up; `[pages]` follows them.
    assert_eq!(commands(&report["about"]), &Vec::<Value>::new());
    assert_eq!(count(&report["pricing"], "chatOpen"), 1, "an open path, reached by <Link>");
    assert_eq!(count(&report["checkout"], "chatClose"), 1, "a skip path closes the chat");
    assert_eq!(count(&report["account"], "chatOpen"), 1, "and its launcher stays inert");
    assert_eq!(commands(&report["reloaded"]), &Vec::<Value>::new(), "a full reload starts afresh");
    assert_eq!(commands(&report["login"]), &vec![json!(["setLoginInfo", visitor])], "login(): exact bytes");
    assert_eq!(commands(&report["logout"]).last().unwrap(), &json!(["clearUser"]));
    assert_eq!(commands(&report["open"]).last().unwrap(), &json!(["chatOpen"]));
    assert_eq!(commands(&report["send"]).last().unwrap(), &json!(["sendTextMessage", "Hi </script>"]));
    assert_eq!(commands(&report["close"]).last().unwrap(), &json!(["chatClose"]));
    let withdrawn = commands(&report["withdrawn"]);
    assert_eq!(withdrawn[withdrawn.len() - 2..], [json!(["chatClose"]), json!(["clearUser"])], "withdrawConsent()");
    assert_eq!(report["asked"]["needed"], 1, "openChat() after withdrawal asks for consent");
    assert_eq!(commands(&report["asked"]), withdrawn, "and sends nothing");
    assert_eq!(commands(&report["consented"]).last().unwrap(), &json!(["chatOpen"]), "giveConsent() again");

    // Development: React's double effects in Strict Mode load the widget once.
    let server = Server::start("dev");
    let report = server.drive("development", &json!({}));
    for step in ["home", "about"] {
        assert_eq!(report[step]["starts"], 1, "next dev, {step}: {}", report[step]);
        assert_eq!(report[step]["blocks"], 1, "next dev, {step}");
    }
    assert_eq!(report["vendor_requests"], 2, "the project script and install.js, once each");
}

tests! {
    a_next_app_router_site_runs_the_component_and_its_helpers ["node", "next", "chromium", "python3", "playwright"],
}
