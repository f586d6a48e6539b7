//! Reading a profile: files or standard input, a size limit, format detection, and byte offset →
//! `line:column` mapping for diagnostics.

use std::cell::Cell;
use std::fmt;
use std::io::{self, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Profiles are a few hundred bytes; anything this big is a mistake (a log file, a dump, an attack),
/// refused after reading at most this many bytes plus one.
pub const MAX_PROFILE_BYTES: usize = 1024 * 1024;

/// Byte range into [`Source::text`].
pub type Span = Range<usize>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "TOML",
            Format::Json => "JSON",
        }
    }

    /// The format a file name implies, if its extension is one we know.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// For standard input and unknown extensions: a JSON profile is an object, so it opens with `{`.
    pub fn sniff(text: &str) -> Format {
        match text.trim_start_matches('\u{feff}').trim_start().starts_with('{') {
            true => Format::Json,
            false => Format::Toml,
        }
    }
}

/// Where a profile comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// `-` means standard input, as is customary.
    pub fn from_arg(arg: Option<&Path>) -> Input {
        match arg {
            None => Input::Stdin,
            Some(path) if path.as_os_str() == "-" => Input::Stdin,
            Some(path) => Input::Path(path.to_path_buf()),
        }
    }

    /// The name diagnostics use: `<stdin>:3:7`, as compilers write it.
    pub fn display_name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::Path(path) => path.display().to_string(),
        }
    }

    /// The name the snippet's header gives, in prose (`generated … from standard input`): the
    /// file's name alone, since the block must not depend on the working folder or on how the path
    /// was typed, and must not publish the author's folders.
    pub fn header_name(&self) -> String {
        match self {
            Input::Stdin => "standard input".to_string(),
            Input::Path(path) => {
                path.file_name().map_or_else(|| self.display_name(), |n| n.to_string_lossy().into_owned())
            }
        }
    }
}

/// Why a profile could not be read at all (exit status 2).
#[derive(Debug)]
pub struct ReadError {
    pub name: String,
    pub error: io::Error,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = match self.error.kind() {
            io::ErrorKind::NotFound => "no such file (or a broken symbolic link)".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            io::ErrorKind::IsADirectory => "is a directory, not a profile".to_string(),
            _ => self.error.to_string(),
        };
        write!(f, "cannot read {}: {reason}", self.name)
    }
}

impl std::error::Error for ReadError {}

/// What reading produced before any parsing: the text, or the reason it has none.
#[derive(Debug)]
pub enum Content {
    Text(String),
    /// Larger than [`MAX_PROFILE_BYTES`]; nothing past the limit was read.
    TooLarge,
    /// Nothing was read: the path could not be opened (see [`Source::unreadable`]).
    Unread,
    /// Not UTF-8. `text` is a lossy rendering for showing the line; `at` is the first bad byte.
    NotUtf8 {
        text: String,
        at: usize,
    },
}

/// A profile's text, with what diagnostics need to point into it.
#[derive(Debug)]
pub struct Source {
    pub name: String,
    pub format: Format,
    pub content: Content,
    /// Byte offsets of line starts, computed when a diagnostic first needs a position.
    line_starts: OnceLock<Vec<usize>>,
    /// The last position counted, so that the findings of one long line (sorted by offset) cost
    /// one pass over it, not one each.
    last_position: Cell<Option<Counted>>,
}

/// A byte offset with its column counted from its line's start, in characters and in UTF-16 units.
#[derive(Clone, Copy, Debug)]
struct Counted {
    line: usize,
    line_start: usize,
    offset: usize,
    chars: usize,
    utf16: usize,
}

/// A 1-based position: the line, and the column counted three ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    /// In characters, as editors and people count.
    pub column: usize,
    /// In UTF-16 code units, as SARIF consumers (GitHub, VS Code) count.
    pub utf16_column: usize,
    /// In UTF-8 bytes, as a language server counts when its client offers `utf-8`.
    pub byte_column: usize,
}

/// What a column counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUnit {
    Char,
    Utf16,
    Utf8,
}

impl ColumnUnit {
    fn width(self, c: char) -> usize {
        match self {
            ColumnUnit::Char => 1,
            ColumnUnit::Utf16 => c.len_utf16(),
            ColumnUnit::Utf8 => c.len_utf8(),
        }
    }
}

impl Position {
    /// The 1-based column counted in `unit`.
    pub fn column_in(&self, unit: ColumnUnit) -> usize {
        match unit {
            ColumnUnit::Char => self.column,
            ColumnUnit::Utf16 => self.utf16_column,
            ColumnUnit::Utf8 => self.byte_column,
        }
    }
}

impl Source {
    /// Reads `input` with the size limit. `format` overrides what the extension or content implies.
    pub fn read(input: &Input, format: Option<Format>) -> Result<Source, ReadError> {
        let name = input.display_name();
        let wrap = |error| ReadError { name: name.clone(), error };
        let bytes = match input {
            Input::Stdin => read_limited(io::stdin().lock(), 0).map_err(wrap)?,
            Input::Path(path) => {
                let file = std::fs::File::open(path).map_err(wrap)?;
                let meta = file.metadata().map_err(wrap)?;
                // Opening a folder succeeds on Unix; say what it is instead of a confusing read error.
                if meta.is_dir() {
                    return Err(wrap(io::Error::from(io::ErrorKind::IsADirectory)));
                }
                read_limited(file, meta.len()).map_err(wrap)?
            }
        };
        let path_format = match input {
            Input::Path(path) => Format::from_path(path),
            Input::Stdin => None,
        };
        Ok(Source::from_bytes(name, bytes, format.or(path_format)))
    }

    /// Builds a source from bytes already in memory; `format: None` sniffs the content.
    pub fn from_bytes(name: String, bytes: Vec<u8>, format: Option<Format>) -> Source {
        let content = if bytes.len() > MAX_PROFILE_BYTES {
            Content::TooLarge
        } else {
            match String::from_utf8(bytes) {
                Ok(text) => Content::Text(text),
                Err(err) => Content::NotUtf8 {
                    at: err.utf8_error().valid_up_to(),
                    text: String::from_utf8_lossy(err.as_bytes()).into_owned(),
                },
            }
        };
        let text = match &content {
            Content::Text(text) | Content::NotUtf8 { text, .. } => text.as_str(),
            Content::TooLarge | Content::Unread => "",
        };
        let format = format.unwrap_or_else(|| Format::sniff(text));
        Source { name, format, content, line_starts: OnceLock::new(), last_position: Cell::new(None) }
    }

    /// A text already in memory, whole, with no size limit: an editor's buffer, which the server
    /// must edit as the client does, whatever its size.
    pub fn from_text(name: String, text: String, format: Format) -> Source {
        Source {
            name,
            format,
            content: Content::Text(text),
            line_starts: OnceLock::new(),
            last_position: Cell::new(None),
        }
    }

    /// The stand-in for a path that could not be read: no text, so its one diagnostic (SSQ000)
    /// points at the name alone.
    pub fn unreadable(name: String) -> Source {
        Source {
            name,
            format: Format::Toml,
            content: Content::Unread,
            line_starts: OnceLock::new(),
            last_position: Cell::new(None),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts
            .get_or_init(|| std::iter::once(0).chain(self.text().match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    /// The text to show in diagnostics (empty for a refused file).
    pub fn text(&self) -> &str {
        match &self.content {
            Content::Text(text) | Content::NotUtf8 { text, .. } => text,
            Content::TooLarge | Content::Unread => "",
        }
    }

    /// 1-based line and column (in characters, as editors count) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let position = self.position(offset);
        (position.line, position.column)
    }

    /// The position of a byte offset (clamped to the text). A byte-order mark is not a column.
    pub fn position(&self, offset: usize) -> Position {
        let counted = self.count(offset, self.last_position.get());
        self.last_position.set(Some(counted));
        self.to_position(counted)
    }

    /// The positions of a span's start and end. Called for findings in order of their start, the
    /// whole file costs one pass over each line, however many findings share it.
    pub fn span_positions(&self, span: &Span) -> (Position, Position) {
        let start = self.count(span.start, self.last_position.get());
        self.last_position.set(Some(start));
        let end = self.count(span.end.max(span.start), Some(start));
        (self.to_position(start), self.to_position(end))
    }

    /// The byte offset of a 1-based line and column counted in `unit`: the inverse of
    /// [`Source::position`]. A column past its line's end is the end (before `\r\n`), a line past
    /// the last is the text's end, and a column inside a character is the character's start.
    pub fn offset(&self, line: usize, column: usize, unit: ColumnUnit) -> usize {
        let text = self.text();
        let line_starts = self.line_starts();
        let Some(&start) = line.checked_sub(1).and_then(|line| line_starts.get(line)) else { return text.len() };
        let end = line_starts.get(line).map_or(text.len(), |&next| next - 1);
        let end = if text[start..end].ends_with('\r') { end - 1 } else { end };
        let start = if start == 0 && text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { start };
        let mut counted = 1;
        for (i, c) in text[start..end].char_indices() {
            counted += unit.width(c);
            if counted > column {
                return start + i;
            }
        }
        end
    }

    /// Counts the columns up to `offset`, from `from` when it is on the same line and not past it.
    fn count(&self, offset: usize, from: Option<Counted>) -> Counted {
        let text = self.text();
        let offset = floor_char_boundary(text, offset);
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&start| start <= offset);
        let line_start = line_starts[line - 1];
        let from = match from {
            Some(from) if from.line_start == line_start && from.offset <= offset => from,
            _ => Counted { line, line_start, offset: line_start, chars: 0, utf16: 0 },
        };
        let (chars, utf16) = text[from.offset..offset]
            .chars()
            .fold((from.chars, from.utf16), |(chars, utf16), c| (chars + 1, utf16 + c.len_utf16()));
        Counted { line, line_start, offset, chars, utf16 }
    }

    fn to_position(&self, counted: Counted) -> Position {
        let bom = usize::from(counted.line_start == 0 && counted.offset > 0 && self.text().starts_with('\u{feff}'));
        Position {
            line: counted.line,
            column: counted.chars - bom + 1,
            utf16_column: counted.utf16 - bom + 1,
            byte_column: counted.offset - counted.line_start - bom * '\u{feff}'.len_utf8() + 1,
        }
    }
}

/// Reads at most one byte more than the limit; `size_hint` (the file's length) sizes the buffer.
fn read_limited(reader: impl Read, size_hint: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(size_hint.min(MAX_PROFILE_BYTES as u64) as usize + 1);
    reader.take(MAX_PROFILE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The largest char boundary at or before `offset`, clamped to the text: where a byte offset that
/// may fall inside a character (or past the end) can safely slice.
pub(crate) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source::from_bytes("t".into(), text.as_bytes().to_vec(), None)
    }

    #[test]
    fn line_col_counts_characters_from_one() {
        let s = source("a = 1\nnamé = \"x\"\n");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(6), (2, 1));
        // "namé = " is 8 bytes but 7 characters: the quote is the 8th character.
        assert_eq!(s.line_col(6 + 8), (2, 8));
        assert_eq!(s.line_col(10_000), (3, 1));
        // Backwards after forwards: the memo of the last position is not trusted past its offset.
        assert_eq!(s.line_col(6 + 8), (2, 8));
        assert_eq!(s.line_col(7), (2, 2));
    }

    #[test]
    fn utf16_columns_and_the_byte_order_mark() {
        let s = source("\u{feff}a = \"😀x\"");
        // The mark is not a column: `a` is at 1:1 for editors.
        assert_eq!(s.position(3), Position { line: 1, column: 1, utf16_column: 1, byte_column: 1 });
        let x = s.text().find('x').unwrap();
        assert_eq!(s.position(x), Position { line: 1, column: 7, utf16_column: 8, byte_column: 10 });
        assert_eq!(s.offset(1, 1, ColumnUnit::Char), 3, "the mark is before column 1");
        assert_eq!(s.offset(1, 8, ColumnUnit::Utf16), x);
        assert_eq!(s.offset(1, 10, ColumnUnit::Utf8), x);
    }

    /// `offset` undoes `position` in every unit, and clamps what is past a line or inside a
    /// character.
    #[test]
    fn offsets_invert_positions() {
        let s = source("a = \"Zo\u{eb} \u{1f600}\"\r\nb\tc");
        for offset in
            (0..=s.text().len()).filter(|&at| s.text().is_char_boundary(at) && !s.text()[..at].ends_with('\r'))
        {
            let p = s.position(offset);
            for unit in [ColumnUnit::Char, ColumnUnit::Utf16, ColumnUnit::Utf8] {
                assert_eq!(s.offset(p.line, p.column_in(unit), unit), offset, "{offset} in {unit:?}");
            }
        }
        let emoji = s.text().find('\u{1f600}').unwrap();
        assert_eq!(s.offset(1, 11, ColumnUnit::Utf16), emoji, "inside the pair: the character's start");
        assert_eq!(s.offset(1, 99, ColumnUnit::Utf16), s.text().find('\r').unwrap(), "past the end: before \\r\\n");
        assert_eq!(s.offset(9, 1, ColumnUnit::Utf16), s.text().len());
        assert_eq!(s.offset(2, 3, ColumnUnit::Utf16), s.text().len() - 1, "a tab is one unit");
    }

    #[test]
    fn sniffing_and_extensions() {
        assert_eq!(Format::sniff("  \n{\"loader\": {}}"), Format::Json);
        assert_eq!(Format::sniff("[loader]"), Format::Toml);
        assert_eq!(Format::from_path(Path::new("a.JSON")), Some(Format::Json));
        assert_eq!(Format::from_path(Path::new("a.txt")), None);
    }

    #[test]
    fn oversized_and_invalid_utf8_are_kept_apart_from_text() {
        let big = Source::from_bytes("b".into(), vec![b' '; MAX_PROFILE_BYTES + 1], None);
        assert!(matches!(big.content, Content::TooLarge));
        let bad = Source::from_bytes("u".into(), b"ab\xffcd".to_vec(), None);
        assert!(matches!(bad.content, Content::NotUtf8 { at: 2, .. }));
    }
}
