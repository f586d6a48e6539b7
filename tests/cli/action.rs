//! The GitHub Action (action.yml) runs action/lint.sh: its steps, run here as GitHub would.

use crate::support::*;
use std::path::Path;
use std::process::Command;

fn run_action(dir: &Path, inputs: &[(&str, &str)]) -> std::process::Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("action/lint.sh");
    let bin_dir = crate::support::binary().parent().unwrap();
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

/// A fresh runner: no ssq-gen on PATH, an empty cache, and a `cargo` that records whether it ran
/// (and installs the test binary where `cargo install --root R` would).
struct FreshRunner {
    home: tempfile::TempDir,
    tools: tempfile::TempDir,
}

impl FreshRunner {
    fn new() -> FreshRunner {
        let tools = tempfile::tempdir().unwrap();
        let cargo = tools.path().join("cargo");
        let binary = crate::support::binary().display();
        std::fs::write(
            &cargo,
            format!(
                "#!/bin/sh\necho \"cargo $*\" >> \"$(dirname \"$0\")/cargo.log\"\nwhile [ \"$1\" != --root ]; do shift; done\nmkdir -p \"$2/bin\" && ln -s {binary} \"$2/bin/ssq-gen\"\n"
            ),
        )
        .unwrap();
        std::fs::set_permissions(&cargo, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        FreshRunner { home: tempfile::tempdir().unwrap(), tools }
    }

    fn run(&self, release_url: &str) -> std::process::Output {
        self.run_at(release_url, "v0.1.0")
    }

    /// As the action pinned at `action_ref` (`github.action_ref`).
    fn run_at(&self, release_url: &str, action_ref: &str) -> std::process::Output {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("action/lint.sh");
        Command::new("bash")
            .env("SSQ_GEN_ACTION_REF", action_ref)
            .arg(script)
            .current_dir(fixture("tree").join("b"))
            .env("PATH", format!("{}:/usr/local/bin:/usr/bin:/bin", self.tools.path().display()))
            .env("HOME", self.home.path())
            .env("SSQ_GEN_RELEASE_URL", release_url)
            .output()
            .unwrap()
    }

    fn cargo_ran(&self) -> bool {
        self.tools.path().join("cargo.log").exists()
    }

    fn cargo_runs(&self) -> usize {
        std::fs::read_to_string(self.tools.path().join("cargo.log")).map_or(0, |log| log.lines().count())
    }
}

/// A release mirror as GitHub lays one out: `v<version>/<archive>` and `v<version>/SHA256SUMS`,
/// the archive packed by the release's own script around the test binary.
fn mirror() -> (tempfile::TempDir, String) {
    use sha2::Digest as _;
    let dir = tempfile::tempdir().unwrap();
    let version = env!("CARGO_PKG_VERSION");
    let release = dir.path().join(format!("v{version}"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/scripts/package.sh");
    let packed = Command::new("bash")
        .arg(script)
        .arg("x86_64-unknown-linux-gnu")
        .arg(&release)
        .env("SSQ_GEN_BINARY", crate::support::binary())
        .output()
        .unwrap();
    assert!(packed.status.success(), "{}", String::from_utf8_lossy(&packed.stderr));
    let archive = Path::new(String::from_utf8(packed.stdout).unwrap().trim()).to_path_buf();
    let name = archive.file_name().unwrap().to_str().unwrap().to_string();
    assert_eq!(name, format!("ssq-gen-{version}-x86_64-unknown-linux-gnu.tar.gz"));
    let digest = sha2::Sha256::digest(std::fs::read(&archive).unwrap());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(release.join("SHA256SUMS"), format!("{hex}  {name}\n")).unwrap();
    let url = format!("file://{}", dir.path().display());
    (dir, url)
}

fn the_action_downloads_the_release_binary_and_caches_it() {
    let (_mirror, url) = mirror();
    let runner = FreshRunner::new();
    let first = runner.run(&url);
    let log = String::from_utf8_lossy(&first.stderr);
    assert_eq!(first.status.code(), Some(0), "{log}");
    assert!(log.contains("downloaded ssq-gen-") && log.contains("(SHA-256 verified)"), "{log}");
    assert!(String::from_utf8_lossy(&first.stdout).starts_with("::warning file=warn.ssq.json,"));
    assert!(!runner.cargo_ran(), "no build on the download path");
    let installed = runner.home.path().join(format!(".ssq-gen/{}/bin/ssq-gen", env!("CARGO_PKG_VERSION")));
    assert!(installed.is_file());

    // The next run finds it in the cache (the folder actions/cache restores).
    let second = runner.run("file:///nowhere");
    assert_eq!(second.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&second.stderr).contains("downloaded"), "cached");
}

fn a_checksum_mismatch_fails_and_runs_nothing() {
    let (mirror, url) = mirror();
    let sums = mirror.path().join(format!("v{}/SHA256SUMS", env!("CARGO_PKG_VERSION")));
    let text = std::fs::read_to_string(&sums).unwrap();
    let tampered = format!("{}{}", if text.starts_with('0') { "1" } else { "0" }, &text[1..]);
    std::fs::write(&sums, tampered).unwrap();
    let runner = FreshRunner::new();
    let output = runner.run(&url);
    let log = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{log}");
    assert!(log.contains("does not match SHA256SUMS") && log.contains("nothing was run"), "{log}");
    assert_eq!(output.stdout, b"", "no lint ran");
    assert!(!runner.cargo_ran(), "a mismatch is not a missing release: nothing is built either");
    assert!(!runner.home.path().join(".ssq-gen").join(env!("CARGO_PKG_VERSION")).join("bin").exists());
}

fn without_a_release_the_action_builds_and_says_so() {
    let empty = tempfile::tempdir().unwrap();
    let runner = FreshRunner::new();
    let output = runner.run(&format!("file://{}", empty.path().display()));
    let log = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{log}");
    assert!(log.contains("no release of ssq-gen") && log.contains("building it with cargo install --locked"), "{log}");
    let cargo = std::fs::read_to_string(runner.tools.path().join("cargo.log")).unwrap();
    assert!(cargo.starts_with("cargo install --locked"), "{cargo}");
}

/// Every commit is version 0.1.0: an action pinned at another ref reinstalls, the same ref does not.
fn another_ref_of_the_action_reinstalls() {
    let empty = tempfile::tempdir().unwrap();
    let url = format!("file://{}", empty.path().display());
    let runner = FreshRunner::new();
    for (action_ref, builds) in [("3f2a9c1", 1), ("3f2a9c1", 1), ("8d41e07", 2), ("8d41e07", 2)] {
        let output = runner.run_at(&url, action_ref);
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(runner.cargo_runs(), builds, "after a run at {action_ref}");
    }
}

tests! {
    the_action_lints_with_annotations_and_fails_on_errors,
    the_action_passes_its_arguments_through,
    the_action_downloads_the_release_binary_and_caches_it ["curl"],
    a_checksum_mismatch_fails_and_runs_nothing ["curl"],
    without_a_release_the_action_builds_and_says_so ["curl"],
    another_ref_of_the_action_reinstalls ["curl"],
}
