//! CSS selectors, checked against the grammar of Selectors Level 4 as `querySelector` and
//! `Element.matches` accept it: a selector list of complex selectors, compound selectors of type,
//! universal, `#id`, `.class`, `[attribute]` and pseudo-classes, joined by combinators. A selector
//! the browser would refuse makes `matches()` throw, so the launcher would silently never work:
//! refusing it here, with the position, is the point. Pseudo-elements match no element and are
//! refused too.

/// Pseudo-classes browsers support; an unknown one is a syntax error for `matches()`.
const PSEUDO_CLASSES: &[&str] = &[
    "active",
    "any-link",
    "checked",
    "default",
    "defined",
    "disabled",
    "empty",
    "enabled",
    "first-child",
    "first-of-type",
    "focus",
    "focus-visible",
    "focus-within",
    "fullscreen",
    "hover",
    "in-range",
    "indeterminate",
    "invalid",
    "last-child",
    "last-of-type",
    "link",
    "modal",
    "only-child",
    "only-of-type",
    "optional",
    "out-of-range",
    "placeholder-shown",
    "popover-open",
    "read-only",
    "read-write",
    "required",
    "root",
    "scope",
    "target",
    "valid",
    "visited",
];
/// Functional pseudo-classes taking a selector list.
const SELECTOR_FUNCTIONS: &[&str] = &["not", "is", "where", "has"];
/// Functional pseudo-classes taking `An+B [of S]`.
const NTH_FUNCTIONS: &[&str] = &["nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type"];
/// Functional pseudo-classes taking an identifier list.
const IDENT_FUNCTIONS: &[&str] = &["lang", "dir"];

/// Why a selector is not valid, at which character (0-based).
#[derive(Debug, PartialEq, Eq)]
pub struct SelectorError {
    pub at: usize,
    pub reason: String,
}

pub fn validate(selector: &str) -> Result<(), SelectorError> {
    let chars: Vec<char> = selector.chars().collect();
    let mut parser = Parser { chars: &chars, pos: 0, depth: 0 };
    parser.selector_list()?;
    parser.skip_whitespace();
    match parser.peek() {
        None => Ok(()),
        Some(c) => parser.fail(format!("unexpected `{c}`")),
    }
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn fail<T>(&self, reason: impl Into<String>) -> Result<T, SelectorError> {
        Err(SelectorError { at: self.pos, reason: reason.into() })
    }

    /// The closing `]` or `)` of a bracket.
    fn close(&mut self, bracket: char) -> Result<(), SelectorError> {
        if self.peek() != Some(bracket) {
            return self.fail(format!("expected `{bracket}`"));
        }
        self.pos += 1;
        Ok(())
    }

    fn skip_whitespace(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r' | '\u{c}')) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn selector_list(&mut self) -> Result<(), SelectorError> {
        self.depth += 1;
        if self.depth > 32 {
            return self.fail("selectors nested too deeply");
        }
        loop {
            self.skip_whitespace();
            self.complex_selector()?;
            self.skip_whitespace();
            if self.peek() == Some(',') {
                self.pos += 1;
            } else {
                break;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Compound selectors joined by combinators (descendant, `>`, `+`, `~`). Inside a functional
    /// pseudo-class a leading combinator is accepted, as `:has(> img)` needs.
    fn complex_selector(&mut self) -> Result<(), SelectorError> {
        if matches!(self.peek(), Some('>' | '+' | '~')) && self.depth > 1 {
            self.pos += 1;
            self.skip_whitespace();
        }
        self.compound()?;
        loop {
            let spaced = self.skip_whitespace();
            match self.peek() {
                Some('>' | '+' | '~') => {
                    self.pos += 1;
                    self.skip_whitespace();
                    self.compound()?;
                }
                Some(c) if spaced && c != ',' && c != ')' => self.compound()?,
                _ => return Ok(()),
            }
        }
    }

    fn compound(&mut self) -> Result<(), SelectorError> {
        let start = self.pos;
        match self.peek() {
            Some('*') => self.pos += 1,
            Some(c) if starts_identifier(c, self.peek_at(1)) => self.identifier()?,
            _ => {}
        }
        loop {
            match self.peek() {
                Some('#') => {
                    self.pos += 1;
                    self.name("an id after `#`")?;
                }
                Some('.') => {
                    self.pos += 1;
                    self.identifier_or_fail("a class name after `.`")?;
                }
                Some('[') => self.attribute()?,
                Some(':') if self.peek_at(1) == Some(':') => {
                    return self.fail("pseudo-elements (`::`) match no element");
                }
                Some(':') => self.pseudo_class()?,
                _ => break,
            }
        }
        if self.pos == start {
            return match self.peek() {
                None => self.fail("a selector is missing (empty, or ends with a combinator or `,`)"),
                Some(c) => self.fail(format!("a selector cannot start with `{c}`")),
            };
        }
        Ok(())
    }

    fn attribute(&mut self) -> Result<(), SelectorError> {
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some('*') || self.peek() == Some('|') {
            return self.fail("namespaced attributes are not supported");
        }
        self.identifier_or_fail("an attribute name after `[`")?;
        self.skip_whitespace();
        match (self.peek(), self.peek_at(1)) {
            (Some(']'), _) => {
                self.pos += 1;
                return Ok(());
            }
            (Some('='), _) => self.pos += 1,
            (Some('~' | '|' | '^' | '$' | '*'), Some('=')) => self.pos += 2,
            _ => return self.fail("expected `]` or an operator (`=`, `~=`, `|=`, `^=`, `$=`, `*=`)"),
        }
        self.skip_whitespace();
        match self.peek() {
            Some(quote @ ('"' | '\'')) => self.string(quote)?,
            Some(c) if starts_identifier(c, self.peek_at(1)) => self.identifier()?,
            _ => return self.fail("expected a quoted value or an identifier"),
        }
        self.skip_whitespace();
        if matches!(self.peek(), Some('i' | 'I' | 's' | 'S')) {
            self.pos += 1;
            self.skip_whitespace();
        }
        self.close(']')
    }

    fn pseudo_class(&mut self) -> Result<(), SelectorError> {
        self.pos += 1;
        let start = self.pos;
        self.identifier_or_fail("a pseudo-class name after `:`")?;
        let name: String = self.chars[start..self.pos].iter().collect::<String>().to_ascii_lowercase();
        if self.peek() != Some('(') {
            if PSEUDO_CLASSES.contains(&name.as_str()) {
                return Ok(());
            }
            self.pos = start;
            return self.fail(format!("unknown pseudo-class `:{name}`"));
        }
        self.pos += 1;
        self.skip_whitespace();
        if SELECTOR_FUNCTIONS.contains(&name.as_str()) {
            self.selector_list()?;
        } else if NTH_FUNCTIONS.contains(&name.as_str()) {
            self.an_plus_b()?;
            self.skip_whitespace();
            if self.chars[self.pos..].starts_with(&['o', 'f']) && matches!(self.peek_at(2), Some(' ')) {
                self.pos += 2;
                self.selector_list()?;
            }
        } else if IDENT_FUNCTIONS.contains(&name.as_str()) {
            loop {
                match self.peek() {
                    Some(quote @ ('"' | '\'')) => self.string(quote)?,
                    _ => self.identifier_or_fail("a language or direction")?,
                }
                self.skip_whitespace();
                if self.peek() != Some(',') {
                    break;
                }
                self.pos += 1;
                self.skip_whitespace();
            }
        } else {
            self.pos = start;
            return self.fail(format!("unknown pseudo-class `:{name}()`"));
        }
        self.skip_whitespace();
        self.close(')')
    }

    /// `odd`, `even`, `3`, `-n+3`, `2n + 1`, …
    fn an_plus_b(&mut self) -> Result<(), SelectorError> {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | ' ')) {
            if self.chars[self.pos..].starts_with(&[' ', 'o', 'f', ' ']) {
                break;
            }
            self.pos += 1;
        }
        let text: String =
            self.chars[start..self.pos].iter().filter(|c| **c != ' ').collect::<String>().to_ascii_lowercase();
        let valid = match text.as_str() {
            "odd" | "even" => true,
            _ => match text.split_once('n') {
                None => is_integer(&text),
                Some((a, b)) => {
                    matches!(a, "" | "+" | "-")
                        || is_integer(a)
                            && (b.is_empty()
                                || (b.starts_with(['+', '-'])
                                    && b[1..].chars().all(|c| c.is_ascii_digit())
                                    && b.len() > 1))
                }
            },
        };
        if valid {
            Ok(())
        } else {
            self.pos = start;
            self.fail("expected `An+B`, `odd` or `even`")
        }
    }

    fn string(&mut self, quote: char) -> Result<(), SelectorError> {
        self.pos += 1;
        loop {
            match self.peek() {
                None | Some('\n') => return self.fail("unterminated string"),
                Some('\\') => self.pos += 2,
                Some(c) if c == quote => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn identifier_or_fail(&mut self, what: &str) -> Result<(), SelectorError> {
        match self.peek() {
            Some(c) if starts_identifier(c, self.peek_at(1)) => self.identifier(),
            _ => self.fail(format!("expected {what}")),
        }
    }

    /// An identifier, or (for `#id`) a name, which may start with a digit.
    fn name(&mut self, what: &str) -> Result<(), SelectorError> {
        let start = self.pos;
        self.name_chars()?;
        if self.pos == start { self.fail(format!("expected {what}")) } else { Ok(()) }
    }

    fn identifier(&mut self) -> Result<(), SelectorError> {
        if self.peek() == Some('-') {
            self.pos += 1;
        }
        self.name_chars()
    }

    fn name_chars(&mut self) -> Result<(), SelectorError> {
        loop {
            match self.peek() {
                Some('\\') => {
                    self.pos += 1;
                    match self.peek() {
                        None | Some('\n') => return self.fail("a backslash must escape something"),
                        // `\31 ` is a hex escape: up to six hex digits, then one optional space.
                        Some(c) if c.is_ascii_hexdigit() => {
                            let digits =
                                self.chars[self.pos..].iter().take(6).take_while(|c| c.is_ascii_hexdigit()).count();
                            self.pos += digits;
                            if matches!(self.peek(), Some(' ' | '\t' | '\n')) {
                                self.pos += 1;
                            }
                        }
                        Some(_) => self.pos += 1,
                    }
                }
                Some(c) if c.is_alphanumeric() || c == '-' || c == '_' || !c.is_ascii() => self.pos += 1,
                _ => return Ok(()),
            }
        }
    }
}

fn starts_identifier(c: char, next: Option<char>) -> bool {
    let name_start = |c: char| c.is_alphabetic() || c == '_' || !c.is_ascii() || c == '\\';
    name_start(c) || (c == '-' && next.is_some_and(|n| name_start(n) || n == '-'))
}

fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_browsers_accept() {
        for ok in [
            "#help-btn",
            ".contact-support",
            "#payment-failed a",
            "button.chat, a[href$=\".pdf\" i] > span",
            "ul li:nth-child(2n + 1):not(.x, #y)",
            "div:has(> img)",
            "[data-chat]",
            "a[title='it\\'s']",
            "*",
            "#\\31 23",
            "nav ~ .x + .y",
            ":is(h1, h2):hover",
            "li:nth-of-type(odd)",
            ".été",
            "input:lang(en, fr)",
            "li:nth-child(-n+3 of .item)",
        ] {
            assert_eq!(validate(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn refuses_what_browsers_refuse_with_a_position() {
        for (bad, at) in [
            ("", 0),
            ("#", 1),
            ("..x", 1),
            ("a >", 3),
            ("a,", 2),
            ("div[", 4),
            ("a[href=]", 7),
            ("a:hovr", 2),
            ("p::before", 1),
            ("li:nth-child(x)", 13),
            ("a)", 1),
            ("#a b {", 5),
            ("a[title='x]", 11),
            ("</script>", 0),
            ("a:not(", 6),
        ] {
            let err = validate(bad).expect_err(bad);
            assert_eq!(err.at, at, "{bad}: {}", err.reason);
        }
    }
}
