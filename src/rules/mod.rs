//! The checks that turn a [`RawProfile`] into a [`ValidProfile`], by profile section. Each finding
//! names its rule from [`crate::diagnostics::registry`]; the value checkers they call live in
//! [`crate::checks`].

mod fields;
mod loader;
mod login;
mod page;

use crate::diagnostics::{Diagnostic, Rule, Severity};
use crate::input::source::Span;
use crate::profile::{Field, RawProfile, ValidProfile};

/// Runs every rule over `raw`, adding to the findings of parsing. Returns the valid profile when
/// there is no error among all of them.
pub fn validate(raw: &RawProfile, diagnostics: &mut Vec<Diagnostic>) -> Option<ValidProfile> {
    let mut checker = Checker { diagnostics };
    checker.control_characters(raw);
    checker.example_values(raw);
    let loader = checker.loader(raw);
    checker.open_on_interaction(raw);
    let login = checker.login(raw);
    let selectors = checker.selectors(raw);
    let choices = checker.repeated_choices(raw).and(checker.ignorable_codes(raw));
    let sends = checker.send_on_click(raw);
    checker.launcher_and_icon(raw);
    checker.chat_reachable(raw);
    let any_error = checker.diagnostics.iter().any(|d| d.severity() == Severity::Error);
    match (loader, login, selectors.and(choices).and(sends)) {
        (Ok(loader), Ok(login), Ok(())) if !any_error => Some(ValidProfile::assemble(raw, loader, login)),
        _ => None,
    }
}

/// The longest text `triggers.send_on_click` sends, in characters.
pub const SEND_TEXT_MAX: usize = 1000;

/// A value in error: its diagnostic is already reported.
#[derive(Debug)]
struct Rejected;

/// What a check makes of a value: the value to render, or [`Rejected`].
type Verdict<T> = Result<T, Rejected>;

struct Checker<'a> {
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, rule: &'static Rule, field: &str, span: Span, message: String, help: impl Into<String>) {
        self.diagnostics.push(Diagnostic::new(rule, span, message, help).on(field));
    }

    fn on(&mut self, rule: &'static Rule, field: &Field, message: String, help: impl Into<String>) {
        self.report(rule, &field.path(), field.span.clone(), message, help);
    }
}
