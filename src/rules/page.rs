//! `[launcher]` and `[triggers]`: selectors the page's `querySelector` and `matches` accept, and one
//! chat button on the page.

use super::{Checker, Rejected, Verdict};
use crate::checks::selector;
use crate::diagnostics::registry as rule;
use crate::profile::RawProfile;
use crate::profile::schema::{Kind, key, section};

impl Checker<'_> {
    /// Every selector field.
    pub(super) fn selectors(&mut self, raw: &RawProfile) -> Verdict<()> {
        let mut verdict = Ok(());
        for field in raw.fields.iter().filter(|f| matches!(f.key.kind, Kind::Selector | Kind::SelectorList)) {
            for (path, text, span) in field.texts() {
                if let Err(err) = selector::validate(text) {
                    let message =
                        format!("`{path}` is not a valid CSS selector: {} (at character {})", err.reason, err.at + 1);
                    let help =
                        "write a selector as for `document.querySelector`, e.g. `#help-btn` or `.contact-support a`";
                    self.report(&rule::SELECTOR, &path, span, message, help);
                    verdict = Err(Rejected);
                }
            }
        }
        verdict
    }

    pub(super) fn launcher_and_icon(&mut self, raw: &RawProfile) {
        if let Some(span) = raw.section_span(&section::LAUNCHER)
            && raw.bool(&key::HIDE_ICON) != Some(true)
        {
            let message =
                "`[launcher]` is set but the vendor's icon is not hidden: the page shows two chat buttons".to_string();
            let help = "add `hide_icon = true` under `[widget]`";
            self.report(&rule::TWO_LAUNCHERS, section::LAUNCHER.name, span, message, help);
        }
    }
}
