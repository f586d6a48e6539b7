//! CSS selectors, checked as Chromium's `querySelector` and `Element.matches` accept them: a
//! selector list of complex selectors, compound selectors of type (with `*|` or `|` namespaces),
//! universal, `&`, `#id`, `.class`, `[attribute]` and pseudo-classes, joined by combinators, read
//! the way CSS reads text (comments are nothing, and what is left open at the end is closed). A
//! selector the browser would refuse makes `matches()` throw, so the launcher would silently never
//! work: refusing it here, with the position, is the point. Pseudo-elements match no element and
//! are refused too (a documented policy). tests/cli/selector_agreement.rs measures the agreement
//! with Chromium over more than a thousand selectors from public test suites.

/// Pseudo-classes browsers support; an unknown one is a syntax error for `matches()`.
const PSEUDO_CLASSES: &[&str] = &[
    "-webkit-any-link",
    "-webkit-autofill",
    "active",
    "any-link",
    "autofill",
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
    "host",
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
    "open",
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
    "user-invalid",
    "user-valid",
    "valid",
    "visited",
];
/// Functional pseudo-classes taking a selector list (`:has` a relative one).
const SELECTOR_FUNCTIONS: &[&str] = &["not", "has"];
/// Functional pseudo-classes taking a forgiving selector list: anything, even nothing.
const FORGIVING_FUNCTIONS: &[&str] = &["is", "where"];
/// Functional pseudo-classes taking `An+B`, and `of S` for the first two.
const NTH_FUNCTIONS: &[&str] = &["nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type"];
/// Functional pseudo-classes taking identifiers (no strings: Chromium refuses `:lang("en")`).
const IDENT_FUNCTIONS: &[&str] = &["lang", "dir", "state"];
/// Functional pseudo-classes taking one compound selector.
const COMPOUND_FUNCTIONS: &[&str] = &["host", "host-context"];
/// Pseudo-elements written with one colon, from CSS 2: as refused as their `::` forms.
const LEGACY_PSEUDO_ELEMENTS: &[&str] = &["before", "after", "first-line", "first-letter"];

/// Why a selector is not valid, at which character (0-based).
#[derive(Debug, PartialEq, Eq)]
pub struct SelectorError {
    pub at: usize,
    pub reason: String,
}

pub fn validate(selector: &str) -> Result<(), SelectorError> {
    let chars = without_comments(selector);
    let mut parser = Parser { chars: &chars, pos: 0, depth: 0, inside_has: false };
    parser.selector_list()?;
    parser.skip_whitespace();
    match parser.peek() {
        None => Ok(()),
        Some(c) => parser.fail(format!("unexpected `{c}`")),
    }
}

/// The selector's characters with its comments removed, as CSS tokenization removes them. Where a
/// comment stood between two name characters (`a/**/b`, two names, not one) a NUL takes its place,
/// which no selector may hold.
fn without_comments(selector: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(selector.len());
    let chars: Vec<char> = selector.chars().collect();
    let (mut i, mut quote) = (0, None);
    while i < chars.len() {
        match (quote, chars[i], chars.get(i + 1)) {
            (None, '/', Some('*')) => {
                let end = (i + 2..chars.len()).find(|&j| chars[j] == '*' && chars.get(j + 1) == Some(&'/'));
                i = end.map_or(chars.len(), |j| j + 2);
                let name = |c: Option<&char>| c.is_some_and(|&c| c.is_alphanumeric() || c == '-' || c == '_');
                if name(out.last()) && name(chars.get(i)) {
                    out.push('\0');
                }
                continue;
            }
            (None, c @ ('"' | '\''), _) => quote = Some(c),
            (Some(q), c, _) if c == q => quote = None,
            (_, '\\', Some(&next)) => {
                out.extend(['\\', next]);
                i += 2;
                continue;
            }
            _ => {}
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    depth: usize,
    /// Inside `:has()`, where Chromium refuses another `:has()`.
    inside_has: bool,
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

    /// The closing `]` or `)` of a bracket; at the end of the selector it is implied, as CSS
    /// closes what is left open (`[rel=stylesheet` is `[rel=stylesheet]`).
    fn close(&mut self, bracket: char) -> Result<(), SelectorError> {
        match self.peek() {
            None => Ok(()),
            Some(c) if c == bracket => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => self.fail(format!("expected `{bracket}`")),
        }
    }

    fn skip_whitespace(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(is_whitespace) {
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
        self.type_selector()?;
        loop {
            match self.peek() {
                // The nesting selector: in `querySelector`, the scoping element.
                Some('&') => self.pos += 1,
                Some('#') => {
                    self.pos += 1;
                    self.identifier_or_fail("an id after `#` (an identifier: not starting with a digit)")?;
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

    /// `a`, `*`, and their namespaced forms `*|a`, `|a`, `*|*`. A named prefix (`svg|a`) is
    /// refused: `querySelector` has no namespace declarations, and throws.
    fn type_selector(&mut self) -> Result<(), SelectorError> {
        if self.namespace_prefix() {
            return match self.peek() {
                Some('*') => {
                    self.pos += 1;
                    Ok(())
                }
                _ => self.identifier_or_fail("an element name or `*` after `|`"),
            };
        }
        match self.peek() {
            Some('*') => self.pos += 1,
            Some(c) if starts_identifier(c, self.peek_at(1)) => {
                self.identifier()?;
                if self.peek() == Some('|') && self.peek_at(1) != Some('=') {
                    return self.fail("a namespace prefix is undeclared in `querySelector`: write `*|` or `|`");
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// `*|` or `|` (not `|=`): whether one was read.
    fn namespace_prefix(&mut self) -> bool {
        match (self.peek(), self.peek_at(1), self.peek_at(2)) {
            (Some('*'), Some('|'), next) if next != Some('=') => self.pos += 2,
            (Some('|'), next, _) if next != Some('=') => self.pos += 1,
            _ => return false,
        }
        true
    }

    fn attribute(&mut self) -> Result<(), SelectorError> {
        self.pos += 1;
        self.skip_whitespace();
        self.namespace_prefix();
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
        // Chromium knows the `i` flag only; `s` is refused.
        if matches!(self.peek(), Some('i' | 'I')) && !self.peek_at(1).is_some_and(|c| c.is_alphanumeric()) {
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
        let name = name.as_str();
        if LEGACY_PSEUDO_ELEMENTS.contains(&name) {
            self.pos = start - 1;
            return self.fail(format!("`:{name}` is a pseudo-element, and pseudo-elements match no element"));
        }
        if self.peek() != Some('(') {
            if PSEUDO_CLASSES.contains(&name) {
                return Ok(());
            }
            self.pos = start;
            return self.fail(format!("unknown pseudo-class `:{name}`"));
        }
        self.pos += 1;
        self.skip_whitespace();
        if name == "has" && self.inside_has {
            self.pos = start;
            return self.fail("`:has()` cannot hold another `:has()`");
        }
        if FORGIVING_FUNCTIONS.contains(&name) {
            // A forgiving list: Chromium accepts whatever is inside, so only its end is looked for.
            self.skip_balanced();
        } else if SELECTOR_FUNCTIONS.contains(&name) {
            let outer = self.inside_has;
            self.inside_has |= name == "has";
            self.selector_list()?;
            self.inside_has = outer;
        } else if NTH_FUNCTIONS.contains(&name) {
            self.an_plus_b()?;
            let spaced = self.skip_whitespace();
            let of = self.chars[self.pos..].iter().take(2).collect::<String>().eq_ignore_ascii_case("of");
            if name.starts_with("nth-")
                && !name.ends_with("of-type")
                && spaced
                && of
                && self.peek_at(2).is_some_and(is_whitespace)
            {
                self.pos += 2;
                self.selector_list()?;
            }
        } else if IDENT_FUNCTIONS.contains(&name) {
            loop {
                self.identifier_or_fail(if name == "state" { "a state name" } else { "a language or direction" })?;
                self.skip_whitespace();
                if name != "lang" || self.peek() != Some(',') {
                    break;
                }
                self.pos += 1;
                self.skip_whitespace();
            }
        } else if COMPOUND_FUNCTIONS.contains(&name) {
            self.compound()?;
        } else {
            self.pos = start;
            return self.fail(format!("unknown pseudo-class `:{name}()`"));
        }
        self.skip_whitespace();
        self.close(')')
    }

    /// Up to the `)` that closes the current function (or the end), past strings and brackets.
    fn skip_balanced(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' if depth == 0 => return,
                ')' | ']' => depth -= 1,
                '"' | '\'' => {
                    let _ = self.string(c);
                    continue;
                }
                '\\' => self.pos += 1,
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// `odd`, `even`, `3`, `-n+3`, `2n + 1`, … as CSS Syntax reads them: no space inside `2n` or
    /// `+n`, and a sign then a number after the `n`, with spaces around the sign allowed.
    fn an_plus_b(&mut self) -> Result<(), SelectorError> {
        let start = self.pos;
        let fail = |parser: &mut Self| {
            parser.pos = start;
            parser.fail("expected `An+B`, `odd` or `even`")
        };
        let word: String = self.chars[self.pos..].iter().take(4).collect::<String>().to_ascii_lowercase();
        if word.starts_with("odd") || word.starts_with("even") {
            self.pos += if word.starts_with("odd") { 3 } else { 4 };
            return Ok(());
        }
        if matches!(self.peek(), Some('+' | '-')) {
            self.pos += 1;
        }
        let digits = self.digits();
        if !matches!(self.peek(), Some('n' | 'N')) {
            // B alone: a signed integer.
            return if digits > 0 { Ok(()) } else { fail(self) };
        }
        self.pos += 1;
        let after_n = self.pos;
        self.skip_whitespace();
        if matches!(self.peek(), Some('+' | '-')) {
            self.pos += 1;
            self.skip_whitespace();
            let signless = !matches!(self.peek(), Some('+' | '-'));
            if !signless || self.digits() == 0 {
                return fail(self);
            }
        } else {
            self.pos = after_n;
        }
        if self.peek().is_some_and(|c| c.is_alphanumeric()) {
            return fail(self);
        }
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn string(&mut self, quote: char) -> Result<(), SelectorError> {
        self.pos += 1;
        loop {
            match self.peek() {
                // At the end, CSS closes the string; a line break inside it is an error.
                None => return Ok(()),
                Some('\n') => return self.fail("unterminated string"),
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
                        // At the end, CSS reads a lone backslash as U+FFFD.
                        None => return Ok(()),
                        Some('\n') => return self.fail("a backslash must escape something"),
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

/// CSS whitespace: space, tab, line feed, carriage return, form feed.
fn is_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

fn starts_identifier(c: char, next: Option<char>) -> bool {
    let name_start = |c: char| c.is_alphabetic() || c == '_' || !c.is_ascii() || c == '\\';
    name_start(c) || (c == '-' && next.is_some_and(|n| name_start(n) || n == '-'))
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
            "a[title='x]",
            "[rel=stylesheet",
            "*|a",
            "[*|href]",
            "&.open",
            "/* a comment */ .a",
            ":is(.a, 1bad)",
            ":host(.a)",
            ":state(open)",
            ":nth-child(2n+ 1)",
            ":nth-child(2n -1)",
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
            ("</script>", 0),
            ("a:not(", 6),
            ("#123", 1),
            (":nth-child(+ 3)", 11),
            (":nth-child(2 n)", 13),
            (":nth-of-type(2n of p)", 16),
            (":has(:has(a))", 6),
            (":lang(\"en\")", 6),
            ("[a=b s]", 5),
            ("svg|a", 3),
            ("p:before", 1),
            ("a/**/b", 1),
        ] {
            let err = validate(bad).expect_err(bad);
            assert_eq!(err.at, at, "{bad}: {}", err.reason);
        }
    }
}
