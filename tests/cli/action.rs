//! The GitHub Action (action.yml) runs action/lint.sh: its steps, run here as GitHub would.

use crate::support::*;
use std::path::Path;
use std::process::Command;

fn run_action(dir: &Path, inputs: &[(&str, &str)]) -> std::process::Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("action/lint.sh");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_ssq-gen")).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap());
    let home = tempfile::tempdir().unwrap();
    let mut command = Command::new("bash");
    command.arg(script).current_dir(dir).env("PATH", path).env("HOME", home.path());
    for (name, value) in inputs {
        command.env(name, value);
    }
    command.output().unwrap()
}

fn the_action_lints_with_annotations_and_fails_on_errors() {
    let output = run_action(&fixture("tree"), &[("INPUT_PATHS", "site b"), ("INPUT_FORMAT", "github")]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.lines().all(|line| line.starts_with("::")), "{stdout}");
    assert!(stdout.contains("file=site/bad.ssq.toml") && stdout.contains("file=b/warn.ssq.json"), "{stdout}");
    assert!(!String::from_utf8_lossy(&output.stderr).contains("installing"), "the binary on PATH is used");
}

fn the_action_passes_its_arguments_through() {
    let output = run_action(&fixture("tree"), &[("INPUT_PATHS", "b"), ("INPUT_ARGS", "--deny-warnings -q")]);
    assert_eq!(output.status.code(), Some(1), "a warning fails under --deny-warnings");
    let out = tempfile::tempdir().unwrap();
    let sarif = out.path().join("ssq-gen.sarif");
    let output = run_action(&fixture("tree"), &[("INPUT_FORMAT", "sarif"), ("INPUT_OUTPUT", sarif.to_str().unwrap())]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(output.stdout, b"", "the report went to the file");
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
    assert_eq!(report["version"], "2.1.0");
    let defaults = run_action(&fixture("tree").join("b"), &[]);
    assert_eq!(defaults.status.code(), Some(0), "defaults: `.`, github format");
    assert!(String::from_utf8(defaults.stdout).unwrap().starts_with("::warning file=warn.ssq.json,"));
}

tests! {
    the_action_lints_with_annotations_and_fails_on_errors,
    the_action_passes_its_arguments_through,
}
