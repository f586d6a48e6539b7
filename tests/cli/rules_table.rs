//! Every rule, fired by a profile written to trip it (`tests/fixtures/rules/`), with its code,
//! position and exit status, through the binary.

use crate::support::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LOADER: &str = "[loader]\nlicense = \"g1vfb1b\"\n";

/// One rule's case: a profile written to trip it, `tests/fixtures/rules/SSQnnn-what.{toml,json}`,
/// and beside it `SSQnnn-what.expected`, the finding it must give:
///
/// ```text
/// at: 6:9          line:column of the finding, or `line:` where only the line is certain
/// says: no `@`     a piece of the message or help that must be there
/// ```
struct Case {
    path: PathBuf,
    code: String,
    at: String,
    says: String,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "expected") {
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

/// Runs `snippet` on `path`; what is wrong, if the finding is not the one `case` wants.
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

fn every_rule_fires_where_it_should() {
    let failures: Vec<_> = cases().iter().filter_map(fires).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
    let made = ["SSQ000".into(), "SSQ003".into(), "SSQ012".into()];
    let tested: BTreeSet<_> = cases().into_iter().map(|c| c.code).chain(made).collect();
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
    a_profile_over_the_size_cap_is_ssq003,
    the_fixtures_cover_every_rule,
    a_profile_whose_values_make_a_heavy_block_is_ssq012,
    a_profile_with_many_findings_reports_them_all_in_source_order,
}
