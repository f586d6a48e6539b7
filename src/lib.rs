//! ssq-gen's library: read a profile, check it against every rule, render the SaleSmartly snippet.
//!
//! ```text
//! bytes ─▶ Source ─▶ doc::Node ─▶ RawProfile ─▶ rules ─▶ ValidProfile ─▶ render ─▶ snippet
//!                                     └──────────┴─▶ Vec<Diagnostic> ─▶ report
//! ```
//! The library never prints and never exits; the binary decides what to show and the exit status.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod diagnostic;
pub mod doc;
pub mod email;
pub mod escape;
pub mod language;
pub mod lint;
pub mod output;
pub mod phone;
pub mod profile;
pub mod render;
pub mod report;
pub mod rules;
pub mod schema;
pub mod selector;
pub mod source;

use diagnostic::{Diagnostic, Severity};
use profile::{RawProfile, ValidProfile};
use source::{Content, Source};

/// A profile after every rule ran: its findings, and the valid profile if there was no error.
#[derive(Debug)]
pub struct Checked {
    pub source: Source,
    /// In source order.
    pub diagnostics: Vec<Diagnostic>,
    pub profile: Option<ValidProfile>,
}

impl Checked {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity() == severity).count()
    }
}

/// Runs every rule over `source`.
pub fn check(source: Source) -> Checked {
    let mut diagnostics = Vec::new();
    let profile = structure(&source, &mut diagnostics).and_then(|raw| rules::validate(&raw, &mut diagnostics));
    diagnostics.sort_by_key(|d| (d.span.start, d.rule.code));
    Checked { source, diagnostics, profile }
}

/// Reads the profile's structure (encoding, size, syntax, types, unknown keys), reporting what is
/// wrong with it; `None` when there is no document to run the rules on.
fn structure(source: &Source, diagnostics: &mut Vec<Diagnostic>) -> Option<RawProfile> {
    let whole_file = |rule, span, message: String, help: &str| Diagnostic {
        rule,
        span,
        field: String::new(),
        message,
        help: help.to_string(),
    };
    match &source.content {
        Content::TooLarge => {
            let message = format!("the profile is larger than {} bytes", source::MAX_PROFILE_BYTES);
            let help = "a profile is a few hundred bytes: check that this is the right file";
            diagnostics.push(whole_file(&rules::TOO_LARGE, 0..0, message, help));
            None
        }
        Content::NotUtf8 { at, .. } => {
            let message = format!("the profile is not UTF-8 text (invalid byte at offset {at})");
            diagnostics.push(whole_file(&rules::ENCODING, *at..*at, message, "save the file as UTF-8"));
            None
        }
        Content::Text(text) => match doc::parse(text, source.format) {
            Err(err) => {
                let format = match source.format {
                    source::Format::Toml => "TOML",
                    source::Format::Json => "JSON",
                };
                let message = format!("invalid {format}: {}", err.message);
                diagnostics.push(whole_file(
                    &rules::SYNTAX,
                    err.span,
                    message,
                    "fix the syntax at the marked position",
                ));
                None
            }
            Ok(root) => Some(RawProfile::from_document(root, diagnostics)),
        },
    }
}
