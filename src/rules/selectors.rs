//! `[launcher]` and `[triggers]`: selectors the page's `querySelector` and `matches` accept, and one
//! chat button on the page.

use super::{Checker, Rejected, Verdict};
use crate::checks::selector;
use crate::diagnostics::registry as rule;
use crate::input::source::Span;
use crate::profile::schema::{Kind, key, section};
use crate::profile::{FieldValue, RawProfile};

impl Checker<'_> {
    /// Every selector field.
    pub(super) fn selectors(&mut self, raw: &RawProfile) -> Verdict<()> {
        let mut verdict = Ok(());
        for field in &raw.fields {
            for (path, text, span) in field.selectors() {
                if let Err(err) = selector::validate(text) {
                    let message =
                        format!("`{path}` is not a valid CSS selector: {} (at character {})", err.reason, err.at + 1);
                    let help =
                        "write a selector as for `document.querySelector`, e.g. `#help-btn` or `.contact-support a`";
                    let at = self.char_span(&span, text, err.at);
                    self.report(&rule::SELECTOR, &path, at, message, help);
                    verdict = Err(Rejected);
                }
            }
        }
        verdict
    }

    /// Clicks that contradict or repeat each other, and selectors every click matches.
    pub(super) fn click_selectors(&mut self, raw: &RawProfile) -> Verdict<()> {
        let mut verdict = Ok(());
        let openers: Vec<(String, &str, Span)> = [&key::OPEN_SELECTOR, &key::OPEN_ON_CLICK]
            .into_iter()
            .filter_map(|key| raw.field(key))
            .flat_map(|field| field.selectors())
            .collect();
        let closers: Vec<(String, &str, Span)> =
            raw.field(&key::CLOSE_ON_CLICK).map(|field| field.selectors()).unwrap_or_default();
        for (path, selector, span) in &closers {
            if let Some((opener, _, _)) = openers.iter().find(|(_, other, _)| other.trim() == selector.trim()) {
                let message = format!(
                    "`{selector}` is in `{opener}` and in `{path}`: one click would open the chat and close it"
                );
                self.report(&rule::SELECTOR_CONFLICT, path, span.clone(), message, "keep the selector in one of them");
                verdict = Err(Rejected);
            }
        }
        for (i, (path, selector, span)) in openers.iter().enumerate() {
            if let Some((first, _, _)) = openers[..i].iter().find(|(_, other, _)| other.trim() == selector.trim()) {
                let message =
                    format!("`{selector}` is in `{first}` and again in `{path}`: one click would open the chat twice");
                self.report(&rule::SELECTOR_REPEATED, path, span.clone(), message, "name it once");
            }
        }
        let every_click = ["*", "html", "body", ":root"];
        for field in [
            &key::OPEN_SELECTOR,
            &key::OPEN_ON_CLICK,
            &key::CLOSE_ON_CLICK,
            &key::SEND_ON_CLICK,
            &key::CLEAR_USER_ON_CLICK,
        ]
        .into_iter()
        .filter_map(|key| raw.field(key))
        {
            for (path, selector, span) in field.selectors() {
                if every_click.iter().any(|broad| broad.eq_ignore_ascii_case(selector.trim())) {
                    let message = format!("`{path}` is `{selector}`, which every click on the page is inside");
                    let help = "name the element the visitor clicks, e.g. `#help-btn` or `.contact-support`";
                    self.report(&rule::SELECTOR_EVERYTHING, &path, span, message, help);
                }
            }
        }
        verdict
    }

    pub(super) fn launcher_and_icon(&mut self, raw: &RawProfile) {
        // Only a launcher button makes a second one; a badge alone does not. A misspelt or
        // wrong-typed `hide_icon` has its own finding.
        if let Some(span) = raw.section_span(&section::LAUNCHER)
            && raw.field(&key::OPEN_SELECTOR).is_some()
            && icon_hidden(raw).is_none()
            && !(raw.is_present(&key::HIDE_ICON) && raw.field(&key::HIDE_ICON).is_none())
        {
            let message =
                "`[launcher]` is set but the vendor's icon is not hidden: the page shows two chat buttons".to_string();
            let help = "add `hide_icon = true` under `[widget]`";
            self.report(&rule::TWO_LAUNCHERS, section::LAUNCHER.name, span, message, help);
        }
    }

    /// `send_on_click`: each text something to send, and no selector that also closes the chat.
    pub(super) fn send_on_click(&mut self, raw: &RawProfile) -> Verdict<()> {
        let Some(field) = raw.field(&key::SEND_ON_CLICK) else { return Ok(()) };
        let FieldValue::TextTable(entries) = &field.value else { return Ok(()) };
        let Kind::SelectorTexts { max_chars } = key::SEND_ON_CLICK.kind else { unreachable!("a table of texts") };
        let closing = raw.list(&key::CLOSE_ON_CLICK);
        let mut verdict = Ok(());
        for entry in entries {
            let path = entry.path(field);
            let length = entry.text.chars().count();
            if entry.text.trim().is_empty() || length > max_chars {
                let message = match length {
                    0 => format!("`{path}` is empty"),
                    n if n > max_chars => format!("`{path}` is {n} characters long"),
                    _ => format!("`{path}` is blank"),
                };
                let help = format!("write the question the visitor sends, at most {} characters", thousands(max_chars));
                self.report(&rule::SEND_TEXT, &path, entry.span.clone(), message, help);
                verdict = Err(Rejected);
            }
            if closing.iter().any(|selector| selector.text == entry.key) {
                let message = format!("`{}` is in `{}` and in `triggers.close_on_click`", entry.key, field.path());
                let help = "one click cannot open the chat to send a text and close it: keep it in one of the two";
                self.report(&rule::TRIGGER_CONFLICT, &path, entry.key_span.clone(), message, help);
                verdict = Err(Rejected);
            }
        }
        verdict
    }

    /// No close button and no vendor icon: something on the page must open the chat.
    pub(super) fn chat_reachable(&mut self, raw: &RawProfile) {
        let hides = |k| raw.bool(k) == Some(true);
        let hidden = icon_hidden(raw);
        // A key in error may be meant to open the chat: its own finding comes first.
        let opens = raw.field(&key::OPEN_SELECTOR).is_some()
            || !raw.list(&key::OPEN_ON_CLICK).is_empty()
            || raw.field(&key::SEND_ON_CLICK).is_some_and(|f| !f.selectors().is_empty())
            || [&key::OPEN_SELECTOR, &key::OPEN_ON_CLICK, &key::SEND_ON_CLICK, &key::OPEN_ON_LOAD, &key::OPEN]
                .into_iter()
                .any(|k| raw.is_rejected(k));
        if hides(&key::HIDE_CLOSE_ICON)
            && let Some(hidden) = hidden
            && !opens
            && let Some(field) = raw.field(&key::HIDE_CLOSE_ICON)
        {
            let message = format!(
                "`widget.hide_close_icon` with `hide_icon`, and nothing on the page opens the chat: {hidden}a visitor can neither open it again nor close it"
            );
            let help = "add `[launcher] open_selector` or a trigger that opens the chat, or drop `hide_close_icon`";
            self.on(&rule::CHAT_UNREACHABLE, field, message, help);
        } else if let Some(hidden) = hidden
            && !opens
            && !hides(&key::OPEN_ON_LOAD)
            && raw.list(&key::OPEN).is_empty()
            && let Some(field) = raw.field(&key::HIDE_ICON)
        {
            let message = format!(
                "`widget.hide_icon` hides the vendor's icon, and nothing else opens the chat: {hidden}visitors cannot start one"
            );
            let help = "add `[launcher] open_selector` (the site's own button) or a trigger that opens the chat";
            self.on(&rule::NO_EFFECT, field, message, help);
        }
        let analytics = crate::sdk::Event::ALL.iter().any(|event| {
            raw.is_rejected(crate::profile::schema::event_key(*event))
                || raw
                    .actions::<crate::sdk::Action>(crate::profile::schema::event_key(*event))
                    .is_some_and(|(_, actions, _)| actions.iter().any(|action| action.is_analytics()))
        });
        if raw.bool(&key::FORWARD_CONTENT) == Some(true)
            && !analytics
            && let Some(field) = raw.field(&key::FORWARD_CONTENT)
        {
            let message =
                "`events.forward_content` has nothing to forward to: no event has a `datalayer` or `gtag` action"
                    .to_string();
            let help = "give an event `datalayer` or `gtag`, or drop `forward_content`";
            self.on(&rule::NO_EFFECT, field, message, help);
        }
    }
}

/// Whether `widget.hide_icon` hides the vendor's icon, as the words that start a sentence about
/// where: `""` everywhere, `"on phones, "`; `None` when it is shown everywhere.
fn icon_hidden(raw: &RawProfile) -> Option<&'static str> {
    use crate::sdk::IconDevices;
    match (raw.bool(&key::HIDE_ICON), raw.choice::<IconDevices>(&key::HIDE_ICON)) {
        (Some(true), _) => Some(""),
        (_, Some((_, IconDevices::Mobile))) => Some("on phones, "),
        (_, Some((_, IconDevices::Desktop))) => Some("on desktops, "),
        _ => None,
    }
}

/// `1000` as `1,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
