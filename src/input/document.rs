//! A format-neutral document tree with byte spans, built from TOML or JSON. Everything after parsing
//! works on this tree, so a rule points at `file:line:column` the same way in both formats.

use super::source::{Format, Span, floor_char_boundary};

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    /// The value as written, quotes included.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    Bool(bool),
    Integer(i64),
    Float(f64),
    Datetime,
    Null,
    Array(Vec<Node>),
    Table(Vec<Entry>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub node: Node,
}

impl Value {
    /// The type's name in a message: "expected a string, found an integer".
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Bool(_) => "a boolean",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Datetime => "a date-time",
            Value::Null => "null",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

/// A syntax error: what the parser said, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

/// A TOML table header line's name: `[loader]  # x` gives `loader`; not an array of tables.
/// What fixes and editors look at, line by line, where the tree has no line of its own.
pub fn toml_header_name(line: &str) -> Option<&str> {
    let code = line.split('#').next().unwrap_or_default().trim();
    let name = code.strip_prefix('[')?.strip_suffix(']')?;
    (!name.starts_with('[')).then(|| name.trim())
}

pub fn parse(text: &str, format: Format) -> Result<Node, SyntaxError> {
    match format {
        Format::Toml => parse_toml(text),
        Format::Json => parse_json(text),
    }
}

fn parse_toml(text: &str) -> Result<Node, SyntaxError> {
    use toml::de::{DeTable, DeValue};

    /// `overflow` keeps the first integer past 64 bits: TOML requires a parser to refuse it,
    /// and the toml crate leaves that to its caller.
    fn convert(value: &DeValue<'_>, span: Span, overflow: &mut Option<SyntaxError>) -> Node {
        let value = match value {
            DeValue::String(s) => Value::String(s.to_string()),
            DeValue::Integer(int) => match i64::from_str_radix(int.as_str(), int.radix()) {
                Ok(int) => Value::Integer(int),
                Err(_) => {
                    let message = "integer out of range: TOML integers are 64-bit (write a larger number as a string)";
                    overflow.get_or_insert(SyntaxError { message: message.to_string(), span: span.clone() });
                    Value::Float(f64::NAN)
                }
            },
            DeValue::Float(float) => Value::Float(float.as_str().parse().unwrap_or(f64::NAN)),
            DeValue::Boolean(b) => Value::Bool(*b),
            DeValue::Datetime(_) => Value::Datetime,
            DeValue::Array(items) => {
                Value::Array(items.iter().map(|item| convert(item.get_ref(), item.span(), overflow)).collect())
            }
            DeValue::Table(table) => Value::Table(entries(table, overflow)),
        };
        Node { value, span }
    }

    fn entries(table: &DeTable<'_>, overflow: &mut Option<SyntaxError>) -> Vec<Entry> {
        let mut entries: Vec<Entry> = table
            .iter()
            .map(|(key, value)| Entry {
                key: key.get_ref().to_string(),
                key_span: key.span(),
                node: convert(value.get_ref(), value.span(), overflow),
            })
            .collect();
        // The table is sorted by key; diagnostics read better in source order.
        entries.sort_by_key(|entry| entry.key_span.start);
        entries
    }

    let table = DeTable::parse(text).map_err(|err| SyntaxError {
        message: err.message().trim_end().to_string(),
        span: err.span().unwrap_or(0..0),
    })?;
    let mut overflow = None;
    let root = Node { value: Value::Table(entries(table.get_ref(), &mut overflow)), span: 0..text.len() };
    overflow.map_or(Ok(root), Err)
}

/// serde_json decides what is valid JSON (with its error messages and its nesting limit of 128);
/// a small scanner then walks the known-valid text again to recover each value's span, which
/// serde_json does not expose.
fn parse_json(text: &str) -> Result<Node, SyntaxError> {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    if let Err(err) = serde_json::from_str::<serde_json::Value>(&text[bom..]) {
        let shift = if err.line() == 1 { bom } else { 0 };
        let offset = line_column_offset(text, err.line(), err.column()) + shift;
        let message = err.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_string(),
            None => message,
        };
        // serde_json notices a trailing comma at the bracket after it: point at the comma.
        let offset = match message == "trailing comma" {
            true => text[..offset].rfind(',').unwrap_or(offset),
            false => offset,
        };
        let span = offset..offset + usize::from(text[offset..].starts_with(','));
        return Err(SyntaxError { message, span });
    }
    let mut scanner = Scanner { text, pos: bom };
    scanner.value().ok_or_else(|| SyntaxError {
        message: "internal error: could not locate the JSON values".to_string(),
        span: 0..0,
    })
}

fn line_column_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
    floor_char_boundary(text, line_start + column.saturating_sub(1))
}

/// Walks JSON that serde_json has already accepted. Returns `None` rather than panicking if the
/// text is somehow not what it expects.
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_whitespace();
        let start = self.pos;
        let value = match self.peek()? {
            b'{' => Value::Table(self.object()?),
            b'[' => Value::Array(self.array()?),
            b'"' => Value::String(self.string()?),
            b't' => self.word("true", Value::Bool(true))?,
            b'f' => self.word("false", Value::Bool(false))?,
            b'n' => self.word("null", Value::Null)?,
            _ => self.number()?,
        };
        Some(Node { value, span: start..self.pos })
    }

    fn word(&mut self, word: &str, value: Value) -> Option<Value> {
        self.text[self.pos..].starts_with(word).then(|| {
            self.pos += word.len();
            value
        })
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')) {
            self.pos += 1;
        }
        let literal = &self.text[start..self.pos];
        if literal.is_empty() {
            return None;
        }
        match literal.parse() {
            Ok(int) => Some(Value::Integer(int)),
            Err(_) => literal.parse().ok().map(Value::Float),
        }
    }

    /// A string literal, decoded by serde_json so escapes mean exactly what they mean there.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => break,
                _ => self.pos += 1,
            }
        }
        self.pos += 1;
        serde_json::from_str(self.text.get(start..self.pos)?).ok()
    }

    fn object(&mut self) -> Option<Vec<Entry>> {
        self.pos += 1;
        let mut entries = Vec::new();
        loop {
            self.skip_whitespace();
            match self.peek()? {
                b'}' => break,
                b',' => self.pos += 1,
                _ => {
                    let key_start = self.pos;
                    let key = self.string()?;
                    let key_span = key_start..self.pos;
                    self.skip_whitespace();
                    (self.peek()? == b':').then_some(())?;
                    self.pos += 1;
                    let node = self.value()?;
                    entries.push(Entry { key, key_span, node });
                }
            }
        }
        self.pos += 1;
        Some(entries)
    }

    fn array(&mut self) -> Option<Vec<Node>> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_whitespace();
            match self.peek()? {
                b']' => break,
                b',' => self.pos += 1,
                _ => items.push(self.value()?),
            }
        }
        self.pos += 1;
        Some(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(node: &Node) -> &[Entry] {
        match &node.value {
            Value::Table(entries) => entries,
            other => panic!("expected a table, got {other:?}"),
        }
    }

    #[test]
    fn json_spans_point_at_keys_and_values() {
        let text = "{\"login\": {\"user_name\": \"a\\\"b\", \"tags\": [\"x\", true, 1.5, null]}}";
        let root = parse(text, Format::Json).unwrap();
        let login = &table(&root)[0];
        assert_eq!(&text[login.key_span.clone()], "\"login\"");
        let entries = table(&login.node);
        assert_eq!(entries[0].key, "user_name");
        assert_eq!(entries[0].node.value, Value::String("a\"b".into()));
        assert_eq!(&text[entries[0].node.span.clone()], "\"a\\\"b\"");
        let Value::Array(items) = &entries[1].node.value else { panic!() };
        let kinds: Vec<_> = items.iter().map(|n| n.value.type_name()).collect();
        assert_eq!(kinds, ["a string", "a boolean", "a float", "null"]);
    }

    #[test]
    fn json_syntax_error_has_a_position() {
        let text = "{\n  \"a\": tru\n}";
        let err = parse(text, Format::Json).unwrap_err();
        assert_eq!(err.message, "expected ident");
        // serde_json reports the character after the bad token: the end of line 2.
        assert!((12..=13).contains(&err.span.start), "{err:?}");
    }

    #[test]
    fn json_nesting_is_limited_without_overflowing_the_stack() {
        let text = "[".repeat(100_000);
        let err = parse(&text, Format::Json).unwrap_err();
        assert!(err.message.contains("recursion limit"), "{}", err.message);
    }

    #[test]
    fn toml_spans_point_at_keys_and_values() {
        let text = "[login]\nuser_name = \"x\"\nuser_id = 'y'\n";
        let root = parse(text, Format::Toml).unwrap();
        let login = &table(&root)[0];
        let entries = table(&login.node);
        assert_eq!(entries[0].key, "user_name", "source order, not sorted");
        assert_eq!(&text[entries[1].node.span.clone()], "'y'");
    }

    #[test]
    fn toml_syntax_error_has_a_position() {
        let err = parse("[login]\nuser_name = \n", Format::Toml).unwrap_err();
        assert!(!err.message.is_empty());
        assert!(err.span.start >= 8, "{err:?}");
    }
}
