//! Turning diagnostics into text for people (rustc style).

use crate::diagnostic::{Diagnostic, Located, Severity};
use crate::lint::Outcome;
use crate::rules;
use crate::source::Source;
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// rustc/cargo-style findings: `error[CODE]: message`, `--> file:line:col`, the source line with a
/// caret under the value, `= help: …`.
pub fn human(source: &Source, diagnostics: &[Diagnostic], color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() }.decor_style(DecorStyle::Ascii);
    let text = source.text();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let level = match diagnostic.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let span = clamp(text, diagnostic.span.clone());
        let report = &[level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.rule.code)
            .element(
                Snippet::source(text)
                    .path(source.name.as_str())
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
            .element(Level::HELP.message(diagnostic.help.as_str()))];
        out.push_str(&renderer.render(report));
        out.push_str("\n\n");
    }
    out
}

/// The rule list as the README shows it.
pub fn rules_markdown() -> String {
    let mut out = String::from("| code | name | severity | what it checks |\n|---|---|---|---|\n");
    for rule in rules::RULES {
        out.push_str(&format!("| `{}` | `{}` | {} | {} |\n", rule.code, rule.name, rule.severity, rule.summary));
    }
    out
}

/// The rule list for a terminal.
pub fn rules_plain() -> String {
    rules::RULES
        .iter()
        .map(|rule| format!("{}  {:<7}  {:<22}  {}\n", rule.code, rule.severity.to_string(), rule.name, rule.summary))
        .collect()
}

fn clamp(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let fit = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fit(span.start);
    start..fit(span.end).max(start)
}

/// Counts over a lint run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Profiles read and checked.
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Paths that could not be read (also counted in `errors`).
    pub unreadable: usize,
}

pub fn summarize(outcomes: &[Outcome]) -> Summary {
    let mut summary = Summary::default();
    for outcome in outcomes {
        match outcome {
            Outcome::Checked(checked) => {
                summary.files += 1;
                summary.errors += checked.count(Severity::Error);
                summary.warnings += checked.count(Severity::Warning);
            }
            Outcome::Unreadable(_) => {
                summary.errors += 1;
                summary.unreadable += 1;
            }
        }
    }
    summary
}

/// Every finding of a run with its position, unreadable paths included (as `SSQ000` at 1:1).
pub fn located(outcomes: &[Outcome]) -> Vec<Located> {
    outcomes
        .iter()
        .flat_map(|outcome| match outcome {
            Outcome::Checked(checked) => checked.diagnostics.iter().map(|d| Located::new(&checked.source, d)).collect(),
            Outcome::Unreadable(err) => vec![Located {
                file: err.name.clone(),
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
                severity: rules::UNREADABLE.severity,
                code: rules::UNREADABLE.code,
                field: String::new(),
                message: err.to_string(),
                help: "check the path and its permissions".to_string(),
            }],
        })
        .collect()
}

/// The `human` format of a run: each file's findings, then `checked N profiles: …`.
pub fn lint_human(outcomes: &[Outcome], color: bool, quiet: bool) -> String {
    let mut out = String::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Checked(checked) => {
                let shown: Vec<_> =
                    checked.diagnostics.iter().filter(|d| !quiet || d.severity() == Severity::Error).cloned().collect();
                out.push_str(&human(&checked.source, &shown, color));
            }
            Outcome::Unreadable(err) => out.push_str(&format!("error[{}]: {err}\n\n", rules::UNREADABLE.code)),
        }
    }
    if !quiet {
        let s = summarize(outcomes);
        out.push_str(&format!(
            "checked {}: {}, {}\n",
            count(s.files, "profile"),
            count(s.errors, "error"),
            count(s.warnings, "warning")
        ));
    }
    out
}

pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// One JSON document: `{"diagnostics": [...], "summary": {...}}`.
pub fn lint_json(outcomes: &[Outcome]) -> String {
    let summary = summarize(outcomes);
    let document = serde_json::json!({
        "diagnostics": located(outcomes),
        "summary": {"files": summary.files, "errors": summary.errors, "warnings": summary.warnings},
    });
    format!("{document:#}\n")
}

/// GitHub Actions workflow commands: findings appear on the pull request's diff.
pub fn lint_github(outcomes: &[Outcome]) -> String {
    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    fn data(text: &str) -> String {
        text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
    }
    fn property(text: &str) -> String {
        data(text).replace(':', "%3A").replace(',', "%2C")
    }
    located(outcomes)
        .iter()
        .map(|d| {
            format!(
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                d.severity,
                property(&d.file),
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                property(&format!("{} {}", d.code, rule_name(d.code))),
                data(&format!("{} (help: {})", d.message, d.help)),
            )
        })
        .collect()
}

fn rule_name(code: &str) -> &'static str {
    rules::RULES.iter().find(|r| r.code == code).map_or("", |r| r.name)
}

/// SARIF 2.1.0, as GitHub code scanning accepts it: one rule per code, one result per finding.
pub fn lint_sarif(outcomes: &[Outcome]) -> String {
    let rules: Vec<_> = rules::RULES
        .iter()
        .map(|rule| {
            serde_json::json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.summary},
                "help": {"text": rule.summary, "markdown": format!("`{}` ({}): {}", rule.code, rule.name, rule.summary)},
                "defaultConfiguration": {"level": sarif_level(rule.severity)},
            })
        })
        .collect();
    let results: Vec<_> = located(outcomes)
        .iter()
        .map(|d| {
            serde_json::json!({
                "ruleId": d.code,
                "ruleIndex": rules::RULES.iter().position(|r| r.code == d.code),
                "level": sarif_level(d.severity),
                "message": {"text": format!("{} (help: {})", d.message, d.help)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": sarif_uri(&d.file)},
                    "region": {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column},
                }}],
                "properties": {"field": d.field},
            })
        })
        .collect();
    let document = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "ssq-gen",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/ssq-gen/ssq-gen",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    format!("{document:#}\n")
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative path as a URI reference: `/` separators, and percent-encoding of what URIs cannot hold.
fn sarif_uri(path: &str) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    let mut out = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
