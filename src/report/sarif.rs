//! SARIF 2.1.0, as GitHub code scanning accepts it: one rule per code, one result per finding. The
//! document's head (tool and rules) and tail are written around the results as they arrive.

use super::{Emitter, Located, Policy, Summary, nested_json};
use crate::diagnostics::registry::RULES;
use crate::diagnostics::{Diagnostic, Severity};
use crate::input::source::Source;
use serde_json::json;
use std::io::{self, Write};

/// Where the results go in the document.
const RESULTS: &str = "\"results\": []";
/// How deep a result is nested: document, `runs`, the run, `results`.
const RESULT_INDENT: usize = 8;

#[derive(Default)]
pub struct Sarif {
    written: usize,
}

impl Emitter for Sarif {
    fn file(&mut self, out: &mut dyn Write, source: &Source, diagnostics: &[&Diagnostic]) -> io::Result<()> {
        for diagnostic in diagnostics {
            let opening = if self.written == 0 {
                let head = skeleton();
                format!("{}\"results\": [\n{:RESULT_INDENT$}", &head[..head.find(RESULTS).expect("results")], "")
            } else {
                format!(",\n{:RESULT_INDENT$}", "")
            };
            write!(out, "{opening}{}", nested_json(&result(&Located::new(source, diagnostic)), RESULT_INDENT)?)?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _: &Summary, _: &Policy) -> io::Result<()> {
        let document = skeleton();
        let at = document.find(RESULTS).expect("results");
        match self.written {
            0 => out.write_all(document.as_bytes()),
            _ => write!(out, "\n{:indent$}]{}", "", &document[at + RESULTS.len()..], indent = RESULT_INDENT - 2),
        }
    }
}

/// The whole document with no results, pretty-printed.
fn skeleton() -> String {
    let rules: Vec<_> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.summary},
                "help": {"text": rule.summary, "markdown": format!("`{}` ({}): {}", rule.code, rule.name, rule.summary)},
                "defaultConfiguration": {"level": level(rule.severity)},
            })
        })
        .collect();
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "ssq-gen",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/ssq-gen/ssq-gen",
                "rules": rules,
            }},
            "results": [],
        }],
    });
    format!("{document:#}\n")
}

fn result(d: &Located<'_>) -> serde_json::Value {
    json!({
        "ruleId": d.rule.code,
        "ruleIndex": RULES.iter().position(|rule| std::ptr::eq(*rule, d.rule)),
        "level": level(d.severity),
        "message": {"text": format!("{} (help: {})", d.message, d.help)},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri(d.file)},
            "region": {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column},
        }}],
        "properties": {"field": d.field},
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative path as a URI reference: `/` separators, and percent-encoding of what URIs cannot hold.
fn uri(path: &str) -> String {
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
