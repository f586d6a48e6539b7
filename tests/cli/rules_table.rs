//! Every rule, fired by a profile written to trip it (`src/diagnostics/examples/`, the one set of
//! rule examples, which `rules CODE` shows too): each checked in-process with its code, position
//! and message, each fixed twin (`NAME.fixed.toml`) with no error and not that code, and the whole
//! set proven through the binary once (`lint` over every file). The human report's snapshot of each
//! rule (tests/cli/snapshots.rs) is made from the same set.

use crate::support::*;
use ssq_gen::input::source::{Format, Source};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LOADER: &str = "[loader]\nlicense = \"g1vfb1b\"\n";

/// One rule's case: a profile written to trip it, `src/diagnostics/examples/SSQnnn-what.{toml,json}`,
/// and beside it `SSQnnn-what.expected`, the finding it must give:
///
/// ```text
/// at: 6:9          line:column of the finding, or `line:` where only the line is certain
/// says: no `@`     a piece of the message or help that must be there
/// ```
///
/// An explained case has a fixed twin, `SSQnnn-what.fixed.toml`: the same profile corrected.
pub struct Case {
    pub path: PathBuf,
    pub code: String,
    at: String,
    says: String,
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diagnostics/examples")
}

/// Whether `path` is a fixed twin.
fn is_fixed(path: &Path) -> bool {
    path.file_stem().is_some_and(|stem| stem.to_string_lossy().ends_with(".fixed"))
}

/// The fixed twins, each with the code its case gives.
fn fixed() -> Vec<(PathBuf, String)> {
    let files = std::fs::read_dir(examples()).unwrap().map(|entry| entry.unwrap().path());
    let mut fixed: Vec<_> = files
        .filter(|path| is_fixed(path))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let case = examples().join(name.replace(".fixed.", "."));
            assert!(case.is_file(), "{name} is the twin of no case");
            (path, name.split('-').next().unwrap().to_string())
        })
        .collect();
    fixed.sort();
    fixed
}

pub fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "expected") || is_fixed(&path) {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(path.with_extension("expected"))
            .unwrap_or_else(|err| panic!("{stem}: its .expected file: {err}"));
        let field = |name: &str| {
            let prefix = format!("{name}: ");
            let line = expected.lines().find(|line| line.starts_with(&prefix));
            line.unwrap_or_else(|| panic!("{stem}.expected has no `{name}:` line"))[prefix.len()..].to_string()
        };
        let code = stem.split('-').next().unwrap().to_string();
        cases.push(Case { code, at: field("at"), says: field("says"), path });
    }
    cases.sort_by(|a, b| a.path.cmp(&b.path));
    cases
}

/// What is wrong with `case`'s finding in `diagnostics` (from `source`), if anything.
fn mismatch(case: &Case, found: Option<(String, &str, &str)>) -> Option<String> {
    let name = case.path.file_name().unwrap().to_string_lossy();
    let Some((at, message, help)) = found else { return Some(format!("{name}: no {} finding", case.code)) };
    let at_ok = match case.at.strip_suffix(':') {
        Some(line) => at.split(':').next() == Some(line),
        None => at == case.at,
    };
    let says_ok = message.contains(&case.says) || help.contains(&case.says);
    (!(at_ok && says_ok))
        .then(|| format!("{name}: {} at {at} ({message} / {help}); want {} and {:?}", case.code, case.at, case.says))
}

/// What is wrong with the codes a fixed twin gives, if anything: an error, or its case's code.
fn fixed_mismatch(path: &Path, code: &str, found: &[&str]) -> Option<String> {
    let is_error = |c: &&str| ssq_gen::diagnostics::rule(c).unwrap().severity.as_str() == "error";
    (found.contains(&code) || found.iter().any(is_error))
        .then(|| format!("{}: the fixed profile gives {found:?}", path.file_name().unwrap().to_string_lossy()))
}

fn checked(path: &Path) -> ssq_gen::Checked {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    ssq_gen::check(Source::from_bytes(name, std::fs::read(path).unwrap(), Format::from_path(path)))
}

/// In-process, as every front end checks a profile: `ssq_gen::check`.
fn every_rule_fires_where_it_should() {
    let mut failures: Vec<_> = cases()
        .iter()
        .filter_map(|case| {
            let checked = checked(&case.path);
            let found = checked.diagnostics.iter().find(|d| d.rule.code == case.code).map(|d| {
                let (line, column) = checked.source.line_col(d.span.start);
                (format!("{line}:{column}"), d.message.as_str(), d.help.as_str())
            });
            mismatch(case, found)
        })
        .collect();
    for (path, code) in fixed() {
        let found: Vec<_> = checked(&path).diagnostics.iter().map(|d| d.rule.code).collect();
        failures.extend(fixed_mismatch(&path, &code, &found));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same set through the binary, once: `lint --format json` over every file.
fn the_binary_reports_the_same_set_at_once() {
    let (cases, fixed) = (cases(), fixed());
    let files = cases.iter().map(|c| &c.path).chain(fixed.iter().map(|(path, _)| path));
    let output = ssq_gen().args(["lint", "--format", "json"]).args(files).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "errors among them: exit 1");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = report["diagnostics"].as_array().unwrap();
    let mut failures: Vec<_> = cases
        .iter()
        .filter_map(|case| {
            let file = case.path.display().to_string();
            let found = found.iter().find(|d| d["file"] == file.as_str() && d["code"] == case.code.as_str()).map(|d| {
                let at = format!("{}:{}", d["line"], d["column"]);
                (at, d["message"].as_str().unwrap_or(""), d["help"].as_str().unwrap_or(""))
            });
            mismatch(case, found)
        })
        .collect();
    for (path, code) in &fixed {
        let file = path.display().to_string();
        let found: Vec<_> =
            found.iter().filter(|d| d["file"] == file.as_str()).filter_map(|d| d["code"].as_str()).collect();
        failures.extend(fixed_mismatch(path, code, &found));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(report["summary"]["files"], cases.len() + fixed.len(), "every file read");
}

/// Runs `snippet` on `path`, for the profiles made here: what is wrong, if the finding is not the
/// one `case` wants, or the exit status not its severity's.
fn fires(case: &Case) -> Option<String> {
    let output = ssq_gen().arg("snippet").arg(&case.path).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let rule = ssq_gen::diagnostics::registry::RULES.iter().find(|r| r.code == case.code).expect("a known code");
    let (tag, status) = match rule.severity {
        ssq_gen::diagnostics::Severity::Error => ("error", 1),
        ssq_gen::diagnostics::Severity::Warning => ("warning", 0),
    };
    let location = format!("--> {}:{}", case.path.display(), case.at);
    let ok = stderr.contains(&format!("{tag}[{}]", case.code))
        && stderr.contains(&location)
        && stderr.contains(&case.says)
        && output.status.code() == Some(status)
        && output.stdout.is_empty() == (status != 0);
    let name = case.path.file_name().unwrap().to_string_lossy();
    (!ok).then(|| format!("{name} (want {tag}[{}] at {}, exit {status}):\n{stderr}", case.code, case.at))
}

/// SSQ003's profile is made here: more than a mebibyte is not a file to keep in the repository.
fn a_profile_over_the_size_cap_is_ssq003() {
    let profile = temp_profile("p.toml", &" ".repeat(1024 * 1024 + 1));
    let case = Case { path: profile.path.clone(), code: "SSQ003".into(), at: "1:1".into(), says: "larger than".into() };
    if let Some(failure) = fires(&case) {
        panic!("{failure}");
    }
}

/// SSQ012's profile is made here too: 64 KiB of labels is not a fixture to keep either.
fn a_profile_whose_values_make_a_heavy_block_is_ssq012() {
    let text =
        format!("{LOADER}[login]\nuser_id = \"u-7f3a\"\nuser_name = \"Ann\"\n{}\n", crate::snapshots::many_labels());
    let profile = temp_profile("p.toml", &text);
    let case =
        Case { path: profile.path.clone(), code: "SSQ012".into(), at: "6:1".into(), says: "KiB of the block".into() };
    if let Some(failure) = fires(&case) {
        panic!("{failure}");
    }
}

fn the_fixtures_cover_every_rule() {
    // SSQ000 (unreadable) comes from `lint`, and tests/cli/lint.rs covers it; SSQ003 and SSQ012 are
    // made above.
    // `audit`'s codes come from its corpus (tests/cli/audit.rs); SSQ510 from `import`'s page
    // (tests/cli/import.rs).
    let made = ["SSQ000".into(), "SSQ003".into(), "SSQ012".into(), "SSQ510".into()];
    let audited = crate::audit::cases().into_iter().map(|(code, _)| code);
    let tested: BTreeSet<_> = cases().into_iter().map(|c| c.code).chain(made).chain(audited).collect();
    let all: BTreeSet<_> = ssq_gen::diagnostics::registry::RULES.iter().map(|r| r.code.to_string()).collect();
    assert_eq!(tested, all);
}

fn a_profile_with_many_findings_reports_them_all_in_source_order() {
    let text = format!(
        "{LOADER}[login]\nuser_nmae = \"y\"\nuser_id = \"a@b.com\"\nphone = \"+1-800-FLOWERS\"\nemail = \"x\"\n"
    );
    let profile = temp_profile("p.toml", &text);
    let output = ssq_gen().arg("snippet").arg(&profile.path).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let order: Vec<_> = ["SSQ005", "SSQ210", "SSQ204", "SSQ208"].iter().map(|c| stderr.find(c)).collect();
    assert!(order.iter().all(Option::is_some), "{stderr}");
    assert!(!stderr.contains("SSQ201"), "the typo `user_nmae` stands for the missing `user_name`:\n{stderr}");
    assert!(order.windows(2).all(|w| w[0] < w[1]), "not in source order:\n{stderr}");
}

tests! {
    every_rule_fires_where_it_should,
    the_binary_reports_the_same_set_at_once,
    a_profile_over_the_size_cap_is_ssq003,
    the_fixtures_cover_every_rule,
    a_profile_whose_values_make_a_heavy_block_is_ssq012,
    a_profile_with_many_findings_reports_them_all_in_source_order,
}
