//! Findings, and the rule each one comes from.

use crate::source::{Source, Span};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A rule's identity. Codes are stable: CI configurations and suppressions name them.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    /// Short kebab-case name, for people.
    pub name: &'static str,
    pub severity: Severity,
    /// One sentence: what the rule checks.
    pub summary: &'static str,
}

/// One finding in one profile.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    /// What is wrong, where: the key or value, as a byte range of the source.
    pub span: Span,
    /// Dotted field path, e.g. `login.phone`; empty for the whole file.
    pub field: String,
    pub message: String,
    /// What to do about it.
    pub help: String,
}

impl Diagnostic {
    pub fn severity(&self) -> Severity {
        self.rule.severity
    }
}

/// A diagnostic with its span turned into 1-based lines and columns (end exclusive, as LSP does):
/// what the machine-readable reports print.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub field: String,
    pub message: String,
    pub help: String,
}

impl Located {
    pub fn new(source: &Source, diagnostic: &Diagnostic) -> Located {
        let (line, column) = source.line_col(diagnostic.span.start);
        let (end_line, end_column) = source.line_col(diagnostic.span.end);
        Located {
            file: source.name.clone(),
            line,
            column,
            end_line,
            end_column,
            severity: diagnostic.severity(),
            code: diagnostic.rule.code,
            field: diagnostic.field.clone(),
            message: diagnostic.message.clone(),
            help: diagnostic.help.clone(),
        }
    }
}
