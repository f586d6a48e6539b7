//! One JSON document, `{"diagnostics": [...], "summary": {...}}`, written as findings arrive; with an
//! `"error"` beside them when the run could not start.

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

    /// `{"diagnostics": [], "summary": {…}, "error": reason}`: nothing checked.
    fn failed(&mut self, out: &mut dyn Write, reason: &str) -> io::Result<()> {
        let document = serde_json::json!({"diagnostics": [], "summary": Summary::default(), "error": reason});
        writeln!(out, "{document:#}")
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
    fn a_run_that_could_not_start() {
        let mut out = Vec::new();
        Json::default().failed(&mut out, "no profile found in e").unwrap();
        let document: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            document,
            serde_json::json!({"diagnostics": [], "summary": {"files": 0, "errors": 0, "warnings": 0, "fixed": 0}, "error": "no profile found in e"})
        );
    }

    #[test]
    fn three_files_denying_warnings() {
        insta::assert_snapshot!(report(Box::<Json>::default(), Policy { deny_warnings: true, ..Policy::default() }));
    }
}
