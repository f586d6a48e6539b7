//! The rule registry: every rule, declared and listed in one place. `snippet`, `lint`, SARIF's rule
//! table, `ssq-gen rules` and the README's rule list all read [`RULES`]; a rule cannot be declared
//! and left out of it, since the one macro writes both.

use super::{Rule, Severity};

macro_rules! rules {
    ($($(#[$section:meta])* $name:ident = $code:literal, $kebab:literal, $severity:ident, $summary:literal;)*) => {
        $(
            $(#[$section])*
            pub static $name: Rule =
                Rule { code: $code, name: $kebab, severity: Severity::$severity, summary: $summary };
        )*
        /// All rules, in code order.
        pub static RULES: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
UNREADABLE = "SSQ000", "unreadable", Error,
    "Every path named or found can be read (`lint` reports it, then exits 2).";
SYNTAX = "SSQ001", "syntax", Error,
    "The profile is valid TOML or JSON.";
ENCODING = "SSQ002", "encoding", Error,
    "The profile is UTF-8 text.";
TOO_LARGE = "SSQ003", "too-large", Error,
    "The profile is at most 1 MiB.";
WRONG_TYPE = "SSQ004", "wrong-type", Error,
    "Each key has the type the profile reference gives.";
UNKNOWN_KEY = "SSQ005", "unknown-key", Error,
    "Every section and key is one ssq-gen knows (with a did-you-mean).";
UNKNOWN_VALUE = "SSQ006", "unknown-value", Error,
    "Keys with a fixed set of words (event actions, `phone_format`) use one of them.";
DUPLICATE_KEY = "SSQ007", "duplicate-key", Error,
    "No key is defined twice (JSON allows it and silently keeps one).";
CONTROL_CHARACTER = "SSQ008", "control-character", Error,
    "Text fields hold no control characters (`description` may hold line breaks and tabs; selectors, CSS whitespace).";
EXAMPLE_VALUE = "SSQ009", "example-value", Warning,
    "No value is left as the placeholder `ssq-gen init` writes (a project script, a license, a visitor).";
REPEATED_VALUE = "SSQ010", "repeated-value", Error,
    "A list of choices (`widget.hide_upload`, an event's actions) names each word once.";
NO_EFFECT = "SSQ011", "no-effect", Warning,
    "A setting has an effect: `hide_icon` leaves something that opens the chat, and `forward_content` has a `datalayer` or `gtag` action to forward to.";
INLINE_SIZE = "SSQ012", "inline-size", Warning,
    "The values the block carries inline on every page (labels, custom fields, texts, selectors) stay under 32 KiB.";
LOADER_CHOICE = "SSQ101", "loader-choice", Error,
    "`[loader]` has exactly one of `script_url` and `license`.";
SCRIPT_URL = "SSQ102", "script-url", Error,
    "`script_url` is an absolute `https://` URL.";
LICENSE = "SSQ103", "license", Error,
    "`license` is 4–32 ASCII letters and digits.";
SCRIPT_URL_SHAPE = "SSQ104", "script-url-shape", Warning,
    "`script_url` has the vendor's shape, `https://plugin-code.salesmartly.com/js/project_<digits>_<digits>_<digits>.js`.";
OPEN_ON_INTERACTION = "SSQ105", "open-on-interaction", Warning,
    "`widget.open_on_load` is not combined with `load = \"interaction\"` (the chat would pop open at the visitor's first keypress or click).";
LOGIN_REQUIRED = "SSQ201", "login-required", Error,
    "`[login]` has a non-blank `user_id` and `user_name`, unless `from_page` takes them from the page.";
LANGUAGE = "SSQ202", "language", Error,
    "`language` is a well-formed BCP 47 tag whose language subtag has 2 or 3 letters (5-8-letter ones, well-formed but reserved, are refused: `english` means `en`), and no private-use `lvariant` (ICU's legacy form, which browsers refuse), with a did-you-mean.";
LANGUAGE_UNSUPPORTED = "SSQ203", "language-unsupported", Warning,
    "`language` is one the widget shows, as its list writes it; otherwise it falls back to English.";
PHONE = "SSQ204", "phone", Error,
    "`phone` is a valid number for its country, with digits only (no letters).";
PHONE_COUNTRY = "SSQ205", "phone-country", Error,
    "`phone` carries its country calling code, or `phone_region` says which country it belongs to.";
PHONE_WITHOUT_PLUS = "SSQ206", "phone-without-plus", Warning,
    "`phone` written as digits without `+` was read as an international number.";
PHONE_REGION = "SSQ207", "phone-region", Error,
    "`phone_region` is an ISO 3166 alpha-2 region with a phone numbering plan.";
EMAIL = "SSQ208", "email", Error,
    "`email` is an address browsers accept in `<input type=email>` (WHATWG), and at most 64 characters before the `@` and 254 in all (RFC 5321), which browsers do not check.";
EMAIL_DOTLESS = "SSQ209", "email-dotless-domain", Warning,
    "`email`'s domain has a dot (`user@localhost` is not deliverable).";
USER_ID_PERSONAL = "SSQ210", "user-id-personal-data", Warning,
    "`user_id` does not look like raw personal data (an email, a phone number, all digits): the SDK wants an encrypted id.";
LABEL_BLANK = "SSQ211", "label-blank", Error,
    "No entry of `label_names` is blank.";
LABEL_DUPLICATE = "SSQ212", "label-duplicate", Warning,
    "No entry of `label_names` appears twice.";
LOGIN_FIXED_VISITOR = "SSQ213", "login-fixed-visitor", Error,
    "With `from_page = true`, `user_id` and `user_name` are not fixed in the profile: one fixed id would merge every visitor into one.";
CUSTOM_FIELD = "SSQ214", "custom-field", Error,
    "`custom_fields_ext` has no blank custom-field id, no blank option in a select-type field's list, and no number past the precision of a double (JavaScript would send another one).";
SELECTOR = "SSQ301", "selector", Error,
    "Launcher and trigger selectors are ones Chromium's `querySelector` and `matches` accept; pseudo-elements (`::before`, and `:before` and the other CSS 2 forms) are refused, since they match no clicked element.";
TWO_LAUNCHERS = "SSQ302", "two-launchers", Warning,
    "`[launcher]` comes with `widget.hide_icon = true`, or the page shows two chat buttons.";
CHAT_UNREACHABLE = "SSQ303", "chat-unreachable", Warning,
    "`widget.hide_close_icon` with `hide_icon` leaves a launcher or a trigger that opens the chat, or the visitor can neither open the chat again nor close it.";
TRIGGER_CONFLICT = "SSQ304", "trigger-conflict", Error,
    "A selector is not both in `triggers.send_on_click` and in `triggers.close_on_click`: one click would open the chat to send and close it.";
SEND_TEXT = "SSQ305", "send-text", Error,
    "A `triggers.send_on_click` text is not blank and at most 1,000 characters.";
SELECTOR_CONFLICT = "SSQ306", "selector-conflict", Error,
    "A selector that opens the chat (`launcher.open_selector`, `triggers.open_on_click`) is not in `triggers.close_on_click` too: one click would open and close it.";
SELECTOR_REPEATED = "SSQ307", "selector-repeated", Warning,
    "A selector is not listed twice among the clicks that open the chat (twice in a list, or as the launcher and a trigger): one click would open it twice.";
SELECTOR_EVERYTHING = "SSQ308", "selector-everything", Warning,
    "No click selector is `*`, `html`, `body` or `:root`, which catch every click on the page.";
PAGE_PATTERN = "SSQ401", "page-pattern", Error,
    "A `[pages]` pattern is a URL path: it starts with `/`, is not a whole URL, and has no query or fragment.";
PAGE_CONFLICT = "SSQ402", "page-conflict", Error,
    "No `[pages]` pattern is in both `skip` and `open`.";
CONSENT_CATEGORY = "SSQ403", "consent-category", Error,
    "`[consent]` names `cmp`, and a non-blank `category` for every `cmp` but `event`, `tcf` (a non-empty `purposes`, `[1]` by default) and the managers with a closed set of categories, each with its default: `consent-mode` (a Consent Mode v2 type, `functionality_storage`), `shopify` (`preferences`) and `iubenda` (a purpose id, `3`).";
CONSENT_ALWAYS_GRANTED = "SSQ404", "consent-always-granted", Warning,
    "`consent.category` is not one the manager grants whatever the visitor chooses (`necessary`, Complianz's and the WP Consent API's `functional`, OneTrust's `C0001`, iubenda's `1`): the chat would load without asking.";

// `ssq-gen audit`: a site's own hand-written install, in its pages and scripts.
BLOCKING_LOADER = "SSQ501", "blocking-loader", Warning,
    "SaleSmartly's project script or install code is not loaded by a parser-blocking `<script src>`: `async` or `defer`, or the install code that inserts it.";
QUEUE_DEFINED_EARLY = "SSQ502", "queue-defined-early", Error,
    "The page does not define `ssq` before SaleSmartly's project script runs: the script sees it, takes the widget as already loaded, and returns.";
UNKNOWN_COMMAND = "SSQ503", "unknown-command", Error,
    "`ssq.push` names a command or event the SDK has (`chatOpen`, `setLoginInfo`, `onUnRead`, …) as its first argument, not in an array, with a did-you-mean.";
UNKNOWN_LOGIN_FIELD = "SSQ504", "unknown-login-field", Error,
    "`setLoginInfo` has only the fields the SDK reads (`user_id`, `user_name`, `language`, `phone`, `email`, `description`, `label_names`, `custom_fields_ext`), with a did-you-mean (`name` is `user_name`).";
SETTING_REPLACED = "SSQ505", "setting-replaced", Warning,
    "`__ssc.setting` is merged into, not replaced, and set before the loader runs, not in its `onload`.";
VALUE_IN_SCRIPT = "SSQ506", "value-in-script", Error,
    "No server template expression is written into a JavaScript string or expression: a value with a quote or `</script>` runs as code (cross-site scripting); `ssq-gen login-data ENGINE` writes the visitor safely.";
TIMED_SEND = "SSQ507", "timed-send", Warning,
    "`sendTextMessage` is not sent after a fixed timer: a slow widget misses it; the block sends it once the chat window says it is open.";
PUSH_WITHOUT_QUEUE = "SSQ508", "push-without-queue", Error,
    "`ssq.push` has a queue to push to (`window.ssq = window.ssq || []` before it, or a guard): without one it throws when the loader is blocked.";
LOADER_TWICE = "SSQ509", "loader-twice", Warning,
    "A page includes SaleSmartly's loader once.";
NOT_TRANSLATED = "SSQ510", "not-translated", Warning,
    "`import` turns every part of a hand-written install into the profile; what has no profile key is named, not dropped.";
NOT_READ = "SSQ511", "not-read", Warning,
    "`audit` reads every file and script it is given; one it cannot (over 1 MiB, not UTF-8, nested too deep, not JavaScript) is named, with why, since its findings are unknown.";}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_ordered() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        assert!(names.iter().all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        names.sort();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
