//! `[loader]`: one install form, and a script URL or license key the browser will load.

use super::{Checker, Rejected, Verdict};
use crate::checks::url::{self, VENDOR_HOST};
use crate::diagnostics::registry as rule;
use crate::profile::schema::{key, section};
use crate::profile::{Field, FieldValue, Loader, RawProfile};
use crate::sdk::Load;

impl Checker<'_> {
    pub(super) fn loader(&mut self, raw: &RawProfile) -> Verdict<Loader> {
        let path = section::LOADER.name;
        let choose = "use `script_url` for the dashboard's project script, or `license` for its inline install code";
        match (raw.text(&key::SCRIPT_URL), raw.text(&key::LICENSE)) {
            (Some(_), Some((field, _))) => {
                let message = "`[loader]` has both `script_url` and `license`".to_string();
                self.report(&rule::LOADER_CHOICE, path, field.key_span.clone(), message, format!("keep one: {choose}"));
                Err(Rejected)
            }
            // A loader key present but misspelt or of the wrong type, or a `[loader]` that is not a
            // table: that finding stands, and says more than "neither" would.
            (None, None)
                if raw.is_present(&key::SCRIPT_URL)
                    || raw.is_present(&key::LICENSE)
                    || raw.rejected_sections.iter().any(|s| std::ptr::eq(*s, &section::LOADER)) =>
            {
                Err(Rejected)
            }
            (None, None) => {
                let section_span = raw.section_span(&section::LOADER);
                let message = match section_span {
                    Some(_) => "`[loader]` has neither `script_url` nor `license`",
                    None => "the profile has no `[loader]` section",
                };
                self.report(&rule::LOADER_CHOICE, path, section_span.unwrap_or(0..0), message.to_string(), choose);
                Err(Rejected)
            }
            (Some((field, url)), None) => self.script_url(field, url).map(|()| Loader::ScriptUrl(url.to_string())),
            (None, Some((field, license))) => {
                let ok = (4..=32).contains(&license.len()) && license.chars().all(|c| c.is_ascii_alphanumeric());
                if !ok {
                    let message = format!("`loader.license` `{license}` is not 4–32 ASCII letters and digits");
                    let help = "copy the license key from the dashboard's install code, e.g. `g1vfb1b`";
                    self.on(&rule::LICENSE, field, message, help);
                    return Err(Rejected);
                }
                Ok(Loader::License(license.to_string()))
            }
        }
    }

    fn script_url(&mut self, field: &Field, script_url: &str) -> Verdict<()> {
        if let Err(reason) = url::validate_https(script_url) {
            let message = format!("`loader.script_url` is not an absolute https URL: {reason}");
            self.on(&rule::SCRIPT_URL, field, message, "copy the script's `src` from the dashboard, e.g. `https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js`");
            return Err(Rejected);
        }
        if !url::is_vendor_project_script(script_url) {
            let message = "`loader.script_url` is not a SaleSmartly project script URL".to_string();
            let help = format!(
                "the dashboard's project scripts look like `https://{VENDOR_HOST}/js/project_<project>_<channel>_<timestamp>.js`; check for a copy-paste slip"
            );
            self.on(&rule::SCRIPT_URL_SHAPE, field, message, help);
        }
        Ok(())
    }

    /// `open_on_load` with `load = "interaction"`: "on load" then means the visitor's first input.
    pub(super) fn open_on_interaction(&mut self, raw: &RawProfile) {
        let open = raw.field(&key::OPEN_ON_LOAD).filter(|field| field.value == FieldValue::Bool(true));
        if let (Some(open), Some((_, Load::Interaction))) = (open, raw.choice(&key::LOAD)) {
            let message = "`widget.open_on_load` with `loader.load = \"interaction\"` opens the chat at the visitor's first keypress, tap or click, wherever it is".to_string();
            let help = "drop `open_on_load`, or open the chat from a launcher or trigger (`[launcher]`, `[triggers]`), or load `immediate`";
            self.on(&rule::OPEN_ON_INTERACTION, open, message, help);
        }
    }
}
