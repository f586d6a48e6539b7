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
    let any_error = checker.diagnostics.iter().any(|d| d.severity() == Severity::Error);
    match (loader, login, pages, consent, selectors.and(choices).and(sends)) {
        (Ok(loader), Ok(login), Ok(pages), Ok(consent), Ok(())) if !any_error => {
            Some(ValidProfile::assemble(raw, loader, login, pages, consent))
        }
        _ => None,
    }
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
            _ => span.clone(),
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
