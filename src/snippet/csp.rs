//! Content-Security-Policy: the nonce a `<script>` element may carry, and the `script-src` sources
//! a rendered snippet needs.

use super::{INSTALL_JS_URL, Snippet};
use crate::profile::{Loader, ValidProfile};

/// A CSP nonce is base64 (or base64url): anything else is refused rather than escaped, since a
/// nonce that needs escaping is a mistake (`'nonce-…'` in the policy must match it byte for byte).
pub fn check_nonce(nonce: &str) -> Result<(), String> {
    if nonce.is_empty() || nonce.len() > 256 {
        return Err("a nonce has 1 to 256 characters".to_string());
    }
    match nonce.chars().find(|c| !(c.is_ascii_alphanumeric() || "+/=_-".contains(*c))) {
        Some(c) => Err(format!("`{c}` cannot be in a nonce: use base64 characters (A-Z a-z 0-9 + / = _ -)")),
        None => Ok(()),
    }
}

/// The rendered snippet's Content-Security-Policy needs: the `script-src` sources that allow its
/// inline script (by hash) and the scripts it loads (by origin).
pub fn sources(profile: &ValidProfile, snippet: &Snippet) -> String {
    let mut sources = vec![hash(&snippet.script)];
    let vendor = origin(INSTALL_JS_URL).to_string();
    if let Loader::ScriptUrl(url) = profile.loader() {
        let script_origin = origin(url);
        if !script_origin.eq_ignore_ascii_case(&vendor) {
            sources.push(script_origin.to_string());
        }
    }
    sources.push(vendor);
    sources.join(" ")
}

/// The `'sha256-…'` source that allows an inline script with exactly this content.
pub fn hash(script: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(script.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// `https://host[:port]` of an absolute URL that the rules accepted.
fn origin(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..].find(['/', '?', '#']).map_or(url.len(), |i| after_scheme + i);
    &url[..end]
}
