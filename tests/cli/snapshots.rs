//! Exact output, pinned: every report format over a fixture tree, and the human report of every rule.
//! A change to any byte of a report shows up here as a snapshot diff (`cargo insta review`).

use crate::support::*;
use std::path::Path;

fn tree() -> std::path::PathBuf {
    fixture("tree")
}

/// Runs `ssq-gen ARGS` in `dir`; returns `exit status`, then stdout, then stderr, as one text.
fn transcript(dir: &Path, args: &[&str]) -> String {
    let output = ssq_gen().current_dir(dir).env_remove("NO_COLOR").args(args).output().unwrap();
    format!(
        "status: {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// insta names snapshots after the test; these settings keep every snapshot of this file together.
fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

fn every_format_over_a_tree() {
    settings().bind(|| {
        for format in ["human", "json", "github", "sarif"] {
            let text = transcript(&tree(), &["lint", "--format", format, ".", "missing.ssq.toml"]);
            // SARIF's `%SRCROOT%` is the folder lint ran in: this checkout's, wherever it is.
            let root = format!("\"file://{}/\"", tree().display());
            let text = text.replacen(&root, "\"file:///…/tests/fixtures/tree/\"", 1);
            insta::assert_snapshot!(format!("lint_{format}"), text);
        }
        let quiet = transcript(&tree(), &["lint", "-q", "."]);
        insta::assert_snapshot!("lint_human_quiet", quiet);
        // -q applies to every format, and never hides what fails the run.
        let quiet = transcript(&tree(), &["lint", "-q", "--format", "json", "b", "site/good.ssq.toml"]);
        insta::assert_snapshot!("lint_json_quiet", quiet);
        let denied = transcript(&tree(), &["lint", "-q", "--deny-warnings", "b"]);
        insta::assert_snapshot!("lint_human_quiet_deny_warnings", denied);
        let denied = transcript(&tree(), &["lint", "--deny-warnings", "b"]);
        insta::assert_snapshot!("lint_human_deny_warnings", denied);
    });
}

const LOGIN: &str = "[loader]\nlicense = \"g1vfb1b\"\n\n[login]\nuser_id = \"u-7f3a\"\nuser_name = \"Ann\"\n";

/// `label_names` with 5,000 labels, the list on a line of its own: 64 KiB of the block.
pub fn many_labels() -> String {
    let labels: Vec<_> = (0..5000).map(|i| format!("\"label-{i:04}\"")).collect();
    format!("label_names = [\n{}\n]", labels.join(","))
}

/// One file per rule that makes it fire, `(command, code, file name, contents)`: the first of the
/// rule examples (src/diagnostics/examples/) for each code, the two profiles too large to keep there,
/// for `audit`'s rules the first page of its corpus (tests/fixtures/audit/) that has one, and for
/// SSQ510 the page `import` cannot wholly translate.
fn cases() -> Vec<(&'static str, String, String, Vec<u8>)> {
    let mut cases: Vec<(&'static str, String, String, Vec<u8>)> = Vec::new();
    for case in crate::rules_table::cases() {
        if cases.iter().all(|(_, code, ..)| *code != case.code) {
            let name = case.path.file_name().unwrap().to_string_lossy().into_owned();
            cases.push(("lint", case.code.clone(), name, std::fs::read(&case.path).unwrap()));
        }
    }
    cases.push(("lint", "SSQ003".into(), "p.toml".into(), vec![b'#'; 1024 * 1024 + 1]));
    let labels = format!("{LOGIN}{}\n", many_labels()).into_bytes();
    cases.push(("lint", "SSQ012".into(), "p.toml".into(), labels));
    let imported = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/every-part.html");
    cases.push(("import", "SSQ510".into(), "every-part.html".into(), std::fs::read(imported).unwrap()));
    for (code, page) in crate::audit::cases() {
        if cases.iter().all(|(_, known, ..)| *known != code) {
            let name = page.file_name().unwrap().to_string_lossy().into_owned();
            cases.push(("audit", code, name, std::fs::read(&page).unwrap()));
        }
    }
    cases
}

fn the_human_report_of_every_rule() {
    let rules = ssq_gen().arg("rules").output().unwrap();
    let codes: Vec<String> =
        String::from_utf8(rules.stdout).unwrap().lines().map(|l| l.split_whitespace().next().unwrap().into()).collect();
    let cases = cases();
    for code in &codes {
        // SSQ000 is a path that cannot be read: the tree's snapshots pin it.
        assert!(code == "SSQ000" || cases.iter().any(|(_, c, ..)| c == code), "no case makes {code} fire");
    }
    settings().bind(|| {
        for (command, code, name, contents) in cases {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join(&name), contents).unwrap();
            let text = transcript(dir.path(), &[command, "--color", "never", &name]);
            assert!(text.contains(&format!("[{code}]")), "{code} did not fire:\n{text}");
            insta::assert_snapshot!(format!("rule_{code}"), text);
        }
    });
}

tests! {
    every_format_over_a_tree,
    the_human_report_of_every_rule,
}
