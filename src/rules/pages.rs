//! `[pages]` and `[consent]`: path patterns the block can match, and a consent manager it can ask.

use super::{Checker, Rejected, Verdict};
use crate::checks::path;
use crate::diagnostics::fix::{self, Fix};
use crate::diagnostics::registry as rule;
use crate::profile::schema::{key, section};
use crate::profile::valid::{Consent, Pages};
use crate::profile::{Field, RawProfile};
use crate::sdk::{Cmp, Word};
use crate::suggest::did_you_mean;

impl Checker<'_> {
    /// Each pattern compiled; a pattern in both lists is refused at its `open` entry.
    pub(super) fn pages(&mut self, raw: &RawProfile) -> Verdict<Pages> {
        let mut verdict = Ok(());
        let mut compiled = |this: &mut Self, field: Option<&Field>| -> Vec<String> {
            let Some(field) = field else { return Vec::new() };
            let mut out = Vec::new();
            for item in raw.list(field.key) {
                let (pattern, span) = (&item.text, &item.span);
                match path::compile(pattern) {
                    Ok(regex) => out.push(regex),
                    Err(problem) => {
                        let path = item.path(&field.path());
                        let message = format!("`{path}` `{pattern}` is not a path pattern: {}", problem.reason);
                        let help = match &problem.meant {
                            Some(meant) => format!(
                                "did you mean `{meant}`? Patterns are paths: `/pricing`, `/help/*`, `/checkout/**`"
                            ),
                            None => "write a path: `/pricing`, `/help/*`, `/checkout/**`".to_string(),
                        };
                        this.report(&rule::PAGE_PATTERN, &path, span.clone(), message, help);
                        if let Some(meant) = problem.meant {
                            let edit = fix::replace_string(this.text, span, &meant);
                            this.fixed_by(Fix::unsafe_(format!("write `{meant}`"), vec![edit]));
                        }
                        verdict = Err(Rejected);
                    }
                }
            }
            out
        };
        let skip = compiled(self, raw.field(&key::SKIP));
        let open = compiled(self, raw.field(&key::OPEN));
        let skipped = raw.list(&key::SKIP);
        for pattern in raw.list(&key::OPEN) {
            if skipped.iter().any(|other| other.text == pattern.text) {
                let path = pattern.path("pages.open");
                let message = format!("`{}` is in both `pages.skip` and `pages.open`", pattern.text);
                let help = "keep it in one: a skipped page loads nothing, so it cannot open the chat";
                self.report(&rule::PAGE_CONFLICT, &path, pattern.span.clone(), message, help);
                verdict = Err(Rejected);
            }
        }
        verdict.map(|()| Pages { skip, open })
    }

    /// `purposes`, as written (the parser kept whole numbers from 1 to 11 only), or `[1]`, "Store
    /// and/or access information on a device", which a chat's cookies and storage need.
    fn tcf_purposes(&mut self, raw: &RawProfile) -> Verdict<Vec<u8>> {
        let Some(field) = raw.field(&key::PURPOSES) else { return Ok(vec![1]) };
        let written: Vec<u8> = raw.list(&key::PURPOSES).iter().filter_map(|item| item.text.parse().ok()).collect();
        if written.is_empty() && !raw.is_rejected(&key::PURPOSES) {
            let message = "`consent.purposes` is empty: the chat would load without asking".to_string();
            self.on(&rule::CONSENT_CATEGORY, field, message, "name the purposes the chat needs, e.g. `purposes = [1]`");
            return Err(Rejected);
        }
        Ok(written)
    }

    pub(super) fn consent(&mut self, raw: &RawProfile) -> Verdict<Option<Consent>> {
        let Some(span) = raw.section_span(&section::CONSENT) else { return Ok(None) };
        let category = raw.text(&key::CATEGORY).map(|(field, text)| (field, text.trim().to_string()));
        let Some((_, cmp)) = raw.choice::<Cmp>(&key::CMP) else {
            // A wrong word has its own finding.
            if !raw.is_present(&key::CMP) {
                let message = "`[consent]` has no `cmp`: which consent manager should the block wait for?".to_string();
                let managers = Cmp::WORDS.iter().filter(|word| **word != Cmp::Event.word()).copied();
                let help = format!(
                    "add `cmp = \"event\"` (your own code's events) or the manager's name: {}",
                    managers.collect::<Vec<_>>().join(", ")
                );
                self.report(&rule::CONSENT_CATEGORY, section::CONSENT.name, span, message, help);
            }
            return Err(Rejected);
        };
        // `purposes` is TCF's; a category, the other managers'.
        let (ours, theirs) = match cmp {
            Cmp::Tcf => (&key::PURPOSES, &key::CATEGORY),
            _ => (&key::CATEGORY, &key::PURPOSES),
        };
        if let Some(field) = raw.field(theirs) {
            let message = format!("`consent.{}` has no effect with `cmp = \"{}\"`", theirs.name, cmp.word());
            let help = format!("`{}` names what it asks with `{}`; drop `{}`", cmp.word(), ours.name, theirs.name);
            self.on(&rule::NO_EFFECT, field, message, help);
        }
        if cmp == Cmp::Tcf {
            return self.tcf_purposes(raw).map(|purposes| Some(Consent { cmp, category: None, purposes }));
        }
        match (&category, cmp) {
            (Some((field, category)), _)
                if cmp.categories().is_some_and(|(known, _)| !known.contains(&category.as_str())) =>
            {
                let known = cmp.categories().map_or(&[][..], |(known, _)| known);
                let message = format!("`{category}` is not one of `{}`'s categories", cmp.word());
                let meant = did_you_mean(category, known.iter().copied());
                let help = match meant {
                    Some(meant) => format!("did you mean `{meant}`?"),
                    None => category_help(cmp).to_string(),
                };
                self.on(&rule::CONSENT_CATEGORY, field, message, help);
                if let Some(meant) = meant {
                    let edit = fix::replace_string(self.text, &field.span, meant);
                    self.fixed_by(Fix::unsafe_(format!("write `{meant}`"), vec![edit]));
                }
                Err(Rejected)
            }
            (Some((field, category)), _) if !category.is_empty() => {
                if cmp.always_granted().contains(&category.as_str()) {
                    let message = format!(
                        "`{category}` is always granted by `{}`: the chat would load without asking for consent",
                        cmp.word()
                    );
                    self.on(&rule::CONSENT_ALWAYS_GRANTED, field, message, category_help(cmp));
                }
                Ok(Some(Consent { cmp, category: Some(category.clone()), purposes: Vec::new() }))
            }
            (_, Cmp::Event) => Ok(Some(Consent { cmp, category: None, purposes: Vec::new() })),
            (None, _) if !raw.is_present(&key::CATEGORY) && cmp.categories().is_some() => {
                let category = cmp.categories().map(|(_, default)| default.to_string());
                Ok(Some(Consent { cmp, category, purposes: Vec::new() }))
            }
            (Some((field, _)), _) => {
                let message = "`consent.category` is blank".to_string();
                let help = category_help(cmp);
                self.on(&rule::CONSENT_CATEGORY, field, message, help);
                Err(Rejected)
            }
            (None, _) if raw.is_present(&key::CATEGORY) => Err(Rejected),
            (None, _) => {
                let message = format!("`cmp = \"{}\"` needs a `category`", cmp.word());
                let at = raw.field(&key::CMP).map_or(span, |field| field.span.clone());
                self.report(&rule::CONSENT_CATEGORY, "consent.category", at, message, category_help(cmp));
                Err(Rejected)
            }
        }
    }
}

/// What a category is, in the manager's own words.
fn category_help(cmp: Cmp) -> &'static str {
    match cmp {
        Cmp::CookieConsent => {
            "name the vanilla-cookieconsent category the chat belongs to, e.g. `category = \"functionality\"`"
        }
        Cmp::Klaro => "name the Klaro service the chat is, e.g. `category = \"salesmartly\"`",
        Cmp::Cookiebot => "name the Cookiebot category: `preferences`, `statistics` or `marketing`",
        Cmp::OneTrust => "name the OneTrust group id, e.g. `category = \"C0003\"` (functional cookies)",
        Cmp::CookieYes => "name the CookieYes category: `functional`, `analytics`, `performance` or `advertisement`",
        Cmp::Complianz => "name the Complianz category: `preferences`, `statistics` or `marketing`",
        Cmp::WpConsentApi => "name the WP Consent API category: `preferences`, `statistics` or `marketing`",
        Cmp::ConsentMode => {
            "name a Consent Mode v2 type: `functionality_storage` (the default), `personalization_storage`, `analytics_storage`, `ad_storage`, `ad_user_data`, `ad_personalization` or `security_storage`"
        }
        Cmp::Event => "`event` needs no category",
        Cmp::Tcf => "`tcf` asks by `purposes`, not by category: `purposes = [1]`",
        Cmp::Didomi => "name the Didomi vendor id the chat is (`c:salesmartly`), or a purpose id",
        Cmp::Shopify => "name the Customer Privacy answer: `preferences` (the default), `analytics` or `marketing`",
        Cmp::Usercentrics => {
            "name the Usercentrics service the chat is, by its name or id, e.g. `category = \"SaleSmartly\"`"
        }
        Cmp::Iubenda => "name the iubenda purpose id: `3` (experience, the default), `2`, `4` or `5`",
    }
}
