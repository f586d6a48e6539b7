//! The checks that turn a [`RawProfile`] into a [`ValidProfile`], by profile section. Each finding
//! names its rule from [`crate::diagnostics::registry`]; the value checkers they call live in
//! [`crate::checks`].

mod fields;
mod loader;
mod login;
mod pages;
mod selectors;

use crate::diagnostics::fix::Fix;
use crate::diagnostics::{Diagnostic, Rule, Severity};
use crate::input::source::Span;
use crate::profile::{Field, RawProfile, ValidProfile};

/// Runs every rule over `raw`, adding to the findings of parsing. Returns the valid profile when
/// there is no error among all of them.
pub fn validate(raw: &RawProfile, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<ValidProfile> {
    let mut checker = Checker { diagnostics, text };
    checker.control_characters(raw);
    checker.example_values(raw);
    let loader = checker.loader(raw);
    checker.open_on_interaction(raw);
    let login = checker.login(raw);
    let selectors = checker.selectors(raw);
    let choices = checker.repeated_choices(raw).and(checker.ignorable_codes(raw));
    let sends = checker.send_on_click(raw).and(checker.click_selectors(raw));
    let pages = checker.pages(raw);
    let consent = checker.consent(raw);
    checker.launcher_and_icon(raw);
    checker.chat_reachable(raw);
    checker.inline_size(raw);
    let any_error = checker.diagnostics.iter().any(|d| d.severity() == Severity::Error);
    match (loader, login, pages, consent, selectors.and(choices).and(sends)) {
        (Ok(loader), Ok(login), Ok(pages), Ok(consent), Ok(())) if !any_error => {
            Some(ValidProfile::assemble(raw, loader, login, pages, consent))
        }
        _ => None,
    }
}

/// Where the `at`th character of a one-line double-quoted string is written in `written` (quotes
/// included): an escape (`\u0007`, `\n`) or the character itself; `None` for other strings.
fn escaped_char_span(written: &str, at: usize) -> Option<Span> {
    let inner = written.strip_prefix('"')?.strip_suffix('"')?;
    if inner.starts_with('"') || inner.contains('\n') {
        return None;
    }
    let mut chars = inner.char_indices().peekable();
    let mut index = 0;
    while let Some((start, c)) = chars.next() {
        let end = match c {
            '\\' => {
                let (_, kind) = chars.next()?;
                let digits = match kind {
                    'u' => 4,
                    'U' => 8,
                    _ => 0,
                };
                let mut end = start + 1 + kind.len_utf8();
                for _ in 0..digits {
                    let (i, digit) = chars.next()?;
                    end = i + digit.len_utf8();
                }
                end
            }
            c => start + c.len_utf8(),
        };
        if index == at {
            return Some(1 + start..1 + end);
        }
        index += 1;
    }
    None
}

/// A value in error: its diagnostic is already reported.
#[derive(Debug)]
struct Rejected;

/// What a check makes of a value: the value to render, or [`Rejected`].
type Verdict<T> = Result<T, Rejected>;

struct Checker<'a> {
    diagnostics: &'a mut Vec<Diagnostic>,
    /// The profile as written, for the edits of fixes.
    text: &'a str,
}

impl Checker<'_> {
    fn report(&mut self, rule: &'static Rule, field: &str, span: Span, message: String, help: impl Into<String>) {
        self.diagnostics.push(Diagnostic::new(rule, span, message, help).on(field));
    }

    fn on(&mut self, rule: &'static Rule, field: &Field, message: String, help: impl Into<String>) {
        self.report(rule, &field.path(), field.span.clone(), message, help);
    }

    /// The span of character `at` (0-based) of `value`, written at `span`: the caret then marks
    /// the character at fault. The whole span when the value is not written plainly between its
    /// quotes (an escape moves every later character).
    fn char_span(&self, span: &Span, value: &str, at: usize) -> Span {
        let written = self.text.get(span.clone()).unwrap_or_default();
        let plain = ['"', '\'']
            .iter()
            .any(|&quote| written.strip_prefix(quote).and_then(|rest| rest.strip_suffix(quote)) == Some(value));
        match (plain, value.char_indices().nth(at)) {
            (true, Some((offset, c))) => span.start + 1 + offset..span.start + 1 + offset + c.len_utf8(),
            // A double-quoted string with escapes (TOML's basic strings, JSON's): the character
            // written as an escape is marked where it is written (a control character can only be).
            _ => escaped_char_span(written, at).map_or(span.clone(), |r| span.start + r.start..span.start + r.end),
        }
    }

    /// The last finding can be resolved by `fix`.
    fn fixed_by(&mut self, fix: Fix) {
        if let Some(last) = self.diagnostics.last_mut() {
            last.fix = Some(Box::new(fix));
        }
    }

    /// The fix that writes `value` for the string `field` holds: safe when `value` differs only
    /// in case and separators, which mean the same to every reader of a language tag or region.
    fn rewrite(&self, field: &Field, written: &str, value: &str) -> Fix {
        let edit = crate::diagnostics::fix::replace_string(self.text, &field.span, value);
        let same = |s: &str| s.trim().replace('_', "-").to_ascii_lowercase();
        match same(written) == same(value) {
            true => Fix::safe(format!("write `{value}`"), vec![edit]),
            false => Fix::unsafe_(format!("write `{value}`"), vec![edit]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escaped_char_span;

    /// The character a finding is about is marked where it is written: as its escape when it is
    /// one (a control character in TOML can only be), as itself otherwise.
    #[test]
    fn an_escaped_character_is_marked_at_its_escape() {
        let written = r#""An\u0007n""#;
        assert_eq!(escaped_char_span(written, 2).map(|r| &written[r]), Some(r"\u0007"));
        assert_eq!(escaped_char_span(written, 3).map(|r| &written[r]), Some("n"));
        let written = r#""\u00e9\tx\U0001F600""#;
        assert_eq!(escaped_char_span(written, 1).map(|r| &written[r]), Some(r"\t"));
        assert_eq!(escaped_char_span(written, 3).map(|r| &written[r]), Some(r"\U0001F600"));
        assert_eq!(escaped_char_span(written, 4), None, "past the end");
        assert_eq!(escaped_char_span("'literal'", 0), None, "only double-quoted strings have escapes");
        assert_eq!(escaped_char_span("\"\"\"multi\"\"\"", 0), None);
    }
}
