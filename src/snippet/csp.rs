//! Content-Security-Policy: the nonce a `<script>` element may carry, and the `script-src` sources
//! a rendered snippet needs.

use super::{INSTALL_JS_URL, Snippet};
use crate::checks::url::origin;
use crate::profile::{Loader, ValidProfile};

/// The nonce attribute's value: a base64 or base64url nonce, or a server template's placeholder for
/// one. Only [`Nonce::parse`] makes one, and what it accepts needs no escaping in a double-quoted
/// attribute: it holds no quote, no `&`, and `<` `>` only as a placeholder's own delimiters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nonce(String);

/// The server template placeholders a nonce may be, as `(opening, closing)`: Jinja2, Django, Twig,
/// Liquid, Handlebars, Blade and Go (`{{ … }}`), ERB and EJS (`<%= … %>`), PHP (`<?= … ?>`).
const PLACEHOLDERS: &[(&str, &str)] = &[("{{", "}}"), ("<%=", "%>"), ("<?=", "?>")];

impl Nonce {
    pub fn parse(text: &str) -> Result<Nonce, String> {
        if text.is_empty() || text.len() > 256 {
            return Err("a nonce has 1 to 256 characters".to_string());
        }
        if let Some(inner) = PLACEHOLDERS.iter().find_map(|(open, close)| text.strip_prefix(open)?.strip_suffix(close))
        {
            return match is_placeholder_expression(inner) {
                true => Ok(Nonce(text.to_string())),
                false => Err(format!(
                    "`{text}` is not a template placeholder ssq-gen knows: write a name such as `{{{{ csp_nonce }}}}`, `<%= nonce %>` or `<?= $nonce ?>`, or a call with single-quoted arguments such as `{{{{ csp_nonce('script') }}}}`"
                )),
            };
        }
        // Template syntax, but no form above (`<?php echo $nonce; ?>`, `{% nonce %}`).
        if ["{{", "{%", "<%", "<?"].iter().any(|open| text.starts_with(open)) {
            return Err(format!(
                "`{text}` is not a placeholder form ssq-gen knows: write `{{{{ … }}}}`, `<%= … %>` or `<?= … ?>` around the nonce's name (`<?= $nonce ?>` for PHP)"
            ));
        }
        let data = text.trim_end_matches('=');
        let padding = text.len() - data.len();
        let is_base64 = |c: char| c.is_ascii_alphanumeric() || "+/_-".contains(c);
        if let Some(c) = data.chars().find(|&c| !is_base64(c)) {
            return Err(format!(
                "`{c}` cannot be in a nonce: use base64 characters (A-Z a-z 0-9 + / _ -), or a template placeholder such as `{{{{ csp_nonce }}}}`"
            ));
        }
        if data.is_empty() || padding > 2 {
            return Err("a base64 nonce has at most two `=`, at its end".to_string());
        }
        Ok(Nonce(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A placeholder's expression: names, member access, calls and filters (`csp_nonce`,
/// `request.csp_nonce`, `$nonce`, `csp_nonce()`, `.CSPNonce`, `nonce | e`), and single-quoted
/// arguments of letters, digits, `_` and `-` (`csp_nonce('script')`, NelmioSecurityBundle's Twig
/// form). No double quote, which would end the attribute before the engine renders it.
fn is_placeholder_expression(inner: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "_.$@()[]|: ".contains(c);
    let mut quoted = false;
    let mut any = false;
    for c in inner.chars() {
        match c {
            '\'' => quoted = !quoted,
            c if quoted && (c.is_ascii_alphanumeric() || c == '_' || c == '-') => {}
            c if !quoted && allowed(c) => any |= !c.is_whitespace(),
            _ => return false,
        }
    }
    any && !quoted
}

/// The Trusted Types policy the block creates for the script URLs it inserts, and nothing else:
/// `trusted-types ssq-gen` lets a page that requires Trusted Types load the chat.
pub const TRUSTED_TYPES_POLICY: &str = "ssq-gen";

/// The policy `loader.trusted_types_default` creates: the one the browser applies to strings.
pub const DEFAULT_POLICY: &str = "default";

/// The directive `ssq-gen csp --trusted-types` prints: the block's policy, and `default` when the
/// profile asks the block to create it.
pub fn trusted_types_directive(profile: Option<&ValidProfile>) -> String {
    match profile.is_some_and(ValidProfile::trusted_types_default) {
        true => format!("trusted-types {TRUSTED_TYPES_POLICY} {DEFAULT_POLICY}"),
        false => format!("trusted-types {TRUSTED_TYPES_POLICY}"),
    }
}

/// The origins the block loads scripts from, the project script's first: what `script-src` must
/// allow, and what the default policy accepts script URLs from.
pub fn vendor_origins(profile: &ValidProfile) -> Vec<&str> {
    let vendor = origin(INSTALL_JS_URL);
    match profile.loader() {
        Loader::ScriptUrl(url) if !origin(url).eq_ignore_ascii_case(vendor) => vec![origin(url), vendor],
        _ => vec![vendor],
    }
}

/// The rendered snippet's Content-Security-Policy needs: the `script-src` sources that allow its
/// inline script (by hash) and the scripts it loads (by origin).
pub fn sources(profile: &ValidProfile, snippet: &Snippet) -> String {
    let mut sources = vec![hash(snippet.inlined())];
    sources.extend(vendor_origins(profile).into_iter().map(str::to_string));
    sources.join(" ")
}

/// The `'sha256-…'` source that allows an inline script with exactly this content.
pub fn hash(script: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(script.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_are_base64_or_known_placeholders() {
        for ok in [
            "R4nd0m+N0nce/==",
            "abc-_",
            "YQ==",
            "{{ csp_nonce }}",
            "{{ request.csp_nonce }}",
            "{{ .CSPNonce }}",
            "{{ csp_nonce() }}",
            "<%= content_security_policy_nonce %>",
            "<%= nonce %>",
            "<?= $nonce ?>",
            "{{nonce}}",
            "{{ csp_nonce('script') }}",
            "{{ csp_nonce('script-src') }}",
            "{{ $nonce }}",
            "<%= @nonce %>",
        ] {
            assert_eq!(Nonce::parse(ok).map(|n| n.0), Ok(ok.to_string()), "{ok}");
        }
        for bad in [
            "",
            "==abc",
            "a===",
            "=",
            "a b",
            "a\"b",
            "{{ \"x\" }}",
            "{{ }}",
            "<%= a & b %>",
            "{{ a'b }}",
            "{{ a }}\" onload=\"x",
            "<script>",
            "{% nonce %}",
            "<%= a %>x",
            "{{ csp_nonce(\"script\") }}",
            "{{ csp_nonce('scr ipt') }}",
            "{{ csp_nonce('script) }}",
        ] {
            assert!(Nonce::parse(bad).is_err(), "{bad}");
        }
        let php = Nonce::parse("<?php echo $nonce; ?>").unwrap_err();
        assert!(php.contains("not a placeholder form ssq-gen knows"), "{php}");
    }

    #[test]
    fn a_nonce_needs_no_escaping_in_an_attribute() {
        let nonce = Nonce::parse("<%= content_security_policy_nonce %>").unwrap();
        assert!(!nonce.as_str().contains(['"', '\'', '&']));
    }
}
