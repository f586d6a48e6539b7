//! Helpers shared by the integration tests: the binary, temporary profiles, and the Node harness.

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

pub fn ssq_gen() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("ssq-gen")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A profile in its own temporary folder (kept alive by the returned guard).
pub struct TempProfile {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn temp_profile(file_name: &str, text: &str) -> TempProfile {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file_name);
    std::fs::write(&path, text).unwrap();
    TempProfile { dir, path }
}

/// Renders `text` (a profile with the given extension) and returns the snippet; panics with the
/// diagnostics if it does not render.
pub fn render(file_name: &str, text: &str) -> String {
    render_with(file_name, text, &[])
}

pub fn render_with(file_name: &str, text: &str, args: &[&str]) -> String {
    let profile = temp_profile(file_name, text);
    let output = ssq_gen().arg("snippet").arg(&profile.path).args(args).output().unwrap();
    assert!(output.status.success(), "did not render:\n{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// In CI (`CI` set, as `.ci/run` has it) no suite may be skipped: every program the tests drive must
/// have been found when they were built (see `TEST_TOOLS` in build.rs). Elsewhere a suite whose
/// program is missing is reported as ignored, with the reason.
#[test]
fn ci_runs_every_suite() {
    let found = [
        ("node", cfg!(has_node)),
        ("chromium", cfg!(has_chromium)),
        ("python3", cfg!(has_python3)),
        ("openssl", cfg!(has_openssl)),
        ("tmux", cfg!(has_tmux)),
        ("bash", cfg!(has_bash)),
        ("zsh", cfg!(has_zsh)),
        ("fish", cfg!(has_fish)),
        ("eslint (npm ci --prefix tests/js)", cfg!(has_eslint)),
        ("python3 -m pip install phonenumbers==9.0.33", cfg!(has_phonenumbers)),
        ("django (pip)", cfg!(has_engine_django)),
        ("jinja2 and flask (pip)", cfg!(has_engine_jinja2)),
        ("ruby-actionview", cfg!(has_engine_rails)),
        ("ruby-liquid", cfg!(has_engine_liquid)),
        ("php-twig", cfg!(has_engine_twig)),
        ("php-illuminate-view", cfg!(has_engine_blade)),
        ("php-cli", cfg!(has_engine_php)),
        ("golang-go", cfg!(has_engine_go)),
        ("handlebars (npm ci --prefix tests/js)", cfg!(has_engine_handlebars)),
        ("ejs (npm ci --prefix tests/js)", cfg!(has_engine_ejs)),
    ];
    if std::env::var_os("CI").is_some() {
        let missing: Vec<_> = found.iter().filter(|(_, found)| !found).map(|(tool, _)| *tool).collect();
        assert!(missing.is_empty(), "CI must run every suite; missing: {missing:?} (.ci/run installs them)");
    }
}

/// Runs `snippet` in Node with the vendor stand-ins (tests/js/harness.js); returns its report.
pub fn harness(snippet: &str, options: serde_json::Value) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/harness.js");
    let mut child = std::process::Command::new("node")
        .arg(script)
        .arg(options.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(snippet.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "harness failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["errors"], serde_json::json!([]), "JavaScript errors");
    report
}

pub const SCRIPT_URL: &str = "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js";
pub const INSTALL_URL: &str = "https://plugin-code.salesmartly.com/chat/widget-v2/code/install.js";
