//! Turning diagnostics into text for people (rustc style).

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules;
use crate::source::Source;
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// rustc/cargo-style findings: `error[CODE]: message`, `--> file:line:col`, the source line with a
/// caret under the value, `= help: …`.
pub fn human(source: &Source, diagnostics: &[Diagnostic], color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() }.decor_style(DecorStyle::Ascii);
    let text = source.text();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let level = match diagnostic.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let span = clamp(text, diagnostic.span.clone());
        let report = &[level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.rule.code)
            .element(
                Snippet::source(text)
                    .path(source.name.as_str())
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
            .element(Level::HELP.message(diagnostic.help.as_str()))];
        out.push_str(&renderer.render(report));
        out.push_str("\n\n");
    }
    out
}

/// The rule list as the README shows it.
pub fn rules_markdown() -> String {
    let mut out = String::from("| code | name | severity | what it checks |\n|---|---|---|---|\n");
    for rule in rules::RULES {
        out.push_str(&format!("| `{}` | `{}` | {} | {} |\n", rule.code, rule.name, rule.severity, rule.summary));
    }
    out
}

/// The rule list for a terminal.
pub fn rules_plain() -> String {
    rules::RULES
        .iter()
        .map(|rule| format!("{}  {:<7}  {:<22}  {}\n", rule.code, rule.severity.to_string(), rule.name, rule.summary))
        .collect()
}

fn clamp(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let fit = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fit(span.start);
    start..fit(span.end).max(start)
}
