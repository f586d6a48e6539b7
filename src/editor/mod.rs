//! What an editor asks of a profile, answered from the same rules, schema and fixes that `lint`
//! uses: findings as LSP diagnostics, hover text, completions and quick fixes. Pure functions over a
//! document's text, typed with [`protocol`]'s messages; `ssq-gen lsp` (the binary's
//! `commands/lsp.rs`) speaks JSON-RPC around them. Positions go through the same
//! [`Source`] that `lint`'s reports count with.

mod completion;
pub mod protocol;

use crate::diagnostics::explain::explain;
use crate::diagnostics::fix::Applicability;
use crate::diagnostics::{Diagnostic, Severity};
use crate::input::document::{self, Node, Value as Tree};
use crate::input::source::{ColumnUnit, Format, Source, Span};
use crate::profile::schema::{self, Key, Section};
use protocol::{
    CodeAction, CodeDescription, CompletionItem, DiagnosticSeverity, Hover, MarkupContent, Position, PositionEncoding,
    Range, TextEdit, WorkspaceEdit,
};

/// What the server counts a position's `character` in, from what the client offers: UTF-8 when
/// it can (no counting), else the protocol's default, UTF-16.
pub fn negotiate(offered: &[Option<PositionEncoding>]) -> PositionEncoding {
    match offered.contains(&Some(PositionEncoding::Utf8)) {
        true => PositionEncoding::Utf8,
        false => PositionEncoding::Utf16,
    }
}

fn unit(encoding: PositionEncoding) -> ColumnUnit {
    match encoding {
        PositionEncoding::Utf8 => ColumnUnit::Utf8,
        PositionEncoding::Utf16 => ColumnUnit::Utf16,
        PositionEncoding::Utf32 => ColumnUnit::Char,
    }
}

/// The LSP position of a byte offset in `source`.
pub fn position(source: &Source, offset: usize, encoding: PositionEncoding) -> Position {
    let at = source.position(offset);
    let count = |n: usize| u32::try_from(n - 1).unwrap_or(u32::MAX);
    Position { line: count(at.line), character: count(at.column_in(unit(encoding))) }
}

pub fn range(source: &Source, span: &Span, encoding: PositionEncoding) -> Range {
    Range { start: position(source, span.start, encoding), end: position(source, span.end.max(span.start), encoding) }
}

/// The byte offset of an LSP position in `source` (see [`Source::offset`] for what is clamped).
pub fn offset(source: &Source, position: Position, encoding: PositionEncoding) -> usize {
    let from_one = |n: u32| usize::try_from(n).map_or(usize::MAX, |n| n.saturating_add(1));
    source.offset(from_one(position.line), from_one(position.character), unit(encoding))
}

/// Whether an editor's document is a profile: its name says so (`*.ssq.toml`, `*.ssq.json`), or it
/// is TOML or JSON (by language or extension) with a `[loader]` section.
pub fn is_profile(uri: &str, language: Option<&str>, text: &str) -> bool {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    if path.ends_with(".ssq.toml") || path.ends_with(".ssq.json") {
        return true;
    }
    let Some(format) = format_of(uri, language) else { return false };
    match document::parse(text, format) {
        Ok(Node { value: Tree::Table(entries), .. }) => entries.iter().any(|entry| entry.key == "loader"),
        // Half-typed: a profile being written still gets its syntax error.
        _ => match format {
            Format::Toml => text.lines().any(|line| document::toml_header_name(line) == Some("loader")),
            Format::Json => text.contains("\"loader\""),
        },
    }
}

/// The format a document is in, from its language id or name; `None` for anything else.
pub fn format_of(uri: &str, language: Option<&str>) -> Option<Format> {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    match language {
        Some("toml") => Some(Format::Toml),
        Some("json" | "jsonc") => Some(Format::Json),
        _ if path.ends_with(".toml") => Some(Format::Toml),
        _ if path.ends_with(".json") => Some(Format::Json),
        _ => None,
    }
}

/// One version of a document, checked with every rule as `lint` checks the same text, and its
/// tree: what diagnostics, hover, completion and code actions all read, computed once.
pub struct Analysis {
    pub checked: crate::Checked,
    /// `None` when the text does not parse.
    tree: Option<Node>,
}

impl Analysis {
    pub fn new(name: &str, text: &str, format: Format) -> Analysis {
        let source = Source::from_bytes(name.to_string(), text.as_bytes().to_vec(), Some(format));
        let tree = document::parse(source.text(), format).ok();
        Analysis { checked: crate::check(source), tree }
    }

    fn source(&self) -> &Source {
        &self.checked.source
    }

    /// The findings as LSP diagnostics: `lint`'s code, severity, message and help, and a link to
    /// the rule.
    pub fn diagnostics(&self, encoding: PositionEncoding) -> Vec<protocol::Diagnostic> {
        self.checked.diagnostics.iter().map(|d| self.diagnostic(d, encoding)).collect()
    }

    fn diagnostic(&self, d: &Diagnostic, encoding: PositionEncoding) -> protocol::Diagnostic {
        protocol::Diagnostic {
            range: range(self.source(), &d.span, encoding),
            severity: match d.severity() {
                Severity::Error => DiagnosticSeverity::Error,
                Severity::Warning => DiagnosticSeverity::Warning,
            },
            code: d.rule.code,
            code_description: CodeDescription { href: d.rule.help_uri() },
            source: "ssq-gen",
            message: format!("{}\nhelp: {}", d.message, d.help),
        }
    }

    /// The explanation of the finding under `position`, else the reference of the key or section
    /// under it, as Markdown.
    pub fn hover(&self, position: Position, encoding: PositionEncoding) -> Option<Hover> {
        let source = self.source();
        let offset = offset(source, position, encoding);
        let covers = |span: &Span| span.start <= offset && offset <= span.end.max(span.start + 1);
        if let Some(finding) = self.checked.diagnostics.iter().find(|d| covers(&d.span)) {
            let rule = explain(finding.rule);
            let text = format!(
                "**{}** `{}` ({})\n\n{}\n\n**Why:** {}\n\n**How to fix it:** {}\n\nIgnorable: {}\n\n[The rule]({})",
                finding.rule.code,
                finding.rule.name,
                finding.rule.severity,
                finding.rule.summary,
                rule.why,
                rule.fix,
                rule.ignoring(),
                finding.rule.help_uri()
            );
            let range = range(source, &finding.span, encoding);
            return Some(Hover { contents: MarkupContent::markdown(text), range });
        }
        let (section, key, span) = self.key_at(offset)?;
        let text = match key {
            Some(key) => format!(
                "**`{}.{}`**: {}\n\n{}\n\nExample: `{}`",
                section.name,
                key.name,
                key.kind.expected(),
                key.doc,
                key.example.to_json()
            ),
            None => format!("**`[{}]`**\n\n{}", section.name, section.doc),
        };
        Some(Hover { contents: MarkupContent::markdown(text), range: range(source, &span, encoding) })
    }

    /// The section and key whose name is written at `offset`.
    fn key_at(&self, offset: usize) -> Option<(&'static Section, Option<&'static Key>, Span)> {
        let Tree::Table(sections) = &self.tree.as_ref()?.value else { return None };
        let inside = |span: &Span| span.start <= offset && offset <= span.end;
        for entry in sections {
            let Some(section) = schema::section(&entry.key) else { continue };
            if inside(&entry.key_span) {
                return Some((section, None, entry.key_span.clone()));
            }
            if let Tree::Table(keys) = &entry.node.value
                && let Some(item) = keys.iter().find(|item| inside(&item.key_span))
            {
                return Some((section, Some(section.key(&item.key)?), item.key_span.clone()));
            }
        }
        None
    }

    /// Quick fixes for the findings whose range meets `range`: each fix's exact edits.
    pub fn code_actions(&self, uri: &str, range: Range, encoding: PositionEncoding) -> Vec<CodeAction> {
        let source = self.source();
        let (start, end) = (offset(source, range.start, encoding), offset(source, range.end, encoding));
        self.checked
            .diagnostics
            .iter()
            .filter(|d| d.span.start <= end && start <= d.span.end)
            .filter_map(|d| {
                let fix = d.fix.as_deref()?;
                let edits = fix
                    .edits
                    .iter()
                    .map(|edit| TextEdit {
                        range: self::range(source, &edit.span, encoding),
                        new_text: edit.content.clone(),
                    })
                    .collect();
                Some(CodeAction {
                    title: fix.title.clone(),
                    kind: "quickfix",
                    diagnostics: vec![self.diagnostic(d, encoding)],
                    is_preferred: fix.applicability == Applicability::Safe,
                    edit: WorkspaceEdit { changes: [(uri.to_string(), edits)].into() },
                })
            })
            .collect()
    }

    /// What can be typed at `position`: section names, the current section's keys not yet set,
    /// and a key's fixed words in its value.
    pub fn completion(&self, position: Position, encoding: PositionEncoding) -> Vec<CompletionItem> {
        let source = self.source();
        completion::complete(source.text(), offset(source, position, encoding), source.format)
    }
}
