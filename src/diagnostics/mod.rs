//! Findings, and the rules they come from. Every stage (reading, parsing, the rules, `lint`'s
//! discovery) reports through one [`Diagnostic`] type that carries its [`Rule`].

pub mod registry;

use crate::input::source::Span;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's identity. Codes are stable: CI configurations and suppressions name them. Rules are
/// declared in [`registry`], the only place that can make one.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    /// Short kebab-case name, for people.
    pub name: &'static str,
    pub severity: Severity,
    /// One sentence: what the rule checks.
    pub summary: &'static str,
}

/// The project's home, and the README where every rule is explained.
pub const HOME: &str = "https://github.com/ssq-gen/ssq-gen";

impl Rule {
    /// The rule's row in the README's rule table (its anchor is the code in lower case).
    pub fn help_uri(&self) -> String {
        format!("{HOME}/blob/main/README.md#{}", self.code.to_ascii_lowercase())
    }
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
    /// A finding of `rule` about the whole file; name the field with [`Diagnostic::on`].
    pub fn new(rule: &'static Rule, span: Span, message: impl Into<String>, help: impl Into<String>) -> Diagnostic {
        Diagnostic { rule, span, field: String::new(), message: message.into(), help: help.into() }
    }

    /// The same finding, about `field` (`login.phone`, `login.label_names[1]`).
    pub fn on(mut self, field: impl Into<String>) -> Diagnostic {
        self.field = field.into();
        self
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity
    }
}
