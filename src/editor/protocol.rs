//! The Language Server Protocol 3.17's messages that ssq-gen's server reads and writes, as local
//! serde structs: the dozen it uses, named and shaped as the specification names them. lsp-types
//! would bring several hundred types and a URL crate for these; the binary's transport wraps them
//! in JSON-RPC.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A document's URI, kept as the client wrote it: the server compares URIs, it never opens them.
pub type Uri = String;

/// A 0-based line and a character counted in the negotiated [`PositionEncoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// How a position's `character` counts: the protocol's default UTF-16 code units, or UTF-8 bytes
/// when the client offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PositionEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-16")]
    Utf16,
    #[serde(rename = "utf-32")]
    Utf32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub range: Range,
    pub severity: DiagnosticSeverity,
    pub code: &'static str,
    pub code_description: CodeDescription,
    pub source: &'static str,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticSeverity {
    Error = 1,
    Warning = 2,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeDescription {
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MarkupContent {
    pub kind: &'static str,
    pub value: String,
}

impl MarkupContent {
    pub fn markdown(value: String) -> MarkupContent {
        MarkupContent { kind: "markdown", value }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hover {
    pub contents: MarkupContent,
    pub range: Range,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionItemKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documentation: Option<MarkupContent>,
    pub insert_text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionItemKind {
    Module = 9,
    Property = 10,
    Value = 12,
}

/// JSON-RPC's and LSP's error codes, the ones the server answers with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    ServerNotInitialized = -32002,
}

/// The protocol writes these enumerations as their numbers.
macro_rules! serialize_as_number {
    ($($name:ty),*) => {$(
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i64(*self as i64)
            }
        }
    )*};
}

serialize_as_number!(DiagnosticSeverity, CompletionItemKind, ErrorCode);

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompletionList {
    pub is_incomplete: bool,
    pub items: Vec<CompletionItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeAction {
    pub title: String,
    pub kind: &'static str,
    pub diagnostics: Vec<Diagnostic>,
    pub is_preferred: bool,
    pub edit: WorkspaceEdit,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WorkspaceEdit {
    pub changes: HashMap<Uri, Vec<TextEdit>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextEdit {
    pub range: Range,
    pub new_text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublishDiagnosticsParams {
    pub uri: Uri,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
    pub diagnostics: Vec<Diagnostic>,
}

// What the client sends. Unknown fields are ignored, as the protocol's extensibility requires.

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InitializeParams {
    pub capabilities: ClientCapabilities,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ClientCapabilities {
    pub general: GeneralClientCapabilities,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GeneralClientCapabilities {
    /// Unknown encodings are kept as `None`, not refused: a later protocol may add some.
    #[serde(deserialize_with = "lenient_encodings")]
    pub position_encodings: Vec<Option<PositionEncoding>>,
}

fn lenient_encodings<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Option<PositionEncoding>>, D::Error> {
    let names = Vec::<serde_json::Value>::deserialize(d)?;
    Ok(names.into_iter().map(|name| serde_json::from_value(name).ok()).collect())
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InitializeResult {
    pub capabilities: ServerCapabilities,
    pub server_info: ServerInfo,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerCapabilities {
    pub position_encoding: PositionEncoding,
    pub text_document_sync: TextDocumentSyncOptions,
    pub hover_provider: bool,
    pub completion_provider: CompletionOptions,
    pub code_action_provider: CodeActionOptions,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextDocumentSyncOptions {
    pub open_close: bool,
    /// 1: the whole text with each change.
    pub change: u8,
    pub save: SaveOptions,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaveOptions {
    pub include_text: bool,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompletionOptions {
    pub trigger_characters: Vec<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeActionOptions {
    pub code_action_kinds: Vec<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ServerInfo {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Clone, Debug, Deserialize)]
pub struct TextDocumentIdentifier {
    pub uri: Uri,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TextDocumentItem {
    pub uri: Uri,
    pub language_id: String,
    pub version: i32,
    pub text: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DidOpenTextDocumentParams {
    pub text_document: TextDocumentItem,
}

#[derive(Clone, Debug, Deserialize)]
pub struct VersionedTextDocumentIdentifier {
    pub uri: Uri,
    pub version: i32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DidChangeTextDocumentParams {
    pub text_document: VersionedTextDocumentIdentifier,
    pub content_changes: Vec<TextDocumentContentChangeEvent>,
}

/// The whole text, or (from a client that sends ranges anyway) a range's new text.
#[derive(Clone, Debug, Deserialize)]
pub struct TextDocumentContentChangeEvent {
    #[serde(default)]
    pub range: Option<Range>,
    pub text: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DidSaveTextDocumentParams {
    pub text_document: TextDocumentIdentifier,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DidCloseTextDocumentParams {
    pub text_document: TextDocumentIdentifier,
}

/// Hover's and completion's parameters.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TextDocumentPositionParams {
    pub text_document: TextDocumentIdentifier,
    pub position: Position,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeActionParams {
    pub text_document: TextDocumentIdentifier,
    pub range: Range,
}
