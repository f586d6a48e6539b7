//! `[login]`: the visitor `setLoginInfo` identifies, each field as the SDK wants it.

use super::{Checker, Rejected, Verdict};
use crate::checks::email::{self, EmailProblem};
use crate::checks::language::{self, Support};
use crate::checks::number;
use crate::checks::phone::{self, PhoneError, Reading};
use crate::diagnostics::registry as rule;
use crate::input::source::Span;
use crate::profile::schema::{Key, key, section};
use crate::profile::{CustomValue, Field, FieldValue, Login, LoginFields, LoginInfo, RawProfile};
use crate::sdk::PhoneFormat;
use std::collections::HashSet;

impl Checker<'_> {
    pub(super) fn login(&mut self, raw: &RawProfile) -> Verdict<Option<Login>> {
        let Some(section_span) = raw.section_span(&section::LOGIN) else {
            return Ok(None);
        };
        if raw.bool(&key::FROM_PAGE) == Some(true) {
            let fixed_visitor = self.fixed_visitor(raw);
            let fields = self.login_fields(raw);
            fixed_visitor?;
            return Ok(Some(Login::FromPage(fields?)));
        }
        let user_id = self.required(raw, &key::USER_ID, &section_span);
        let user_name = self.required(raw, &key::USER_NAME, &section_span);
        if let Some((field, id)) = raw.text(&key::USER_ID) {
            self.user_id_personal_data(field, id);
        }
        let fields = self.login_fields(raw);
        Ok(Some(Login::Fixed(LoginInfo { user_id: user_id?, user_name: user_name?, fields: fields? })))
    }

    /// Every `[login]` field besides the visitor's identity.
    fn login_fields(&mut self, raw: &RawProfile) -> Verdict<LoginFields> {
        let language = raw.text(&key::LANGUAGE).map(|(field, tag)| self.language(field, tag)).transpose();
        let phone = self.phone(raw);
        let email = raw.text(&key::EMAIL).map(|(field, address)| self.email(field, address)).transpose();
        let label_names = raw.field(&key::LABEL_NAMES).map(|field| self.labels(field)).transpose();
        let custom_fields_ext = raw.field(&key::CUSTOM_FIELDS_EXT).map(|field| self.custom_fields(field)).transpose();
        Ok(LoginFields {
            language: language?,
            phone: phone?,
            email: email?,
            description: raw.text(&key::DESCRIPTION).map(|(_, text)| text.to_string()),
            label_names: label_names?,
            custom_fields_ext: custom_fields_ext?,
            phone_format: raw.choice(&key::PHONE_FORMAT).map(|(_, format)| format).unwrap_or_default(),
        })
    }

    /// `from_page`: the visitor's identity comes from each page, never from the profile.
    fn fixed_visitor(&mut self, raw: &RawProfile) -> Verdict<()> {
        let mut verdict = Ok(());
        for key in [&key::USER_ID, &key::USER_NAME] {
            if let Some(field) = raw.field(key) {
                let message =
                    format!("`{}` is fixed, but `login.from_page` takes the visitor from the page", field.path());
                let help = "remove it: one fixed value here would merge every visitor into one";
                self.on(&rule::LOGIN_FIXED_VISITOR, field, message, help);
                verdict = Err(Rejected);
            }
        }
        verdict
    }

    fn required(&mut self, raw: &RawProfile, key: &'static Key, section_span: &Span) -> Verdict<String> {
        let path = key.path();
        match raw.text(key) {
            Some((field, value)) if value.trim().is_empty() => {
                self.on(
                    &rule::LOGIN_REQUIRED,
                    field,
                    format!("`{path}` is blank"),
                    "the SDK requires it; leave `[login]` out for anonymous visitors",
                );
                Err(Rejected)
            }
            Some((_, value)) => Ok(value.to_string()),
            // A value of the wrong type was already reported.
            None if raw.is_present(key) => Err(Rejected),
            None => {
                let message = format!("`[login]` has no `{}`", key.name);
                self.report(
                    &rule::LOGIN_REQUIRED,
                    &path,
                    section_span.clone(),
                    message,
                    format!("add `{}`: setLoginInfo requires it; leave `[login]` out for anonymous visitors", key.name),
                );
                Err(Rejected)
            }
        }
    }

    fn user_id_personal_data(&mut self, field: &Field, id: &str) {
        let looks_like = if matches!(email::validate(id), Ok(()) | Err(EmailProblem::DotlessDomain)) {
            Some("an email address")
        } else if !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()) {
            Some("a raw numeric id (or a phone number)")
        } else if id.starts_with('+') && phone::parse(id, None).is_ok() {
            Some("a phone number")
        } else {
            None
        };
        if let Some(what) = looks_like {
            let message = format!("`login.user_id` looks like {what}");
            self.on(
                &rule::USER_ID_PERSONAL,
                field,
                message,
                "the SDK wants the site's encrypted or hashed user id; send personal data in `email`/`phone` instead",
            );
        }
    }

    fn language(&mut self, field: &Field, tag: &str) -> Verdict<String> {
        match language::classify(tag) {
            Err(reason) => {
                let message = format!("`login.language` `{tag}` is not a BCP 47 language tag ({reason})");
                let meant = language::did_you_mean(tag);
                let help = match &meant {
                    Some(meant) => format!("did you mean `{meant}`?"),
                    None => "write a tag such as `en-US`, `ru-RU` or `fr`".to_string(),
                };
                self.on(&rule::LANGUAGE, field, message, help);
                if let Some(meant) = meant {
                    self.fixed_by(self.rewrite(field, tag, &meant));
                }
                Err(Rejected)
            }
            Ok(Support::Shown(_)) => Ok(tag.to_string()),
            Ok(Support::OtherCase(listed)) => {
                let message = format!("`login.language` `{tag}` is written differently from the widget's `{listed}`");
                self.on(
                    &rule::LANGUAGE_UNSUPPORTED,
                    field,
                    message,
                    format!("write `{listed}` so the widget recognizes it"),
                );
                self.fixed_by(self.rewrite(field, tag, listed));
                Ok(tag.to_string())
            }
            Ok(Support::Unsupported) => {
                let message = format!("the widget has no `{tag}`: it will show English (`{}`)", language::FALLBACK);
                let help = format!("the widget's languages: {}", language::PLUGIN_LANGUAGES.join(", "));
                self.on(&rule::LANGUAGE_UNSUPPORTED, field, message, help);
                Ok(tag.to_string())
            }
        }
    }

    /// `Ok(None)`: no phone.
    fn phone(&mut self, raw: &RawProfile) -> Verdict<Option<String>> {
        let region = match raw.text(&key::PHONE_REGION) {
            Some((field, region)) if !phone::is_known_region(region) => {
                let message = format!("`login.phone_region` `{region}` is not a region with a phone numbering plan");
                // `UK` is the one code people reach for that ISO 3166 gives to no one.
                let meant = match region.trim().to_ascii_uppercase() {
                    upper if phone::is_known_region(&upper) => Some(upper),
                    upper if upper == "UK" => Some("GB".to_string()),
                    _ => None,
                };
                let help = match &meant {
                    Some(meant) => format!("did you mean `{meant}`? Regions are ISO 3166 alpha-2 codes, in capitals"),
                    None => "use an ISO 3166 alpha-2 code in capitals, e.g. `GB` (not `UK`), `US`, `CN`".to_string(),
                };
                self.on(&rule::PHONE_REGION, field, message, help);
                if let Some(meant) = meant {
                    self.fixed_by(self.rewrite(field, region, &meant));
                }
                return Err(Rejected);
            }
            Some((_, region)) => Some(region),
            None => None,
        };
        let Some((field, number)) = raw.text(&key::PHONE) else {
            return Ok(None);
        };
        if number.trim().is_empty() {
            let message = "`login.phone` is empty".to_string();
            self.on(&rule::PHONE, field, message, "write the number with its country code, or remove the key");
            return Err(Rejected);
        }
        let digits_only =
            raw.choice::<PhoneFormat>(&key::PHONE_FORMAT).is_some_and(|(_, format)| format == PhoneFormat::Digits);
        match phone::parse(number, region) {
            Ok(phone) => {
                if phone.reading == Reading::DigitsAsInternational {
                    let message = format!(
                        "`login.phone` has no `+`; it was read as {}, a number of {}",
                        phone.e164, phone.country
                    );
                    self.on(
                        &rule::PHONE_WITHOUT_PLUS,
                        field,
                        message,
                        format!(
                            "write `{}` if that is right, or set `phone_region` if it is a national number",
                            phone.e164
                        ),
                    );
                }
                Ok(Some(if digits_only { phone.digits().to_string() } else { phone.e164 }))
            }
            Err(err) => {
                let (rule, message, help) = match err {
                    PhoneError::Letters => (
                        &rule::PHONE,
                        "`login.phone` contains letters".to_string(),
                        "write the digits: letters would be silently turned into keypad digits".to_string(),
                    ),
                    PhoneError::Extension(extension) => (
                        &rule::PHONE,
                        format!("`login.phone` ends with the extension `{extension}`"),
                        "remove it: the SDK takes the number alone (put the extension in `description` if agents need it)"
                            .to_string(),
                    ),
                    PhoneError::Character(c) => (
                        &rule::PHONE,
                        format!("`login.phone` contains `{c}`"),
                        "use digits, spaces, `-`, `.`, `(`, `)` and a leading `+` only".to_string(),
                    ),
                    PhoneError::NoCountryCode => (
                        &rule::PHONE_COUNTRY,
                        format!("`login.phone` `{number}` has no country calling code"),
                        "write it with `+` and the calling code (`+44 20 7946 0958`), or set `phone_region` (`GB`)"
                            .to_string(),
                    ),
                    PhoneError::UnknownCallingCode => (
                        &rule::PHONE,
                        format!("`login.phone` `{number}` starts with no known country calling code"),
                        "check the digits after `+`".to_string(),
                    ),
                    PhoneError::Invalid { country } => (
                        &rule::PHONE,
                        format!("`login.phone` `{number}` is not a valid number for {country}"),
                        "check the number of digits and the area or mobile prefix".to_string(),
                    ),
                };
                self.on(rule, field, message, help);
                Err(Rejected)
            }
        }
    }

    fn email(&mut self, field: &Field, address: &str) -> Verdict<String> {
        if address.trim().is_empty() {
            let message = "`login.email` is empty".to_string();
            self.on(&rule::EMAIL, field, message, "write an address such as `name@example.com`, or remove the key");
            return Err(Rejected);
        }
        match email::validate(address) {
            Ok(()) => Ok(address.to_string()),
            Err(EmailProblem::DotlessDomain) => {
                let message = format!("`login.email` `{address}` has a domain without a dot");
                self.on(&rule::EMAIL_DOTLESS, field, message, "addresses on the internet look like `name@example.com`");
                Ok(address.to_string())
            }
            Err(EmailProblem::Invalid(reason)) => {
                let help = "write an address such as `name@example.com`";
                let about_a_character = reason.contains("character addresses") || reason.contains("host name");
                match email::first_bad_character(address).filter(|_| about_a_character) {
                    Some((at, c)) => {
                        let message = format!(
                            "`login.email` is not a valid address: {reason} (`{}` at character {})",
                            c.escape_debug(),
                            at + 1
                        );
                        let span = self.char_span(&field.span, address, at);
                        self.report(&rule::EMAIL, &field.path(), span, message, help);
                    }
                    None => {
                        self.on(&rule::EMAIL, field, format!("`login.email` is not a valid address: {reason}"), help)
                    }
                }
                Err(Rejected)
            }
        }
    }

    fn labels(&mut self, field: &Field) -> Verdict<Vec<String>> {
        let FieldValue::List(items) = &field.value else {
            return Err(Rejected);
        };
        let mut ok = true;
        let mut seen = HashSet::with_capacity(items.len());
        let spans: Vec<_> = items.iter().map(|item| item.span.clone()).collect();
        for (i, item) in items.iter().enumerate() {
            let (label, span, path) = (&item.text, &item.span, item.path(&field.path()));
            if label.trim().is_empty() {
                self.report(
                    &rule::LABEL_BLANK,
                    &path,
                    span.clone(),
                    format!("`{path}` is blank"),
                    "remove it, or name a tag of the SaleSmartly project",
                );
                ok = false;
            } else if !seen.insert(label.as_str()) {
                self.report(
                    &rule::LABEL_DUPLICATE,
                    &path,
                    span.clone(),
                    format!("the label `{label}` is listed twice"),
                    "remove the second one",
                );
                if let Some(edit) = crate::diagnostics::fix::remove_item(self.text, &spans, i) {
                    self.fixed_by(crate::diagnostics::fix::Fix::safe(
                        format!("remove the second `{label}`"),
                        vec![edit],
                    ));
                }
            }
        }
        match ok {
            true => Ok(items.iter().map(|item| item.text.clone()).collect()),
            false => Err(Rejected),
        }
    }

    /// `custom_fields_ext`: ids that name something, and select-type lists without blank options.
    fn custom_fields(&mut self, field: &Field) -> Verdict<serde_json::Map<String, serde_json::Value>> {
        let FieldValue::CustomFields(entries) = &field.value else {
            return Err(Rejected);
        };
        let path = field.path();
        let mut verdict = Ok(());
        let mut fields = serde_json::Map::with_capacity(entries.len());
        for entry in entries {
            let id = &entry.id;
            if id.trim().is_empty() {
                let message = format!("`{path}` has a blank custom-field id");
                let help = "use the custom field's id from the SaleSmartly project";
                self.report(&rule::CUSTOM_FIELD, &path, entry.id_span.clone(), message, help);
                verdict = Err(Rejected);
                continue;
            }
            if let Some(c) = id.chars().find(|c| c.is_control()) {
                let message =
                    format!("a custom-field id in `{path}` contains the control character U+{:04X}", c as u32);
                let help = "use the custom field's id from the SaleSmartly project";
                self.report(&rule::CONTROL_CHARACTER, &path, entry.id_span.clone(), message, help);
                verdict = Err(Rejected);
                continue;
            }
            if fields.contains_key(id) {
                let message = format!("`{path}.{id}` is defined more than once");
                let help = "keep one: JSON readers disagree about which one wins";
                self.report(&rule::DUPLICATE_KEY, &format!("{path}.{id}"), entry.id_span.clone(), message, help);
                verdict = Err(Rejected);
                continue;
            }
            let value = match &entry.value {
                CustomValue::Text(text) => text.as_str().into(),
                CustomValue::Number(number) => {
                    let written = self.text.get(entry.span.clone()).unwrap_or_default().trim();
                    // JavaScript's numbers are doubles: past their precision, another number arrives.
                    if let Some(read) = number::rounded(written, number) {
                        let message = format!(
                            "`{path}.{id}` is {written}, which JavaScript reads as {read}: the project would get another number"
                        );
                        // A TOML `_` separates digits; in a string it would be sent.
                        let digits = written.replace('_', "");
                        let help = format!("write it as a string, `\"{digits}\"`, to send it as written");
                        self.report(&rule::CUSTOM_FIELD, &format!("{path}.{id}"), entry.span.clone(), message, help);
                        verdict = Err(Rejected);
                        continue;
                    }
                    number.clone().into()
                }
                CustomValue::List(options) => {
                    for option in options {
                        if option.text.trim().is_empty() {
                            let item = option.path(&format!("{path}.{id}"));
                            let message = format!("`{item}` is blank");
                            let help = "remove it, or name an option of the select-type field";
                            self.report(&rule::CUSTOM_FIELD, &item, option.span.clone(), message, help);
                            verdict = Err(Rejected);
                        }
                    }
                    options.iter().map(|option| option.text.as_str()).collect()
                }
            };
            fields.insert(id.clone(), value);
        }
        verdict.map(|()| fields)
    }
}
