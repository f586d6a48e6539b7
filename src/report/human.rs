//! For people: rustc-style findings (`error[CODE]: message`, `--> file:line:col`, the source line with
//! a caret under the value, `= help: …`), then `checked N profiles: …`.

use super::{Emitter, Policy, Summary, count};
use crate::diagnostics::{Diagnostic, Severity};
use crate::input::source::{Source, floor_char_boundary};
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use std::io::{self, Write};

/// A file's report shows this many findings, then says how many more there are: past that, a
/// person fixes the first ones and runs again.
pub const MAX_PER_FILE: usize = 50;

/// Lines longer than this many bytes are not shown.
const LONG_LINE: usize = 4096;

pub struct Human {
    renderer: Renderer,
    /// Whether [`Emitter::finish`] prints the `checked …` line.
    summary_line: bool,
}

impl Human {
    pub fn new(color: bool, summary_line: bool) -> Human {
        let renderer = if color { Renderer::styled() } else { Renderer::plain() }.decor_style(DecorStyle::Ascii);
        Human { renderer, summary_line }
    }

    /// One finding, with the lines its span covers (only those: a file's findings each cost their
    /// own lines, not the whole file).
    pub fn render(&self, source: &Source, diagnostic: &Diagnostic) -> String {
        let level = match diagnostic.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(diagnostic.message.as_str()).id(diagnostic.rule.code);
        let help = Level::HELP.message(diagnostic.help.as_str());
        let fix = diagnostic.fix.as_deref().map(|fix| Level::NOTE.message(super::fix_note(fix)));
        let text = source.text();
        // A file with no text (unreadable, too large, empty) has no line to show, only a position.
        if text.is_empty() {
            let origin = Origin::path(source.name.as_str()).line(1).char_column(1);
            return self.renderer.render(&[title.element(origin).element(help).elements(fix)]);
        }
        let start = floor_char_boundary(text, diagnostic.span.start);
        let end = floor_char_boundary(text, diagnostic.span.end).max(start);
        // A byte-order mark is not part of the first line, for annotate-snippets' columns either.
        let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        let start = start.max(bom);
        let end = end.max(start);
        let first = text[..start].rfind('\n').map_or(bom, |i| i + 1);
        let last = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let (line, column) = source.line_col(start);
        // A very long line (minified JSON) is not shown: a terminal would cut it anyway, and
        // rendering it for every finding would cost the whole line each time.
        if last - first > LONG_LINE {
            let origin = Origin::path(source.name.as_str()).line(line).char_column(column);
            let note = Level::NOTE.message(format!("line {line} is too long to show ({} bytes)", last - first));
            return self.renderer.render(&[title.element(origin).element(note).element(help).elements(fix)]);
        }
        let snippet = Snippet::source(&text[first..last])
            .line_start(line)
            .path(source.name.as_str())
            .fold(true)
            .annotation(AnnotationKind::Primary.span(start - first..end - first));
        self.renderer.render(&[title.element(snippet).element(help).elements(fix)])
    }
}

impl Emitter for Human {
    fn file(&mut self, out: &mut dyn Write, source: &Source, diagnostics: &[&Diagnostic]) -> io::Result<()> {
        for diagnostic in diagnostics.iter().take(MAX_PER_FILE) {
            writeln!(out, "{}\n", self.render(source, diagnostic))?;
        }
        if let Some(more) = diagnostics.len().checked_sub(MAX_PER_FILE).filter(|&more| more > 0) {
            writeln!(
                out,
                "… and {} in {}: `--format json` lists them all\n",
                count(more, "more finding"),
                source.name
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, policy: &Policy) -> io::Result<()> {
        if !self.summary_line || policy.quiet {
            return Ok(());
        }
        writeln!(out, "{}", summary.line(policy))
    }
}

#[cfg(test)]
mod snapshots {
    use super::*;
    use crate::report::fixture::{quiet, report};

    #[test]
    fn three_files() {
        insta::assert_snapshot!(report(Box::new(Human::new(false, true)), Policy::default()));
    }

    #[test]
    fn three_files_quiet() {
        insta::assert_snapshot!(report(Box::new(Human::new(false, true)), quiet()));
    }

    #[test]
    fn three_files_in_colour() {
        insta::assert_snapshot!(report(Box::new(Human::new(true, true)), Policy::default()));
    }
}
