//! URLs: what a script's `src` must be, and the shape of the vendor's project scripts.

/// The vendor's script host.
pub const VENDOR_HOST: &str = "plugin-code.salesmartly.com";

/// An absolute `https://` URL with a plausible host and no characters that URLs cannot hold.
pub fn validate_https(url: &str) -> Result<(), &'static str> {
    let rest = match url.get(..8) {
        Some(scheme) if scheme.eq_ignore_ascii_case("https://") => &url[8..],
        _ if url.starts_with("http://") => {
            return Err("it must use https, or browsers block it on https pages");
        }
        _ if url.starts_with("//") || url.starts_with('/') => {
            return Err("it is relative; write it in full, from `https://`");
        }
        _ => return Err("it must start with `https://`"),
    };
    if let Some(c) = url.chars().find(|c| c.is_whitespace() || c.is_control() || "<>\"\\^`{|}".contains(*c)) {
        return Err(if c.is_whitespace() {
            "it contains white space"
        } else {
            "it contains a character URLs cannot hold"
        });
    }
    let authority = parts(url).map_or(rest, |(_, authority)| authority);
    if authority.contains('@') {
        return Err("it contains credentials (`user@`)");
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => host,
        Some(_) => return Err("its port is not a number"),
        None => authority,
    };
    let label_ok = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if host.is_empty() || !host.split('.').all(label_ok) {
        return Err("it has no valid host name");
    }
    Ok(())
}

/// `https://host[:port]`: the origin of a URL that [`validate_https`] accepted, as CSP names it.
pub fn origin(url: &str) -> &str {
    parts(url).map_or(url, |(origin, _)| origin)
}

/// An absolute URL's origin (`scheme://authority`) and its authority (`host[:port]`, with any
/// `user@`): up to the first `/`, `?` or `#` after the scheme.
fn parts(url: &str) -> Option<(&str, &str)> {
    let after_scheme = url.find("://")? + 3;
    let end = url[after_scheme..].find(['/', '?', '#']).map_or(url.len(), |i| after_scheme + i);
    Some((&url[..end], &url[after_scheme..end]))
}

pub fn is_vendor_project_script(url: &str) -> bool {
    let Some(file) = url
        .strip_prefix("https://")
        .and_then(|rest| rest.strip_prefix(VENDOR_HOST))
        .and_then(|path| path.strip_prefix("/js/project_"))
    else {
        return false;
    };
    let Some(ids) = file.strip_suffix(".js") else {
        return false;
    };
    let groups: Vec<&str> = ids.split('_').collect();
    groups.len() == 3 && groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls() {
        assert_eq!(validate_https("https://plugin-code.salesmartly.com/js/project_1_2_3.js"), Ok(()));
        assert_eq!(validate_https("HTTPS://cdn.example.com:8443/x.js?v=1"), Ok(()));
        for bad in [
            "http://a.com/x.js",
            "//a.com/x.js",
            "/x.js",
            "https://",
            "https://a b.com/",
            "https://u:p@a.com/",
            "https://a.com:x/",
            "https://a.com/\"x",
            "javascript:alert(1)",
        ] {
            assert!(validate_https(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn vendor_shape() {
        assert!(is_vendor_project_script("https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"));
        assert!(!is_vendor_project_script("https://plugin-code.salesmartly.com/js/project_817643_847406.js"));
        assert!(!is_vendor_project_script("https://cdn.example.com/js/project_1_2_3.js"));
        assert!(!is_vendor_project_script("https://plugin-code.salesmartly.com/js/project_1_2_3.js?x"));
    }

    #[test]
    fn origins() {
        assert_eq!(origin("https://cdn.example.com:8443/x.js?v=1"), "https://cdn.example.com:8443");
        assert_eq!(origin("https://cdn.example.com?v=1"), "https://cdn.example.com");
        assert_eq!(origin("https://cdn.example.com#top"), "https://cdn.example.com");
        assert_eq!(origin("HTTPS://CDN.example.com"), "HTTPS://CDN.example.com");
    }
}
