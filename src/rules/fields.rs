//! Rules over every field, whatever its section.

use super::{Checker, Rejected, Verdict};
use crate::diagnostics::registry as rule;
use crate::profile::schema::{Example, Kind};
use crate::profile::{FieldValue, RawProfile};

/// The most a profile's values should add to the inline block, in bytes.
const INLINE_VALUES_MAX: usize = 32 * 1024;

impl Checker<'_> {
    pub(super) fn control_characters(&mut self, raw: &RawProfile) {
        for field in &raw.fields {
            let texts = field.texts().into_iter().map(|text| (text, Text::of(field.key.kind)));
            // A table of texts' keys are selectors; a selector kind's texts are its selectors.
            let selectors = match field.key.kind {
                Kind::SelectorTexts { .. } => field.selectors(),
                _ => Vec::new(),
            };
            for ((path, text, span), what) in texts.chain(selectors.into_iter().map(|s| (s, Text::Selector))) {
                if let Some((at, c)) = text.chars().enumerate().find(|&(_, c)| c.is_control() && !what.allows(c)) {
                    let message =
                        format!("`{path}` contains the control character U+{:04X} at character {}", c as u32, at + 1);
                    let span = self.char_span(&span, text, at);
                    self.report(&rule::CONTROL_CHARACTER, &path, span, message, what.help());
                }
            }
        }
    }

    /// A word listed twice in a list of choices.
    pub(super) fn repeated_choices(&mut self, raw: &RawProfile) -> Verdict<()> {
        let mut verdict = Ok(());
        for field in &raw.fields {
            let (items, path) = match &field.value {
                FieldValue::List(items)
                    if matches!(field.key.kind, Kind::ChoiceList(_) | Kind::RuleCodes | Kind::Numbers { .. }) =>
                {
                    (items, field.path())
                }
                // A table's list is its `actions`.
                FieldValue::Actions { actions, in_table: true, .. } => {
                    (actions, format!("{}.{}", field.path(), crate::profile::schema::ACTIONS_KEY))
                }
                FieldValue::Actions { actions, .. } => (actions, field.path()),
                _ => continue,
            };
            for (i, item) in items.iter().enumerate() {
                if items[..i].iter().any(|earlier| earlier.text == item.text) {
                    let path = item.path(&path);
                    let message = format!("`{path}` repeats `{}`", item.text);
                    self.report(&rule::REPEATED_VALUE, &path, item.span.clone(), message, "name each one once");
                    verdict = Err(Rejected);
                }
            }
        }
        verdict
    }

    /// `[lint] ignore` entries that are not warnings: each is reported, and the others still apply.
    pub(super) fn ignorable_codes(&mut self, raw: &RawProfile) -> Verdict<()> {
        let mut verdict = Ok(());
        for field in raw.fields.iter().filter(|f| f.key.kind == Kind::RuleCodes) {
            let FieldValue::List(codes) = &field.value else { continue };
            for code in codes {
                if let Err(why) = crate::diagnostics::ignorable(&code.text) {
                    let path = code.path(&field.path());
                    let message = format!("`{path}` cannot be `{}`", code.text);
                    self.report(&rule::UNKNOWN_VALUE, &path, code.span.clone(), message, why);
                    verdict = Err(Rejected);
                }
            }
        }
        verdict
    }

    /// The values the block will carry inline: warned past [`INLINE_VALUES_MAX`], at the field that
    /// carries most, with the total.
    pub(super) fn inline_size(&mut self, raw: &RawProfile) {
        // A value's JSON form is at most six bytes for each byte it is written with (`\u0007`):
        // a profile of under a sixth of the limit cannot reach it, and costs no count.
        if self.text.len() * 6 <= INLINE_VALUES_MAX {
            return;
        }
        // As the block writes them: a JSON string each, and a separator.
        let written = |text: &str| serde_json::Value::from(text).to_string().len() + 1;
        let size = |field: &crate::profile::Field| -> usize {
            field.texts().iter().chain(&field.selectors()).map(|(_, text, _)| written(text)).sum::<usize>()
        };
        let total: usize = raw.fields.iter().map(size).sum();
        if total <= INLINE_VALUES_MAX {
            return;
        }
        let Some(largest) = raw.fields.iter().max_by_key(|field| size(field)) else { return };
        let kib = |bytes: usize| bytes.div_ceil(1024);
        let message = format!(
            "the profile's values make {} KiB of the block, carried inline on every page view; `{}` alone {} KiB",
            kib(total),
            largest.path(),
            kib(size(largest))
        );
        let help =
            "keep to what the chat needs; per-visitor values belong on the page (`from_page` and `ssq-gen login-data`)";
        self.report(&rule::INLINE_SIZE, &largest.path(), largest.key_span.clone(), message, help);
    }

    /// Values still the placeholders `ssq-gen init` wrote.
    pub(super) fn example_values(&mut self, raw: &RawProfile) {
        for field in &raw.fields {
            if let (Example::Placeholder(placeholder), Some((_, text))) = (field.key.example, raw.text(field.key))
                && text == placeholder
            {
                let message = format!("`{}` is still the example `ssq-gen init` wrote", field.path());
                // A fixed visitor from the starter logs every visitor in as that one person.
                let help = match std::ptr::eq(field.section, &crate::profile::schema::section::LOGIN) {
                    true => "most sites are anonymous: remove `[login]`; on a site with accounts, set `from_page = true` and write each visitor from your templates (`ssq-gen login-data ENGINE`)".to_string(),
                    false => format!("put your own {} here", field.key.name.replace('_', " ")),
                };
                self.on(&rule::EXAMPLE_VALUE, field, message, help);
            }
        }
    }
}

/// What a text may hold besides printable characters.
#[derive(Clone, Copy)]
enum Text {
    OneLine,
    /// A description: line breaks and tabs.
    Multiline,
    /// A message sent as the visitor: line breaks.
    Message,
    /// CSS whitespace.
    Selector,
}

impl Text {
    fn of(kind: Kind) -> Text {
        match kind {
            Kind::MultilineText => Text::Multiline,
            Kind::SelectorTexts { .. } => Text::Message,
            Kind::Selector | Kind::SelectorList => Text::Selector,
            _ => Text::OneLine,
        }
    }

    fn allows(self, c: char) -> bool {
        match self {
            Text::OneLine => false,
            Text::Multiline => matches!(c, '\n' | '\r' | '\t'),
            Text::Message => matches!(c, '\n' | '\r'),
            Text::Selector => matches!(c, '\n' | '\r' | '\t' | '\u{c}'),
        }
    }

    fn help(self) -> &'static str {
        match self {
            Text::Multiline => "remove it; line breaks and tabs are the only control characters allowed here",
            Text::Message => "remove it; line breaks are the only control characters a message may hold",
            Text::OneLine | Text::Selector => "remove it; this field is one line of plain text",
        }
    }
}
