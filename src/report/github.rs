//! GitHub Actions workflow commands: findings appear on the pull request's diff.
//! <https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts>

use super::{Emitter, Located, Policy, Summary};
use crate::diagnostics::Diagnostic;
use crate::input::source::Source;
use std::io::{self, Write};

pub struct Github;

impl Emitter for Github {
    fn file(&mut self, out: &mut dyn Write, source: &Source, diagnostics: &[&Diagnostic]) -> io::Result<()> {
        for diagnostic in diagnostics {
            let d = Located::new(source, diagnostic);
            // GitHub's end column is the last one covered, for a span and a single point alike.
            // Columns apply to one line only (GitHub's check-run annotations refuse them across
            // lines, and ruff leaves them out there: astral-sh/ruff#22074).
            let position = match (d.line == d.end_line, d.column == d.end_column) {
                (true, true) => format!("line={},col={},endLine={},endColumn={}", d.line, d.column, d.line, d.column),
                (true, false) => {
                    let end_column = d.end_column.saturating_sub(1).max(1);
                    format!("line={},col={},endLine={},endColumn={end_column}", d.line, d.column, d.line)
                }
                (false, _) => format!("line={},endLine={}", d.line, d.end_line),
            };
            writeln!(
                out,
                "::{} file={},{position},title={}::{}",
                d.severity,
                property(d.file),
                property(&format!("{} {}", d.rule.code, d.rule.name)),
                data(&match diagnostic.fix.as_deref() {
                    Some(fix) => format!("{} (help: {}; {})", d.message, d.help, super::fix_note(fix)),
                    None => format!("{} (help: {})", d.message, d.help),
                }),
            )?;
        }
        Ok(())
    }

    /// A clean run says so too: a step that printed nothing looks like one that did not run.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, policy: &Policy) -> io::Result<()> {
        match policy.quiet {
            true => Ok(()),
            false => writeln!(out, "::notice title=ssq-gen::{}", data(&summary.line(policy))),
        }
    }

    /// The run could not start (no profile found): an error annotation, not a plain line.
    fn failed(&mut self, out: &mut dyn Write, reason: &str) -> io::Result<()> {
        writeln!(out, "::error title=ssq-gen::{}", data(reason))
    }
}

/// A command's message: GitHub decodes `%25`, `%0D` and `%0A`. Other control characters (an ESC
/// would drive the log viewer's terminal) are shown as `\u{1b}`.
fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if c.is_control() => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod snapshots {
    use super::*;
    use crate::report::fixture::{quiet, report};

    #[test]
    fn three_files() {
        insta::assert_snapshot!(report(Box::new(Github), Policy::default()));
    }

    #[test]
    fn three_files_quiet() {
        insta::assert_snapshot!(report(Box::new(Github), quiet()));
    }

    /// A finding over several lines has no columns: GitHub takes them on one line only.
    #[test]
    fn a_finding_across_lines_names_lines_only() {
        let text = "[login]\ndescription = \"\"\"\nline one\u{7}\nline two\"\"\"\n";
        let source = Source::from_bytes("a.ssq.toml".into(), text.as_bytes().to_vec(), None);
        let start = text.find("\"\"\"").unwrap();
        let end = text.rfind("\"\"\"").unwrap() + 3;
        let diagnostic = Diagnostic::new(&crate::diagnostics::registry::CONTROL_CHARACTER, start..end, "m", "h");
        let mut out = Vec::new();
        Github.file(&mut out, &source, &[&diagnostic]).unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(line.starts_with("::error file=a.ssq.toml,line=2,endLine=4,title=SSQ008 "), "{line}");
    }
}
