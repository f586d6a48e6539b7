//! Reports: what a run found, for people and for machines. One [`Emitter`] per output format, each
//! in its own file, writing to a [`Write`] as results arrive; [`Reporter`] applies the one
//! [`Policy`] (`-q`, `--deny-warnings`) and keeps the [`Summary`] that decides the exit status.

pub mod github;
pub mod human;
pub mod json;
pub mod rules_table;
pub mod sarif;
mod summary;
pub mod verdict;

pub use summary::{Policy, Reading, Status, Summary};

use crate::Checked;
use crate::diagnostics::fix::{Applicability, Fix};
use crate::diagnostics::{Diagnostic, Rule, Severity};
use crate::input::source::Source;
use std::io::{self, Write};

/// One output format.
pub trait Emitter {
    /// One file's findings (those the policy shows), in the order files are reported.
    fn file(&mut self, out: &mut dyn Write, source: &Source, diagnostics: &[&Diagnostic]) -> io::Result<()>;
    /// After the last file.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, policy: &Policy) -> io::Result<()>;
    /// Instead of any file: the run could not start (no profile found, a bad path), for `reason`.
    /// A machine-readable format still writes a whole document, which says so, since CI steps
    /// that run `if: always()` read it; the others write nothing (the reason goes to standard
    /// error).
    fn failed(&mut self, _out: &mut dyn Write, _reason: &str) -> io::Result<()> {
        Ok(())
    }
}

/// An emitter with the policy applied once, for every format, and the run's counts.
pub struct Reporter<'a> {
    emitter: Box<dyn Emitter + 'a>,
    policy: Policy,
    summary: Summary,
}

impl<'a> Reporter<'a> {
    pub fn new(emitter: Box<dyn Emitter + 'a>, policy: Policy) -> Reporter<'a> {
        Reporter { emitter, policy, summary: Summary::default() }
    }

    pub fn file(&mut self, out: &mut dyn Write, checked: &Checked) -> io::Result<()> {
        let kept: Vec<&Diagnostic> =
            checked.diagnostics.iter().filter(|d| !self.policy.ignore.contains(d.rule)).collect();
        self.summary.add(kept.iter().copied());
        self.summary.fixed += checked.fixed.as_ref().map_or(0, |fixed| fixed.count);
        let shown: Vec<&Diagnostic> = kept.into_iter().filter(|d| self.policy.shows(d)).collect();
        self.emitter.file(out, &checked.source, &shown)
    }

    /// A reporter whose summary line names what the run read.
    pub fn reading(mut self, reading: Reading) -> Reporter<'a> {
        self.summary.reading = reading;
        self
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    pub fn status(&self) -> Status {
        self.summary.status(&self.policy)
    }

    /// Ends the report; the exit status of the run.
    pub fn finish(mut self, out: &mut dyn Write) -> io::Result<Status> {
        self.emitter.finish(out, &self.summary, &self.policy)?;
        out.flush()?;
        Ok(self.status())
    }
}

/// A diagnostic with its span turned into 1-based lines and columns (end exclusive, as LSP does):
/// what the machine-readable reports print.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Located<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The columns in UTF-16 code units, for SARIF.
    #[serde(skip)]
    pub utf16_columns: (usize, usize),
    pub severity: Severity,
    #[serde(rename = "code", serialize_with = "code")]
    pub rule: &'static Rule,
    pub field: &'a str,
    pub message: &'a str,
    pub help: &'a str,
    /// Its fix, when it has one; `null` otherwise, so that every finding has the same keys.
    pub fix: Option<LocatedFix<'a>>,
}

/// A fix, each edit's span as lines and columns like the finding's.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LocatedFix<'a> {
    pub applicability: Applicability,
    pub message: &'a str,
    pub edits: Vec<LocatedEdit<'a>>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LocatedEdit<'a> {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip)]
    pub utf16_columns: (usize, usize),
    pub content: &'a str,
}

/// How a report says a finding can be fixed, and with which command.
pub fn fix_note(fix: &Fix) -> String {
    let command = match fix.applicability {
        Applicability::Safe => "ssq-gen lint --fix",
        Applicability::Unsafe => "ssq-gen lint --fix --unsafe-fixes",
    };
    format!("fixable with `{command}`: {}", fix.title)
}

impl<'a> Located<'a> {
    pub fn new(source: &'a Source, diagnostic: &'a Diagnostic) -> Located<'a> {
        let (start, end) = source.span_positions(&diagnostic.span);
        Located {
            file: &source.name,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            utf16_columns: (start.utf16_column, end.utf16_column),
            severity: diagnostic.severity(),
            rule: diagnostic.rule,
            field: &diagnostic.field,
            message: &diagnostic.message,
            help: &diagnostic.help,
            fix: diagnostic.fix.as_deref().map(|fix| LocatedFix {
                applicability: fix.applicability,
                message: &fix.title,
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| {
                        let (start, end) = source.span_positions(&edit.span);
                        LocatedEdit {
                            line: start.line,
                            column: start.column,
                            end_line: end.line,
                            end_column: end.column,
                            utf16_columns: (start.utf16_column, end.utf16_column),
                            content: &edit.content,
                        }
                    })
                    .collect(),
            }),
        }
    }
}

fn code<S: serde::Serializer>(rule: &&'static Rule, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(rule.code)
}

/// `1 error`, `2 warnings`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// `text` pretty-printed as JSON, each line after the first indented by `indent` spaces: a value
/// nested in a document that is written piece by piece, byte for byte as the whole document would
/// be pretty-printed. JSON strings hold no raw line breaks, so only structure is indented.
fn nested_json(value: &impl serde::Serialize, indent: usize) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    Ok(text.replace('\n', &format!("\n{:indent$}", "")))
}

/// What the emitters' in-process snapshots report (one `snapshots` module per format, as ruff's
/// `message/*.rs` have them): the binary's own snapshots (tests/cli/snapshots.rs) pin the CLI end to
/// end, these pin each emitter alone.
#[cfg(test)]
pub(crate) mod fixture {
    use super::{Emitter, Policy, Reporter};
    use crate::input::source::Source;

    /// Three files as `lint` reports them: errors and a warning after an emoji on their lines (so
    /// UTF-16 columns differ from characters), a file with a warning alone, and a clean file.
    const FILES: [(&str, &str); 3] = [
        (
            "site/bad.ssq.toml",
            "[loader]\nlicense = \"g1vfb1b\"\n[login]\nuser_id = \"u-7f3a\"\nuser_name = \"Zo\u{eb} \u{1f600}\"\ndescription = \"\u{1f600}\\u0007\"\nlanguage = \"zh-cn\"\nphone = \"+1-800-FLOWERS\"\n",
        ),
        ("b/warn.ssq.json", r#"{"loader": {"script_url": "https://cdn.example.com/chat.js"}}"#),
        ("good.ssq.toml", "[loader]\nlicense = \"g1vfb1b\"\n"),
    ];

    /// The report of [`FILES`] through `emitter` under `policy`, after its exit status.
    pub(crate) fn report(emitter: Box<dyn Emitter>, policy: Policy) -> String {
        let mut reporter = Reporter::new(emitter, policy);
        let mut out = Vec::new();
        for (name, text) in FILES {
            let checked = crate::check(Source::from_bytes(name.to_string(), text.as_bytes().to_vec(), None));
            reporter.file(&mut out, &checked).unwrap();
        }
        let status = reporter.finish(&mut out).unwrap();
        format!("status: {status:?}\n{}", String::from_utf8(out).unwrap())
    }

    pub(crate) fn quiet() -> Policy {
        Policy { quiet: true, ..Policy::default() }
    }
}
