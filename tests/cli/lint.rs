//! `ssq-gen lint`: discovery, every output format, exit statuses, and `snippet --check`.

use crate::support::*;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

const GOOD: &str = "[loader]\nlicense = \"g1vfb1b\"\n";
const BAD: &str = "[loader]\nlicense = \"g1\"\n";
const WARN: &str =
    "[loader]\nlicense = \"g1vfb1b\"\n[login]\nuser_id = \"x1\"\nuser_name = \"n\"\nemail = \"a@localhost\"\n";

/// A repository with profiles, an unrelated JSON file, and an ignored folder.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write("site/good.ssq.toml", GOOD);
    write("site/bad.ssq.toml", BAD);
    write(
        "b/warn.ssq.json",
        r#"{"loader": {"license": "g1vfb1b"}, "login": {"user_id": "x1", "user_name": "n", "email": "a@localhost"}}"#,
    );
    write("package.json", r#"{"name": "shop", "version": "1.0.0"}"#);
    write("Cargo.toml", "[package]\nname = \"x\"\n");
    write("vendor/skipped.ssq.toml", BAD);
    write(".gitignore", "vendor/\n");
    dir
}

fn lint(dir: &Path, args: &[&str]) -> std::process::Output {
    ssq_gen().current_dir(dir).arg("lint").args(args).output().unwrap()
}

fn folders_are_walked_by_convention_and_gitignore() {
    let repo = repository();
    let output = lint(repo.path(), &["--format", "json", "."]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let files: Vec<_> = report["diagnostics"].as_array().unwrap().iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        ["b/warn.ssq.json", "site/bad.ssq.toml"],
        "sorted by path; vendor/ ignored; package.json not a profile"
    );
    assert_eq!(report["summary"], serde_json::json!({"files": 3, "errors": 1, "warnings": 1, "fixed": 0}));
}

fn named_files_are_always_linted_and_globs_replace_the_convention() {
    let repo = repository();
    let output = lint(repo.path(), &["--format", "json", "vendor/skipped.ssq.toml"]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 1);
    fs::write(repo.path().join("site/chat.profile.toml"), BAD).unwrap();
    let output = lint(repo.path(), &["--format", "json", "--glob", "*.profile.toml", "site"]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["diagnostics"][0]["file"], "site/chat.profile.toml");
}

fn exit_statuses() {
    let repo = repository();
    assert_eq!(lint(repo.path(), &["site/good.ssq.toml"]).status.code(), Some(0));
    assert_eq!(lint(repo.path(), &["b"]).status.code(), Some(0), "warnings are allowed");
    assert_eq!(lint(repo.path(), &["b", "--deny-warnings"]).status.code(), Some(1));
    assert_eq!(lint(repo.path(), &["site"]).status.code(), Some(1));
    assert_eq!(lint(repo.path(), &["--glob", "[", "site"]).status.code(), Some(2));
    assert_eq!(lint(repo.path(), &["--format", "yaml", "site"]).status.code(), Some(2));
}

fn unreadable_paths_are_reported_and_the_rest_still_linted() {
    let repo = repository();
    let output = lint(repo.path(), &["--format", "json", "site", "missing.ssq.toml", "b"]);
    assert_eq!(output.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<_> = report["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["SSQ209", "SSQ000", "SSQ103"]);
    assert_eq!(report["summary"]["files"], 3);
}

fn human_format_matches_snippet_and_summarizes() {
    let repo = repository();
    let output = lint(repo.path(), &["site"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    let snippet = ssq_gen().current_dir(repo.path()).args(["snippet", "site/bad.ssq.toml"]).output().unwrap();
    let snippet_stderr = String::from_utf8(snippet.stderr).unwrap();
    let finding = &snippet_stderr[..snippet_stderr.find("\n\n").unwrap()];
    assert!(stdout.contains(finding), "lint and snippet report the same finding:\n{stdout}\n---\n{finding}");
    assert!(stdout.contains("--> site/bad.ssq.toml:2:11"), "{stdout}");
    assert!(stdout.ends_with("checked 2 profiles: 1 error, 0 warnings\n"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "no colour when not on a terminal");
    let quiet = lint(repo.path(), &["-q", "b"]);
    assert_eq!(quiet.stdout, b"", "-q: no warnings, no summary");
}

fn json_format_structure() {
    let repo = repository();
    let output = lint(repo.path(), &["--format", "json", "site", "b"]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    for d in report["diagnostics"].as_array().unwrap() {
        for key in ["file", "severity", "code", "field", "message", "help"] {
            assert!(d[key].is_string(), "{key} in {d}");
        }
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(d[key].as_u64().is_some_and(|n| n >= 1), "{key} in {d}");
        }
        assert!(["error", "warning"].contains(&d["severity"].as_str().unwrap()));
    }
    let field: Vec<_> =
        report["diagnostics"].as_array().unwrap().iter().map(|d| d["field"].as_str().unwrap()).collect();
    assert_eq!(field, ["login.email", "loader.license"]);
}

/// A folder whose profiles do not follow the naming convention: lint names the files it passed
/// over, and the --glob that takes them, in one walk.
fn skipped_profiles_are_named_with_the_glob_that_takes_them() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("profile.toml"), GOOD).unwrap();
    fs::create_dir(dir.path().join(".config")).unwrap();
    fs::write(dir.path().join(".config/chat.ssq.toml"), GOOD).unwrap();
    let output = lint(dir.path(), &["."]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("1 profile in hidden files or folders were skipped: pass --hidden"), "{stderr}");
    fs::remove_dir_all(dir.path().join(".config")).unwrap();
    let output = lint(dir.path(), &["."]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("it skipped profile.toml (name profiles `*.ssq.toml`, or lint these with --glob '*.toml')"),
        "{stderr}"
    );
    let taken = lint(dir.path(), &["--glob", "*.toml", "."]);
    assert_eq!(taken.status.code(), Some(0), "{}", String::from_utf8_lossy(&taken.stderr));
}

fn github_format_grammar() {
    let repo = repository();
    fs::write(repo.path().join("site/odd, name:%.ssq.toml"), BAD).unwrap();
    let output = lint(repo.path(), &["--format", "github", "site", "b"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut lines: Vec<_> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    // The run's summary comes last, so that a clean run says something too.
    assert_eq!(lines.pop(), Some("::notice title=ssq-gen::checked 4 profiles: 2 errors, 1 warning"), "{stdout}");
    for line in &lines {
        let (command, message) = line.split_once("::").map(|(_, rest)| rest.split_once("::").unwrap()).unwrap();
        let (level, properties) = command.split_once(' ').unwrap();
        assert!(["error", "warning"].contains(&level), "{line}");
        let keys: Vec<_> = properties.split(',').map(|p| p.split_once('=').unwrap().0).collect();
        assert_eq!(keys, ["file", "line", "col", "endLine", "endColumn", "title"], "{line}");
        assert!(!message.is_empty() && !message.contains('\n'));
    }
    assert!(stdout.contains("file=site/odd%2C name%3A%25.ssq.toml,"), "{stdout}");
    assert!(stdout.contains("title=SSQ103 license::"), "{stdout}");
    // A clean run, and one that cannot start, are annotations too.
    let clean = lint(repo.path(), &["--format", "github", "site/good.ssq.toml"]);
    let clean = String::from_utf8(clean.stdout).unwrap();
    assert!(clean.starts_with("::notice title=ssq-gen::checked 1 profile: 0 errors"), "{clean}");
    let empty = tempfile::tempdir().unwrap();
    let none = lint(empty.path(), &["--format", "github", "."]);
    assert_eq!(none.status.code(), Some(2));
    let none = String::from_utf8(none.stdout).unwrap();
    assert!(none.starts_with("::error title=ssq-gen::no profile found in ."), "{none}");
}

fn sarif_format_has_what_code_scanning_requires() {
    let repo = repository();
    let output = lint(repo.path(), &["--format", "sarif", "site", "b"]);
    let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "ssq-gen");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), ssq_gen::diagnostics::registry::RULES.len(), "one rule per code");
    for rule in rules {
        assert!(
            rule["id"].is_string() && rule["shortDescription"]["text"].is_string() && rule["help"]["text"].is_string()
        );
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning"].contains(&result["level"].as_str().unwrap()));
        assert!(result["message"]["text"].is_string());
        let location = &result["locations"][0]["physicalLocation"];
        assert!(
            location["artifactLocation"]["uri"].as_str().unwrap().ends_with(".ssq.toml")
                || location["artifactLocation"]["uri"].as_str().unwrap().ends_with(".ssq.json")
        );
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
}

fn standard_input_is_linted_when_named_and_a_bare_lint_means_the_current_folder() {
    ssq_gen()
        .args(["lint", "--format", "json", "-"])
        .write_stdin(BAD)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"file\": \"<stdin>\""));
    ssq_gen().args(["lint", "-"]).write_stdin(GOOD).assert().code(0);
    // In CI standard input is /dev/null: a bare `lint` must not read it.
    let repo = repository();
    let output =
        ssq_gen().current_dir(repo.path()).args(["lint", "--format", "json"]).write_stdin(BAD).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 3, "the folder's three profiles, not standard input");
}

fn check_reports_drift_without_writing() {
    let profile = temp_profile("p.toml", GOOD);
    let rendered = profile.dir.path().join("snippet.html");
    ssq_gen().arg("snippet").arg(&profile.path).arg("-o").arg(&rendered).assert().code(0);
    ssq_gen().arg("snippet").arg(&profile.path).arg("--check").arg(&rendered).assert().code(0).stdout("");

    fs::write(&profile.path, WARN).unwrap();
    let before = fs::read(&rendered).unwrap();
    ssq_gen()
        .arg("snippet")
        .arg(&profile.path)
        .arg("--check")
        .arg(&rendered)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("@@"))
        .stdout(predicate::str::contains("+    ssq.push(\"setLoginInfo\""))
        .stderr(predicate::str::contains("is out of date"));
    assert_eq!(fs::read(&rendered).unwrap(), before, "--check writes nothing");

    let missing = profile.dir.path().join("never-rendered.html");
    ssq_gen().arg("snippet").arg(&profile.path).arg("--check").arg(&missing).assert().code(1);
    assert!(!missing.exists());
}

tests! {
    folders_are_walked_by_convention_and_gitignore,
    named_files_are_always_linted_and_globs_replace_the_convention,
    exit_statuses,
    unreadable_paths_are_reported_and_the_rest_still_linted,
    human_format_matches_snippet_and_summarizes,
    json_format_structure,
    github_format_grammar,
    skipped_profiles_are_named_with_the_glob_that_takes_them,
    sarif_format_has_what_code_scanning_requires,
    standard_input_is_linted_when_named_and_a_bare_lint_means_the_current_folder,
    check_reports_drift_without_writing,
}
