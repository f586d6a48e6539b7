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
            let end_column = match (d.line, d.column) == (d.end_line, d.end_column) {
                true => d.end_column,
                false => d.end_column.saturating_sub(1).max(1),
            };
            writeln!(
                out,
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                d.severity,
                property(d.file),
                d.line,
                d.column,
                d.end_line,
                end_column,
                property(&format!("{} {}", d.rule.code, d.rule.name)),
                data(&match diagnostic.fix.as_deref() {
                    Some(fix) => format!("{} (help: {}; {})", d.message, d.help, super::fix_note(fix)),
                    None => format!("{} (help: {})", d.message, d.help),
                }),
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &mut dyn Write, _: &Summary, _: &Policy) -> io::Result<()> {
        Ok(())
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
}
