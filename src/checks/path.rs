//! URL path patterns (`[pages]`): `/checkout/**`, `/help/*`. A pattern is compiled to a regular
//! expression over `location.pathname`, which both JavaScript's `RegExp` and Rust's regex crates
//! read the same way: anchored, literal characters escaped, `*` as `[^/]*` and a `**` segment as
//! any run of segments.

/// Why a pattern is not one, and the pattern most likely meant.
#[derive(Debug, PartialEq, Eq)]
pub struct PathProblem {
    pub reason: &'static str,
    pub meant: Option<String>,
}

/// The regular expression that matches the paths `pattern` stands for.
pub fn compile(pattern: &str) -> Result<String, PathProblem> {
    let problem = |reason, meant: Option<String>| Err(PathProblem { reason, meant });
    if pattern.trim().is_empty() {
        return problem("it is blank", None);
    }
    if let Some((scheme, rest)) = pattern.split_once("://")
        && !scheme.is_empty()
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        let path = rest.find('/').map_or("/", |at| &rest[at..]);
        let path = path.split(['?', '#']).next().unwrap_or("/");
        return problem("it is a whole URL: a pattern is the URL's path alone", Some(path.to_string()));
    }
    if !pattern.starts_with('/') {
        let meant = format!("/{}", pattern.trim().trim_start_matches("./"));
        return problem("it does not start with `/`", Some(meant.split(['?', '#']).next().unwrap_or("/").to_string()));
    }
    if pattern.contains(['?', '#']) {
        let meant = pattern.split(['?', '#']).next().unwrap_or("/").to_string();
        return problem("it has a query or a fragment, which matching ignores", Some(meant));
    }
    let mut regex = String::from("^");
    for segment in pattern[1..].split('/') {
        if segment == "**" {
            regex.push_str("(?:/.*)?");
            continue;
        }
        regex.push('/');
        for c in segment.chars() {
            match c {
                '*' => regex.push_str("[^/]*"),
                // What location.pathname percent-encodes (the URL standard's path set), as it does.
                c if !c.is_ascii() || c.is_ascii_control() || " \"<>`{}".contains(c) => {
                    let mut bytes = [0; 4];
                    for byte in c.encode_utf8(&mut bytes).bytes() {
                        regex.push_str(&format!("%{byte:02X}"));
                    }
                }
                c if "\\^$.|+()[]".contains(c) => {
                    regex.push('\\');
                    regex.push(c);
                }
                c => regex.push(c),
            }
        }
    }
    regex.push('$');
    Ok(regex)
}

/// The pattern [`compile`] made `regex` from, for `import` of a block: `None` for a regular
/// expression `compile` does not write.
pub fn decompile(regex: &str) -> Option<String> {
    // `%` is itself a pattern's character: `%41` is `A` encoded, or the three characters.
    [true, false].into_iter().find_map(|decode| decompiled(regex, decode))
}

fn decompiled(regex: &str, decode: bool) -> Option<String> {
    let mut rest = regex.strip_prefix('^')?.strip_suffix('$')?;
    let mut pattern = String::new();
    let mut bytes = Vec::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("(?:/.*)?") {
            pattern.push_str("/**");
            rest = after;
        } else if let Some(after) = rest.strip_prefix("[^/]*") {
            pattern.push('*');
            rest = after;
        } else if let Some(hex) = rest.strip_prefix('%').and_then(|after| after.get(..2)).filter(|_| decode) {
            // Percent-encoded bytes, gathered until they make a character.
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &rest[3..];
            if let Ok(text) = std::str::from_utf8(&bytes) {
                pattern.push_str(text);
                bytes.clear();
            }
            continue;
        } else {
            let escaped = rest.starts_with('\\');
            let mut chars = rest[usize::from(escaped)..].chars();
            let c = chars.next()?;
            pattern.push(c);
            rest = chars.as_str();
        }
        if !bytes.is_empty() {
            return None;
        }
    }
    (bytes.is_empty() && pattern.starts_with('/') && compile(&pattern).ok()? == regex).then_some(pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decompile_gives_back_the_pattern() {
        for pattern in ["/checkout/**", "/help/*", "/", "/a.b/(x)+", "/caf\u{e9} menu/*/**", "/**", "/%41"] {
            let regex = compile(pattern).unwrap();
            let back = decompile(&regex).unwrap_or_else(|| panic!("{pattern}: {regex}"));
            assert_eq!(compile(&back).unwrap(), regex, "{pattern}");
        }
        assert_eq!(decompile("^/help/[^/]*$").as_deref(), Some("/help/*"));
        assert_eq!(decompile("^/a(?:/.*)?$").as_deref(), Some("/a/**"));
        assert_eq!(decompile(".*"), None);
    }

    fn matches(pattern: &str, path: &str) -> bool {
        regex_lite::Regex::new(&compile(pattern).unwrap()).unwrap().is_match(path)
    }

    #[test]
    fn stars_stay_in_a_segment_and_double_stars_span_them() {
        assert!(matches("/help/*", "/help/returns"));
        assert!(matches("/help/*", "/help/"));
        assert!(!matches("/help/*", "/help/a/b"));
        assert!(!matches("/help/*", "/help"));
        for path in ["/checkout", "/checkout/", "/checkout/pay", "/checkout/pay/card"] {
            assert!(matches("/checkout/**", path), "{path}");
        }
        assert!(!matches("/checkout/**", "/checkouts"));
        assert!(matches("/a/**/b", "/a/b") && matches("/a/**/b", "/a/x/y/b") && !matches("/a/**/b", "/a/xb"));
        assert!(matches("/docs/*.html", "/docs/x.html") && !matches("/docs/*.html", "/docs/xhtml"));
        assert!(
            matches("/pricing", "/pricing") && !matches("/pricing", "/pricing/") && !matches("/pricing", "/x/pricing")
        );
        assert!(matches("/caf\u{e9} menu", "/caf%C3%A9%20menu"), "as location.pathname writes it");
        assert!(matches("/a+b(1)", "/a+b(1)") && !matches("/a+b(1)", "/aab1"));
    }

    #[test]
    fn urls_and_relative_paths_get_the_path_meant() {
        let meant = |pattern: &str| compile(pattern).unwrap_err().meant;
        assert_eq!(meant("https://shop.example/x?y=1"), Some("/x".into()));
        assert_eq!(meant("https://shop.example"), Some("/".into()));
        assert_eq!(meant("pricing"), Some("/pricing".into()));
        assert_eq!(meant("/help?x"), Some("/help".into()));
        assert_eq!(compile(" ").unwrap_err().meant, None);
    }
}
