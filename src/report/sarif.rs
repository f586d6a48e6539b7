//! SARIF 2.1.0, as GitHub code scanning accepts it: one rule per code, one result per finding,
//! columns in UTF-16 code units (what GitHub and VS Code count), paths relative to `%SRCROOT%` (the
//! folder lint ran in). The document's head (tool and rules) is written before the first result and
//! its tail after the last, so results stream.

use super::{Emitter, Located, Policy, Summary, count, nested_json};
use crate::diagnostics::explain::explain;
use crate::diagnostics::fix::Applicability;
use crate::diagnostics::registry::RULES;
use crate::diagnostics::{Diagnostic, HOME};
use crate::input::source::Source;
use serde_json::json;
use std::io::{self, Write};
use std::path::{Component, Path};

/// GitHub code scanning refuses a run with more results than this.
pub const MAX_RESULTS: usize = 25_000;
/// Where the results go in the document.
const RESULTS: &str = "\"results\": []";
/// How deep a result is nested: document, `runs`, the run, `results`.
const RESULT_INDENT: usize = 8;
const SRCROOT: &str = "%SRCROOT%";

#[derive(Default)]
pub struct Sarif {
    written: usize,
    left_out: usize,
    /// `%SRCROOT%`'s `uri`: the folder lint ran in, so that a reader that runs elsewhere (a CI
    /// step with `working-directory:`) still finds the files. None leaves it to the reader.
    root: Option<String>,
}

impl Sarif {
    /// Paths relative to `folder`, an absolute path.
    pub fn in_folder(folder: &Path) -> Sarif {
        let uri = match artifact(&folder.to_string_lossy())["uri"].as_str() {
            Some(uri) if uri.ends_with('/') => uri.to_string(),
            Some(uri) => format!("{uri}/"),
            None => return Sarif::default(),
        };
        Sarif { root: Some(uri), ..Sarif::default() }
    }
}

impl Emitter for Sarif {
    fn file(&mut self, out: &mut dyn Write, source: &Source, diagnostics: &[&Diagnostic]) -> io::Result<()> {
        for diagnostic in diagnostics {
            if self.written == MAX_RESULTS {
                self.left_out += 1;
                continue;
            }
            let opening = if self.written == 0 {
                let head = document(None, self.root.as_deref());
                format!("{}\"results\": [\n{:RESULT_INDENT$}", &head[..head.find(RESULTS).expect("results")], "")
            } else {
                format!(",\n{:RESULT_INDENT$}", "")
            };
            write!(out, "{opening}{}", nested_json(&result(&Located::new(source, diagnostic)), RESULT_INDENT)?)?;
            self.written += 1;
        }
        Ok(())
    }

    fn failed(&mut self, out: &mut dyn Write, reason: &str) -> io::Result<()> {
        out.write_all(
            document(
                Some(Notification { successful: false, level: "error", text: reason.to_string() }),
                self.root.as_deref(),
            )
            .as_bytes(),
        )
    }

    fn finish(&mut self, out: &mut dyn Write, _: &Summary, _: &Policy) -> io::Result<()> {
        let notification = (self.left_out > 0).then(|| Notification {
            successful: true,
            level: "warning",
            text: format!(
                "{} left out: GitHub code scanning accepts at most {MAX_RESULTS} results per run; `--format json` reports them all",
                count(self.left_out, "result")
            ),
        });
        let document = document(notification, self.root.as_deref());
        let at = document.find(RESULTS).expect("results");
        match self.written {
            0 => out.write_all(document.as_bytes()),
            _ => write!(out, "\n{:indent$}]{}", "", &document[at + RESULTS.len()..], indent = RESULT_INDENT - 2),
        }
    }
}

/// What the run's one invocation says: results left out, or why it could not start.
struct Notification {
    successful: bool,
    level: &'static str,
    text: String,
}

/// The whole document with no results, pretty-printed, with the run's notification if any.
fn document(notification: Option<Notification>, root: Option<&str>) -> String {
    let rules: Vec<_> = RULES
        .iter()
        .map(|rule| {
            // What `ssq-gen rules CODE` says: why the rule exists, how to fix, and its examples.
            let explained = explain(rule);
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": format!("{} {}", explained.why, explained.fix)},
                "help": {"text": explained.plain(), "markdown": explained.markdown},
                "helpUri": rule.help_uri(),
                "defaultConfiguration": {"level": rule.severity.as_str()},
            })
        })
        .collect();
    let mut run = json!({
        "tool": {"driver": {
            "name": "ssq-gen",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": HOME,
            "rules": rules,
        }},
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The folder `ssq-gen lint` ran in."}}},
        "columnKind": "utf16CodeUnits",
        "results": [],
    });
    if let Some(root) = root {
        run["originalUriBaseIds"][SRCROOT]["uri"] = json!(root);
    }
    if let Some(Notification { successful, level, text }) = notification {
        run["invocations"] = json!([{
            "executionSuccessful": successful,
            "toolExecutionNotifications": [{"level": level, "message": {"text": text}}],
        }]);
    }
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    format!("{document:#}\n")
}

fn result(d: &Located<'_>) -> serde_json::Value {
    let (start_column, end_column) = d.utf16_columns;
    let mut result = json!({
        "ruleId": d.rule.code,
        "ruleIndex": RULES.iter().position(|rule| std::ptr::eq(*rule, d.rule)),
        // SARIF's levels `error` and `warning` are our severities' own words.
        "level": d.severity.as_str(),
        "message": {"text": format!("{} (help: {})", d.message, d.help)},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact(d.file),
            "region": {"startLine": d.line, "startColumn": start_column, "endLine": d.end_line, "endColumn": end_column},
        }}],
        "properties": {"field": d.field},
    });
    if let Some(fix) = &d.fix {
        let replacements: Vec<_> = fix
            .edits
            .iter()
            .map(|edit| {
                let (start_column, end_column) = edit.utf16_columns;
                json!({
                    "deletedRegion": {"startLine": edit.line, "startColumn": start_column, "endLine": edit.end_line, "endColumn": end_column},
                    "insertedContent": {"text": edit.content},
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": {"text": format!("{} ({})", fix.message, match fix.applicability {
                Applicability::Safe => "safe: `ssq-gen lint --fix`",
                Applicability::Unsafe => "unsafe: `ssq-gen lint --fix --unsafe-fixes`",
            })},
            "artifactChanges": [{"artifactLocation": artifact(d.file), "replacements": replacements}],
        }]);
    }
    result
}

/// A relative path as a URI reference against `%SRCROOT%`, normalized (`sub/../x` is `x`); an
/// absolute path as a `file://` URI.
fn artifact(path: &str) -> serde_json::Value {
    let mut parts: Vec<String> = Vec::new();
    let absolute = Path::new(path).is_absolute();
    for component in Path::new(path).components() {
        match component {
            Component::Normal(part) => parts.push(percent_encode(&part.to_string_lossy())),
            Component::ParentDir if parts.last().is_some_and(|p| p != "..") => {
                parts.pop();
            }
            Component::ParentDir => parts.push("..".into()),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    match absolute {
        true => json!({"uri": format!("file:///{}", parts.join("/"))}),
        false => json!({"uri": parts.join("/"), "uriBaseId": SRCROOT}),
    }
}

/// What a URI path segment cannot hold, percent-encoded.
fn percent_encode(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_uris() {
        assert_eq!(artifact("./site/../a b.ssq.toml"), json!({"uri": "a%20b.ssq.toml", "uriBaseId": SRCROOT}));
        assert_eq!(artifact("../x/y.toml"), json!({"uri": "../x/y.toml", "uriBaseId": SRCROOT}));
        assert_eq!(artifact("/tmp/p.toml"), json!({"uri": "file:///tmp/p.toml"}));
    }

    #[test]
    fn the_root_is_a_folder_uri() {
        let document = document(None, Sarif::in_folder(Path::new("/srv/my site")).root.as_deref());
        let parsed: serde_json::Value = serde_json::from_str(&document).unwrap();
        assert_eq!(parsed["runs"][0]["originalUriBaseIds"][SRCROOT]["uri"], "file:///srv/my%20site/");
        assert_eq!(Sarif::in_folder(Path::new("/")).root.as_deref(), Some("file:///"));
    }
}

#[cfg(test)]
mod snapshots {
    use super::*;
    use crate::report::fixture::{quiet, report};

    #[test]
    fn three_files() {
        insta::assert_snapshot!(report(Box::<Sarif>::default(), Policy::default()));
    }

    #[test]
    fn three_files_quiet() {
        insta::assert_snapshot!(report(Box::<Sarif>::default(), quiet()));
    }
}
