//! Rules over every field, whatever its section.

use super::Checker;
use crate::diagnostics::registry as rule;
use crate::profile::RawProfile;
use crate::profile::schema::{Example, Kind};

impl Checker<'_> {
    pub(super) fn control_characters(&mut self, raw: &RawProfile) {
        for field in &raw.fields {
            let multiline = field.key.kind == Kind::MultilineText;
            let selector = matches!(field.key.kind, Kind::Selector | Kind::SelectorList);
            // Line breaks and tabs are text in a description, and CSS whitespace in a selector.
            let allowed = |c: char| {
                (multiline && matches!(c, '\n' | '\r' | '\t'))
                    || (selector && matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            };
            for (path, text, span) in field.texts() {
                if let Some((at, c)) = text.chars().enumerate().find(|&(_, c)| c.is_control() && !allowed(c)) {
                    let message =
                        format!("`{path}` contains the control character U+{:04X} at character {}", c as u32, at + 1);
                    let help = if multiline {
                        "remove it; line breaks and tabs are the only control characters allowed here"
                    } else {
                        "remove it; this field is one line of plain text"
                    };
                    self.report(&rule::CONTROL_CHARACTER, &path, span, message, help);
                }
            }
        }
    }

    /// Values still the placeholders `ssq-gen init` wrote.
    pub(super) fn example_values(&mut self, raw: &RawProfile) {
        for field in &raw.fields {
            if let (Example::Placeholder(placeholder), Some((_, text))) = (field.key.example, raw.text(field.key))
                && text == placeholder
            {
                let message = format!("`{}` is still the example `ssq-gen init` wrote", field.path());
                let help = format!("put your own {} here", field.key.name.replace('_', " "));
                self.on(&rule::EXAMPLE_VALUE, field, message, help);
            }
        }
    }
}
