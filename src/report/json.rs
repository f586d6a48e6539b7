//! One JSON document, `{"diagnostics": [...], "summary": {...}}`, written as findings arrive.

use super::{Emitter, Located, Policy, Summary, nested_json};
use crate::diagnostics::Diagnostic;
use crate::input::source::Source;
use std::io::{self, Write};

#[derive(Default)]
pub struct Json {
    /// Findings written so far.
    written: usize,
}

impl Emitter for Json {
    fn file(&mut self, out: &mut dyn Write, source: &Source, diagnostics: &[&Diagnostic]) -> io::Result<()> {
        for diagnostic in diagnostics {
            let opening = if self.written == 0 { "{\n  \"diagnostics\": [\n    " } else { ",\n    " };
            let item = nested_json(&Located::new(source, diagnostic), 4)?;
            write!(out, "{opening}{item}")?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, _: &Policy) -> io::Result<()> {
        let closing = if self.written == 0 { "{\n  \"diagnostics\": []" } else { "\n  ]" };
        writeln!(out, "{closing},\n  \"summary\": {}\n}}", nested_json(summary, 2)?)
    }
}

#[cfg(test)]
mod snapshots {
    use super::*;
    use crate::report::fixture::{quiet, report};

    #[test]
    fn three_files() {
        insta::assert_snapshot!(report(Box::<Json>::default(), Policy::default()));
    }

    #[test]
    fn three_files_quiet() {
        insta::assert_snapshot!(report(Box::<Json>::default(), quiet()));
    }

    #[test]
    fn three_files_denying_warnings() {
        insta::assert_snapshot!(report(Box::<Json>::default(), Policy { deny_warnings: true, ..Policy::default() }));
    }
}
