//! Fixes: the exact edits that resolve a finding, and applying them. A fix edits only the bytes it
//! fixes, so comments, key order and spacing stay as written, in TOML and in JSON. `lint --fix`
//! applies the safe ones; `--unsafe-fixes` adds those that can change what the profile means (a
//! renamed or moved key).

use crate::input::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps what the profile means: a case, a separator, a repeat removed.
    Safe,
    /// Probably what was meant, but a guess: a key renamed or moved.
    Unsafe,
}

/// A replacement of the bytes `span` with `content`; an empty span inserts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub content: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    /// What the fix does, for people: "write `en-US`".
    pub title: String,
    /// In source order, none overlapping.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix { applicability: Applicability::Safe, title: title.into(), edits }
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix { applicability: Applicability::Unsafe, title: title.into(), edits }
    }
}

/// `text` with `fixes` applied, skipping any that overlaps one applied before it; and how many were
/// applied. Edits apply from the end, so each edit's span still means what it did.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for fix in fixes {
        let overlaps = |edit: &Edit| taken.iter().any(|other| overlap(&edit.span, &other.span));
        if fix.edits.iter().any(overlaps) || fix.edits.iter().any(|e| text.get(e.span.clone()).is_none()) {
            continue;
        }
        taken.extend(&fix.edits);
        applied += 1;
    }
    taken.sort_by_key(|edit| (edit.span.start, edit.span.end));
    let mut out = text.to_string();
    for edit in taken.iter().rev() {
        out.replace_range(edit.span.clone(), &edit.content);
    }
    (out, applied)
}

/// Whether two edits touch the same bytes; two insertions at one place overlap too, since their
/// order would be a guess.
fn overlap(a: &Span, b: &Span) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

/// The edit that makes the string written at `span` read `value`: only the characters inside the
/// quotes when it is written plainly (`"en_us"`, `'en_us'`), else the whole string, re-quoted.
pub fn replace_string(text: &str, span: &Span, value: &str) -> Edit {
    let written = text.get(span.clone()).unwrap_or_default();
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_.@+ ".contains(c);
    for quote in ['"', '\''] {
        if let Some(inner) = written.strip_prefix(quote).and_then(|rest| rest.strip_suffix(quote))
            && !inner.contains(['\\', quote])
            && !inner.is_empty()
            && value.chars().all(plain)
        {
            return Edit { span: span.start + 1..span.end - 1, content: value.to_string() };
        }
    }
    Edit { span: span.clone(), content: serde_json::Value::from(value).to_string() }
}

/// The edit that renames the key written at `span` to `name` (a bare key, as all of ssq-gen's are),
/// keeping its quotes.
pub fn rename_key(text: &str, span: &Span, name: &str) -> Edit {
    let written = text.get(span.clone()).unwrap_or_default();
    match written.starts_with(['"', '\'']) && written.len() >= 2 {
        true => Edit { span: span.start + 1..span.end - 1, content: name.to_string() },
        false => Edit { span: span.clone(), content: name.to_string() },
    }
}

/// The edit that removes item `i` of a list or table whose items are written at `items` (an item
/// from its first byte to its last), with one comma: the whole line when the item is alone on
/// it. `None` when a comment lies where the comma is looked for: removing it would lose it.
pub fn remove_item(text: &str, items: &[Span], i: usize) -> Option<Edit> {
    let item = items.get(i)?;
    let bytes = text.as_bytes();
    let skip_blanks = |mut at: usize| {
        while at < bytes.len() && matches!(bytes[at], b' ' | b'\t') {
            at += 1;
        }
        at
    };
    let after = skip_blanks(item.end);
    if bytes.get(after) == Some(&b',') {
        let end = skip_blanks(after + 1);
        // Back over the blanks before the item only, not the whole line: a list of thousands of
        // items on one line would otherwise cost a scan of the line per item.
        let mut line_start = item.start;
        while line_start > 0 && matches!(bytes[line_start - 1], b' ' | b'\t' | b'\r') {
            line_start -= 1;
        }
        let alone = (line_start == 0 || bytes[line_start - 1] == b'\n')
            && matches!(bytes.get(end), Some(b'\n') | Some(b'\r') | None);
        let span = match alone {
            true => line_start..text[end..].find('\n').map_or(text.len(), |n| end + n + 1),
            false => item.start..end,
        };
        return Some(Edit { span, content: String::new() });
    }
    // The last item: remove it with the comma after the item before it.
    let previous = items.get(i.checked_sub(1)?)?;
    let between = &text[previous.end..item.start];
    (between.trim() == ",").then(|| Edit { span: previous.end..item.end, content: String::new() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, items: &[&str]) -> Vec<Span> {
        let mut from = 0;
        items
            .iter()
            .map(|item| {
                let start = from + text[from..].find(item).unwrap();
                from = start + item.len();
                start..from
            })
            .collect()
    }

    fn removed(text: &str, items: &[&str], i: usize) -> Option<String> {
        let edit = remove_item(text, &spans(text, items), i)?;
        Some(apply(text, &[Fix::safe("remove", vec![edit])]).0)
    }

    #[test]
    fn an_item_goes_with_one_comma() {
        let text = r#"x = ["vip", "vip", "b"] # c"#;
        assert_eq!(removed(text, &[r#""vip""#, r#""vip""#, r#""b""#], 1).unwrap(), r#"x = ["vip", "b"] # c"#);
        let text = r#"x = ["vip", "vip"]"#;
        assert_eq!(removed(text, &[r#""vip""#, r#""vip""#], 1).unwrap(), r#"x = ["vip"]"#);
        let text = "x = [\n  \"vip\", # first\n  \"vip\",\n]\n";
        assert_eq!(removed(text, &["\"vip\"", "\"vip\""], 1).unwrap(), "x = [\n  \"vip\", # first\n]\n");
    }

    #[test]
    fn no_removal_loses_a_comment() {
        let text = "x = [\n  \"vip\", # first\n  \"vip\"\n]\n";
        assert_eq!(removed(text, &["\"vip\"", "\"vip\""], 1), None);
    }

    #[test]
    fn a_plain_string_keeps_its_quotes() {
        let text = "language = 'en_us' # mine";
        let edit = replace_string(text, &(11..18), "en-US");
        assert_eq!(apply(text, &[Fix::safe("t", vec![edit])]).0, "language = 'en-US' # mine");
        let text = r#"language = "en\u005fus""#;
        let edit = replace_string(text, &(11..text.len()), "en-US");
        assert_eq!(apply(text, &[Fix::safe("t", vec![edit])]).0, r#"language = "en-US""#);
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_round() {
        let a = Fix::safe("a", vec![Edit { span: 0..3, content: "x".into() }]);
        let b = Fix::safe("b", vec![Edit { span: 2..4, content: "y".into() }]);
        let c = Fix::safe("c", vec![Edit { span: 5..6, content: "z".into() }]);
        assert_eq!(apply("abcdefg", [&a, &b, &c]), ("xdezg".to_string(), 2));
    }
}
