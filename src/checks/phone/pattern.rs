//! libphonenumber's patterns (national numbers, leading digits, prefixes), compiled when ssq-gen is
//! built into a small bytecode that [`matches`], [`matches_start`] and [`captures`] run as it is: no
//! pattern is parsed or compiled at run time. `build.rs` includes this file to [`compile`] the
//! metadata's patterns; `phone.rs` runs them.
//!
//! The patterns use a small part of regular expression syntax: digits, `\d`, `[…]` classes of
//! digits and digit ranges, `(?:…)` and capturing groups, `|`, `?`, `{n}` or `{n,m}` repeats, and
//! `$`.
//! [`compile`] refuses anything else, so metadata that needs more fails the build rather than
//! matching wrongly. The search backtracks through alternatives in order and repeats greedily, so a
//! match and its groups are the ones a backtracking engine (Java's, libphonenumber's) finds. Unit
//! tests compare the bytecode with regex-lite over every pattern of the metadata.

use std::cell::Cell;
use std::ops::Range;

/// One digit out of a set: `CLASS mask:u16` (bit `d` for digit `d`).
const CLASS: u8 = 0;
/// `REPEAT min:u8 max:u8 node`.
const REPEAT: u8 = 1;
/// `ALT count:u16`, then per alternative `len:u16 node`.
const ALT: u8 = 2;
/// `SEQ count:u16 len:u16 node…` (`len`: the nodes' bytes).
const SEQ: u8 = 3;
/// `GROUP index:u8 node`: a capturing group, numbered from 1.
const GROUP: u8 = 4;
/// `END`: the end of the input (`$`).
const END: u8 = 5;

#[derive(Debug)]
enum Node {
    Class(u16),
    Repeat(Box<Node>, u8, u8),
    Alt(Vec<Node>),
    Seq(Vec<Node>),
    Group(u8, Box<Node>),
    End,
}

/// The bytecode of `pattern`, which must match a whole national number.
#[allow(dead_code)] // build.rs compiles; the library only runs, but for its tests.
pub fn compile(pattern: &str) -> Result<Vec<u8>, String> {
    let pattern: Vec<u8> = pattern.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let mut parser = Parser { text: &pattern, at: 0, groups: 0 };
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
    /// Capturing groups opened so far.
    groups: u8,
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
                b'$' => {
                    self.at += 1;
                    Node::End
                }
                b'(' => {
                    let capture = !self.eat(b"(?:");
                    if capture {
                        self.at += 1;
                        self.groups = self.groups.checked_add(1).ok_or_else(|| self.error("too many groups"))?;
                    }
                    let index = self.groups;
                    let inner = self.alternation()?;
                    if !self.eat(b")") {
                        return Err(self.error("an unclosed group"));
                    }
                    if capture { Node::Group(index, Box::new(inner)) } else { inner }
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
        Node::Group(index, inner) => {
            code.extend([GROUP, *index]);
            emit(inner, code)?;
        }
        Node::End => code.push(END),
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
    Search::new(program, input, 0).is_some_and(|search| search.node(0, 0, &mut |end| end == input.len()))
}

/// Whether `program` matches the start of `input` (Java's `lookingAt`, for leading digits).
#[allow(dead_code)] // build.rs only compiles.
pub fn matches_start(program: &[u8], input: &[u8]) -> bool {
    Search::new(program, input, 0).is_some_and(|search| search.node(0, 0, &mut |_| true))
}

/// The match of `program` at the start of `input` (`lookingAt`): where it ends, and each capturing
/// group's span, if it took part.
#[allow(dead_code)] // build.rs only compiles.
pub fn captures(program: &[u8], input: &[u8]) -> Option<(usize, Vec<Option<Range<usize>>>)> {
    let search = Search::new(program, input, highest_group(program, 0))?;
    let end = Cell::new(0);
    let found = search.node(0, 0, &mut |at| {
        end.set(at);
        true
    });
    found.then(|| (end.get(), search.groups.iter().map(|g| g.get().map(|(start, end)| start..end)).collect()))
}

/// The highest capturing group in the node at `at`: the number of groups, for the whole program,
/// since they are numbered as they open.
fn highest_group(code: &[u8], at: usize) -> usize {
    match code[at] {
        CLASS | END => 0,
        REPEAT => highest_group(code, at + 3),
        GROUP => usize::from(code[at + 1]).max(highest_group(code, at + 2)),
        ALT => {
            let (mut next, mut highest) = (at + 3, 0);
            for _ in 0..read_u16(code, at + 1) {
                highest = highest.max(highest_group(code, next + 2));
                next += 2 + read_u16(code, next);
            }
            highest
        }
        _ => {
            let (mut next, mut highest) = (at + 5, 0);
            for _ in 0..read_u16(code, at + 1) {
                highest = highest.max(highest_group(code, next));
                next = end(code, next);
            }
            highest
        }
    }
}

fn read_u16(code: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([code[at], code[at + 1]]))
}

/// Where the node at `at` ends.
fn end(code: &[u8], at: usize) -> usize {
    match code[at] {
        CLASS => at + 3,
        END => at + 1,
        REPEAT => end(code, at + 3),
        GROUP => end(code, at + 2),
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

/// One search of a program over an input: a backtracking search, short since numbers have at most
/// 17 digits. Each step matches a node from a position, then asks its continuation about each place
/// the node can end, until one suits.
struct Search<'a> {
    code: &'a [u8],
    input: &'a [u8],
    /// Each capturing group's span on the path being tried.
    groups: Vec<Cell<Option<(usize, usize)>>>,
}

type Then<'t> = &'t mut dyn FnMut(usize) -> bool;

impl<'a> Search<'a> {
    fn new(code: &'a [u8], input: &'a [u8], groups: usize) -> Option<Search<'a>> {
        (!code.is_empty()).then(|| Search { code, input, groups: (0..groups).map(|_| Cell::new(None)).collect() })
    }

    fn node(&self, at: usize, pos: usize, then: Then<'_>) -> bool {
        let code = self.code;
        match code[at] {
            CLASS => {
                let mask = read_u16(code, at + 1);
                match self.input.get(pos) {
                    Some(&c) if c.is_ascii_digit() && mask & (1 << (c - b'0')) != 0 => then(pos + 1),
                    _ => false,
                }
            }
            END => pos == self.input.len() && then(pos),
            REPEAT => self.repeat(at + 3, (code[at + 1], code[at + 2]), 0, pos, then),
            GROUP => {
                let slot = &self.groups[usize::from(code[at + 1]) - 1];
                self.node(at + 2, pos, &mut |end| {
                    let before = slot.replace(Some((pos, end)));
                    then(end) || {
                        slot.set(before);
                        false
                    }
                })
            }
            ALT => {
                let mut next = at + 3;
                for _ in 0..read_u16(code, at + 1) {
                    if self.node(next + 2, pos, then) {
                        return true;
                    }
                    next += 2 + read_u16(code, next);
                }
                false
            }
            _ => self.sequence(at + 5, read_u16(code, at + 1), pos, then),
        }
    }

    fn sequence(&self, at: usize, count: usize, pos: usize, then: Then<'_>) -> bool {
        if count == 0 {
            return then(pos);
        }
        let next = end(self.code, at);
        self.node(at, pos, &mut |p| self.sequence(next, count - 1, p, then))
    }

    /// Greedy: one more round first, then stop if enough were done.
    fn repeat(&self, inner: usize, (min, max): (u8, u8), done: u8, pos: usize, then: Then<'_>) -> bool {
        (done < max && self.node(inner, pos, &mut |p| self.repeat(inner, (min, max), done + 1, p, then)))
            || (done >= min && then(pos))
    }
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
        let program = compile("0?(?:(11|[2-9]\\d)15)?(\\d{4})$|1").unwrap();
        assert_eq!(captures(&program, b"011151234"), Some((9, vec![Some(1..3), Some(5..9)])));
        assert_eq!(captures(&program, b"1999"), Some((4, vec![None, Some(0..4)])));
        assert_eq!(captures(&program, b"19"), Some((1, vec![None, None])), "the second branch, groups unset");
        let starts = |pattern: &str, input: &str| matches_start(&compile(pattern).unwrap(), input.as_bytes());
        assert!(starts("340|6(?:49|70)", "3406421234") && starts("340|6(?:49|70)", "670") && !starts("340", "34"));
        for bad in ["1+", "[^1]", "(?=1)", "1{2", "a", "1{3,2}", "(?:1", "1)", "[]", "^1"] {
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

    /// Every prefix pattern (international prefixes, national prefixes, national prefixes for
    /// parsing with their groups), matched at the start, against regex-lite: where the match ends
    /// and what each group holds.
    #[test]
    fn prefixes_and_their_groups_agree_with_regex_lite() {
        let xml = include_str!("PhoneNumberMetadata.xml");
        let mut sources: Vec<String> = Vec::new();
        for attribute in [" internationalPrefix=\"", " nationalPrefix=\""] {
            sources.extend(xml.split(attribute).skip(1).map(|rest| rest[..rest.find('"').unwrap()].to_string()));
        }
        for element in xml.split("<nationalPrefixForParsing>").skip(1) {
            sources.push(element[..element.find("</").unwrap()].chars().filter(|c| !c.is_whitespace()).collect());
        }
        let mut checked = 0;
        for source in &sources {
            let program = compile(source).unwrap_or_else(|err| panic!("{err}"));
            let regex = regex_lite::Regex::new(&format!("^(?:{source})")).unwrap();
            for first in 0..1000 {
                for tail in ["", "1", "23", "5551234", "15551234", "234567890"] {
                    let input = format!("{first}{tail}");
                    let ours = captures(&program, input.as_bytes());
                    let theirs = regex.captures(&input).map(|c| {
                        let groups = (1..c.len()).map(|i| c.get(i).map(|m| m.range())).collect::<Vec<_>>();
                        (c.get(0).unwrap().end(), groups)
                    });
                    assert_eq!(ours, theirs, "`{source}` on {input}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 1_000_000, "{checked}");
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
