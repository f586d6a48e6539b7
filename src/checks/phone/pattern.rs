//! libphonenumber's national number patterns, compiled when ssq-gen is built into a small bytecode
//! that [`matches`] runs as it is: no pattern is parsed or compiled at run time. `build.rs` includes
//! this file to [`compile`] the metadata's patterns; `phone.rs` runs them.
//!
//! The patterns use a small part of regular expression syntax: digits, `\d`, `[…]` classes of
//! digits and digit ranges, `(?:…)` groups, `|`, `?`, and `{n}` or `{n,m}` repeats. [`compile`]
//! refuses anything else, so metadata that needs more fails the build rather than matching wrongly.
//! A unit test compares the bytecode with regex-lite over every pattern of the metadata.

/// One digit out of a set: `CLASS mask:u16` (bit `d` for digit `d`).
const CLASS: u8 = 0;
/// `REPEAT min:u8 max:u8 node`.
const REPEAT: u8 = 1;
/// `ALT count:u16`, then per alternative `len:u16 node`.
const ALT: u8 = 2;
/// `SEQ count:u16 len:u16 node…` (`len`: the nodes' bytes).
const SEQ: u8 = 3;

#[derive(Debug)]
enum Node {
    Class(u16),
    Repeat(Box<Node>, u8, u8),
    Alt(Vec<Node>),
    Seq(Vec<Node>),
}

/// The bytecode of `pattern`, which must match a whole national number.
#[allow(dead_code)] // build.rs compiles; the library only runs, but for its tests.
pub fn compile(pattern: &str) -> Result<Vec<u8>, String> {
    let pattern: Vec<u8> = pattern.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let mut parser = Parser { text: &pattern, at: 0 };
    let node = parser.alternation()?;
    if parser.at != pattern.len() {
        return Err(parser.error("an unmatched `)`"));
    }
    let mut code = Vec::new();
    emit(&node, &mut code)?;
    Ok(code)
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        format!("{what} at byte {} of `{}`", self.at, String::from_utf8_lossy(self.text))
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn eat(&mut self, token: &[u8]) -> bool {
        let found = self.text[self.at..].starts_with(token);
        if found {
            self.at += token.len();
        }
        found
    }

    fn alternation(&mut self) -> Result<Node, String> {
        let mut alternatives = vec![self.sequence()?];
        while self.eat(b"|") {
            alternatives.push(self.sequence()?);
        }
        Ok(if alternatives.len() == 1 { alternatives.pop().expect("one") } else { Node::Alt(alternatives) })
    }

    fn sequence(&mut self) -> Result<Node, String> {
        let mut nodes = Vec::new();
        while let Some(c) = self.peek().filter(|c| !matches!(c, b'|' | b')')) {
            let atom = match c {
                b'0'..=b'9' => {
                    self.at += 1;
                    Node::Class(1 << (c - b'0'))
                }
                b'[' => self.class()?,
                b'\\' if self.eat(b"\\d") => Node::Class(0x3ff),
                b'(' if self.eat(b"(?:") => {
                    let inner = self.alternation()?;
                    if !self.eat(b")") {
                        return Err(self.error("an unclosed group"));
                    }
                    inner
                }
                _ => return Err(self.error("unsupported syntax")),
            };
            nodes.push(self.repeat(atom)?);
        }
        Ok(if nodes.len() == 1 { nodes.pop().expect("one") } else { Node::Seq(nodes) })
    }

    fn class(&mut self) -> Result<Node, String> {
        self.at += 1;
        let mut mask = 0u16;
        loop {
            match self.text.get(self.at..self.at + 3) {
                Some([low @ b'0'..=b'9', b'-', high @ b'0'..=b'9']) if low <= high => {
                    (*low..=*high).for_each(|d| mask |= 1 << (d - b'0'));
                    self.at += 3;
                    continue;
                }
                _ => {}
            }
            match self.peek() {
                Some(d @ b'0'..=b'9') => {
                    mask |= 1 << (d - b'0');
                    self.at += 1;
                }
                Some(b']') if mask != 0 => {
                    self.at += 1;
                    return Ok(Node::Class(mask));
                }
                _ => return Err(self.error("an unsupported class")),
            }
        }
    }

    fn repeat(&mut self, atom: Node) -> Result<Node, String> {
        if self.eat(b"?") {
            return Ok(Node::Repeat(Box::new(atom), 0, 1));
        }
        if !self.eat(b"{") {
            return Ok(atom);
        }
        let number = |parser: &mut Self| -> Result<u8, String> {
            let start = parser.at;
            while parser.peek().is_some_and(|c| c.is_ascii_digit()) {
                parser.at += 1;
            }
            std::str::from_utf8(&parser.text[start..parser.at])
                .ok()
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| parser.error("a repeat count"))
        };
        let min = number(self)?;
        let max = if self.eat(b",") { number(self)? } else { min };
        if !self.eat(b"}") || max < min || max == 0 {
            return Err(self.error("an unsupported repeat"));
        }
        Ok(Node::Repeat(Box::new(atom), min, max))
    }
}

fn emit(node: &Node, code: &mut Vec<u8>) -> Result<(), String> {
    let u16_of = |n: usize| u16::try_from(n).map(u16::to_le_bytes).map_err(|_| "a pattern too large".to_string());
    match node {
        Node::Class(mask) => {
            code.push(CLASS);
            code.extend(mask.to_le_bytes());
        }
        Node::Repeat(inner, min, max) => {
            code.extend([REPEAT, *min, *max]);
            emit(inner, code)?;
        }
        Node::Alt(alternatives) => {
            code.push(ALT);
            code.extend(u16_of(alternatives.len())?);
            for alternative in alternatives {
                let mut bytes = Vec::new();
                emit(alternative, &mut bytes)?;
                code.extend(u16_of(bytes.len())?);
                code.extend(bytes);
            }
        }
        Node::Seq(nodes) => {
            let mut bytes = Vec::new();
            for node in nodes {
                emit(node, &mut bytes)?;
            }
            code.push(SEQ);
            code.extend(u16_of(nodes.len())?);
            code.extend(u16_of(bytes.len())?);
            code.extend(bytes);
        }
    }
    Ok(())
}

/// Whether `program` matches the whole of `input` (ASCII digits).
#[allow(dead_code)] // build.rs only compiles.
pub fn matches(program: &[u8], input: &[u8]) -> bool {
    !program.is_empty() && node(program, 0, input, 0, &mut |end| end == input.len())
}

/// Whether `program` matches the start of `input` (libphonenumber's `lookingAt`, for leading digits).
#[allow(dead_code)] // build.rs only compiles.
pub fn matches_start(program: &[u8], input: &[u8]) -> bool {
    !program.is_empty() && node(program, 0, input, 0, &mut |_| true)
}

fn read_u16(code: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([code[at], code[at + 1]]))
}

/// Where the node at `at` ends.
fn end(code: &[u8], at: usize) -> usize {
    match code[at] {
        CLASS => at + 3,
        REPEAT => end(code, at + 3),
        ALT => {
            let mut next = at + 3;
            for _ in 0..read_u16(code, at + 1) {
                next += 2 + read_u16(code, next);
            }
            next
        }
        _ => at + 5 + read_u16(code, at + 3),
    }
}

/// Matches the node at `at` from `pos`, then asks `then` about each place it can end, until one
/// suits: a backtracking search, short since numbers have at most 17 digits.
fn node(code: &[u8], at: usize, input: &[u8], pos: usize, then: &mut dyn FnMut(usize) -> bool) -> bool {
    match code[at] {
        CLASS => {
            let mask = read_u16(code, at + 1);
            match input.get(pos) {
                Some(&c) if c.is_ascii_digit() && mask & (1 << (c - b'0')) != 0 => then(pos + 1),
                _ => false,
            }
        }
        REPEAT => repeat(code, at + 3, (code[at + 1], code[at + 2]), 0, input, pos, then),
        ALT => {
            let mut next = at + 3;
            for _ in 0..read_u16(code, at + 1) {
                if node(code, next + 2, input, pos, then) {
                    return true;
                }
                next += 2 + read_u16(code, next);
            }
            false
        }
        _ => sequence(code, at + 5, read_u16(code, at + 1), input, pos, then),
    }
}

fn sequence(
    code: &[u8],
    at: usize,
    count: usize,
    input: &[u8],
    pos: usize,
    then: &mut dyn FnMut(usize) -> bool,
) -> bool {
    if count == 0 {
        return then(pos);
    }
    let next = end(code, at);
    node(code, at, input, pos, &mut |p| sequence(code, next, count - 1, input, p, then))
}

fn repeat(
    code: &[u8],
    inner: usize,
    (min, max): (u8, u8),
    done: u8,
    input: &[u8],
    pos: usize,
    then: &mut dyn FnMut(usize) -> bool,
) -> bool {
    (done < max && node(code, inner, input, pos, &mut |p| repeat(code, inner, (min, max), done + 1, input, p, then)))
        || (done >= min && then(pos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_patterns() {
        let yes = |pattern: &str, input: &str| matches(&compile(pattern).unwrap(), input.as_bytes());
        assert!(yes("1[2-4]\\d{2}", "1399"));
        assert!(!yes("1[2-4]\\d{2}", "1599"));
        assert!(!yes("1[2-4]\\d{2}", "13991"), "the whole number, not a prefix");
        assert!(yes("(?:12|3)4?5{1,2}", "1255") && yes("(?:12|3)4?5{1,2}", "345") && !yes("(?:12|3)4?5{1,2}", "3"));
        assert!(yes("(?:1?){2}2", "2"), "empty iterations count towards the minimum");
        let starts = |pattern: &str, input: &str| matches_start(&compile(pattern).unwrap(), input.as_bytes());
        assert!(starts("340|6(?:49|70)", "3406421234") && starts("340|6(?:49|70)", "670") && !starts("340", "34"));
        for bad in ["1+", "[^1]", "(1)", "1{2", "a", "1{3,2}", "(?:1", "1)", "[]"] {
            assert!(compile(bad).is_err(), "{bad}");
        }
    }

    /// Every national number pattern of the metadata, against regex-lite, over digit strings made
    /// from the pattern's own example numbers and every length from 1 to 17 of a few fillers.
    #[test]
    fn agrees_with_regex_lite_on_every_pattern_of_the_metadata() {
        let xml = include_str!("PhoneNumberMetadata.xml");
        let mut checked = 0;
        for block in xml.split("<nationalNumberPattern>").skip(1) {
            let source: String = block[..block.find("</nationalNumberPattern>").unwrap()]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let program = compile(&source).unwrap_or_else(|err| panic!("{err}"));
            let regex = regex_lite::Regex::new(&format!("^(?:{source})$")).unwrap();
            let example = block
                .split_once("<exampleNumber>")
                .and_then(|(_, rest)| rest.split_once("</exampleNumber>"))
                .map(|(number, _)| number.trim().to_string());
            let mut inputs: Vec<String> = Vec::new();
            if let Some(example) = example.filter(|e| !e.contains('<')) {
                for i in 0..example.len() {
                    inputs.push(format!("{}{}", &example[..i], &example[i + 1..]));
                    for d in ['0', '5', '9'] {
                        inputs.push(format!("{}{d}{}", &example[..i], &example[i + 1..]));
                    }
                }
                inputs.push(format!("{example}0"));
                inputs.push(example);
            }
            for len in 1..=17 {
                for filler in ["0123456789", "9876543210", "1111111111", "2000000000", "7777777777"] {
                    inputs.push(filler.chars().cycle().take(len).collect());
                }
            }
            for input in &inputs {
                assert_eq!(matches(&program, input.as_bytes()), regex.is_match(input), "`{source}` on {input}");
                checked += 1;
            }
        }
        assert!(checked > 150_000, "{checked}");
    }

    /// Every territory's leading digits, matched at the start, against regex-lite.
    #[test]
    fn leading_digits_agree_with_regex_lite() {
        let xml = include_str!("PhoneNumberMetadata.xml");
        let mut checked = 0;
        for attribute in xml.split(" leadingDigits=\"").skip(1) {
            let source = &attribute[..attribute.find('"').unwrap()];
            let program = compile(source).unwrap_or_else(|err| panic!("{err}"));
            let regex = regex_lite::Regex::new(&format!("^(?:{source})")).unwrap();
            for first in 0..1000 {
                let input = format!("{first:03}1234567");
                for len in [1, 2, 3, 10] {
                    let input = &input[..len];
                    assert_eq!(
                        matches_start(&program, input.as_bytes()),
                        regex.is_match(input),
                        "`{source}` on {input}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 50_000, "{checked}");
    }
}
