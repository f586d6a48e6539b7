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
            writeln!(
                out,
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                d.severity,
                property(d.file),
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                property(&format!("{} {}", d.rule.code, d.rule.name)),
                data(&format!("{} (help: {})", d.message, d.help)),
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &mut dyn Write, _: &Summary, _: &Policy) -> io::Result<()> {
        Ok(())
    }
}

fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
