//! Helpers shared by the integration tests: the binary, temporary profiles, and the Node harness.

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

pub fn ssq_gen() -> Command {
    Command::new(binary())
}

static BINARY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// The binary under test: a copy of the one cargo built, made by [`copy_binary`]. The wheel test's
/// maturin writes `target/debug/ssq-gen` again in place (stripped), in the tests' own build folder;
/// a test spawning that path meanwhile could find no file.
pub fn binary() -> &'static Path {
    BINARY.get().expect("main copies the binary before the tests start")
}

/// Copies the binary to `CARGO_TARGET_TMPDIR/bin/ssq-gen` (a temporary name, then a rename). Called
/// by `main` before any test thread exists: a file open for writing while another thread forks is
/// what makes a later spawn of it fail with "text file busy".
pub fn copy_binary() {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bin");
    std::fs::create_dir_all(&folder).unwrap();
    let copy = folder.join("ssq-gen");
    let partial = folder.join(format!(".ssq-gen.{}", std::process::id()));
    std::fs::copy(env!("CARGO_BIN_EXE_ssq-gen"), &partial).unwrap();
    std::fs::rename(&partial, &copy).unwrap();
    BINARY.set(copy).unwrap();
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

/// `ssq-gen lint --format json` over one profile written as `name`: its findings.
pub fn lint_findings(name: &str, text: &str) -> Vec<serde_json::Value> {
    let profile = temp_profile(name, text);
    let output = ssq_gen().args(["lint", "--format", "json"]).arg(&profile.path).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"].as_array().unwrap().clone()
}

/// The two install forms, by name, as `[loader]` lines: the project script and the license.
pub fn install_forms() -> [(&'static str, String); 2] {
    [("script", format!("script_url = \"{SCRIPT_URL}\"")), ("license", "license = \"g1vfb1b\"".to_string())]
}

pub const SCRIPT_URL: &str = "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js";
pub const INSTALL_URL: &str = "https://plugin-code.salesmartly.com/chat/widget-v2/code/install.js";
