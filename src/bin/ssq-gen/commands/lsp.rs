//! `ssq-gen lsp`: the Language Server Protocol 3.17 over standard input and output, answering from
//! [`ssq_gen::editor`]. The transport is written here, on serde_json alone: lsp-server's reader
//! ends the connection at the first malformed message, and this server must answer one with an
//! error and go on (see the commit that added it for the costs weighed).
//!
//! A thread reads messages into a channel; the main loop handles them in order, and publishes a
//! document's diagnostics once the messages stop arriving for [`SETTLE`]: a burst of changes
//! gives one publication, for the latest text.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ssq_gen::editor;
use ssq_gen::editor::protocol::{
    CodeActionOptions, CodeActionParams, CompletionList, CompletionOptions, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, ErrorCode, InitializeParams,
    InitializeResult, PositionEncoding, PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentContentChangeEvent, TextDocumentPositionParams, TextDocumentSyncOptions,
};
use ssq_gen::input::source::{Format, Source};
use std::cell::OnceCell;
use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::sync::mpsc;
use std::time::Duration;

/// How long the input must be quiet before diagnostics are published.
const SETTLE: Duration = Duration::from_millis(4);

#[derive(Debug, Serialize)]
struct ResponseError {
    code: ErrorCode,
    message: String,
}

impl ResponseError {
    fn new(code: ErrorCode, message: impl Into<String>) -> ResponseError {
        ResponseError { code, message: message.into() }
    }
}

/// A request's id: JSON-RPC allows a number or a string.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
enum RequestId {
    Number(i64),
    String(String),
}

/// A message as read. Which members it has decides what it is: a `method` and an `id`, a
/// request; a `method` alone, a notification; an `id` with a `result` or an `error`, a response.
#[derive(Debug, Deserialize)]
struct Message {
    #[serde(default)]
    id: Option<RequestId>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    params: Value,
    #[serde(default)]
    result: Option<Value>,
    #[serde(default)]
    error: Option<Value>,
}

/// A response: its id (`None` for a message that could not be read), and a result or an error.
#[derive(Serialize)]
struct Response {
    jsonrpc: &'static str,
    id: Option<RequestId>,
    #[serde(flatten)]
    outcome: Outcome,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Outcome {
    Result(Value),
    Error(ResponseError),
}

#[derive(Serialize)]
struct Notification<P> {
    jsonrpc: &'static str,
    method: &'static str,
    params: P,
}

/// A request's or a notification's parameters, as the method's type; a shape that does not fit
/// is the client's mistake, answered with its reason.
fn params<T: DeserializeOwned>(params: Value) -> Result<T, ResponseError> {
    serde_json::from_value(params).map_err(|err| ResponseError::new(ErrorCode::InvalidParams, err.to_string()))
}

/// A typed result as the response's JSON. The protocol's types hold nothing serde_json cannot write.
fn to_json(result: impl Serialize) -> Value {
    serde_json::to_value(result).unwrap_or(Value::Null)
}

/// What the reader thread hands on.
enum Incoming {
    Message(Box<Message>),
    /// A body that is not JSON, or a header without a length: answered, then reading goes on.
    Malformed(String),
    /// The input ended, or cannot be read any more.
    Closed,
}

/// Runs the server until `exit` or the end of its input; whether `shutdown` came first, which
/// decides the exit status, as the specification says.
pub fn run() -> bool {
    let (sender, messages) = mpsc::channel();
    std::thread::spawn(move || read_messages(io::stdin().lock(), &sender));
    let mut server = Server::new(io::stdout().lock());
    loop {
        let incoming = match server.dirty.is_empty() {
            true => messages.recv().unwrap_or(Incoming::Closed),
            false => match messages.recv_timeout(SETTLE) {
                Ok(incoming) => incoming,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    server.publish_dirty();
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => Incoming::Closed,
            },
        };
        match incoming {
            Incoming::Message(message) => {
                if let Some(after_shutdown) = server.handle(*message) {
                    return after_shutdown;
                }
            }
            Incoming::Malformed(why) => {
                log(format_args!("malformed message: {why}"));
                server.reply(None, Err(ResponseError::new(ErrorCode::ParseError, why)));
            }
            Incoming::Closed => {
                log(format_args!("the client closed the connection without `exit`"));
                return server.shut_down;
            }
        }
    }
}

/// Logs go to standard error; standard output carries the protocol only.
fn log(message: std::fmt::Arguments) {
    let _ = writeln!(io::stderr(), "ssq-gen lsp: {message}");
}

fn read_messages(mut input: impl BufRead, sender: &mpsc::Sender<Incoming>) {
    loop {
        let incoming = read_message(&mut input);
        let closed = matches!(incoming, Incoming::Closed);
        if sender.send(incoming).is_err() || closed {
            return;
        }
    }
}

/// One message: headers up to a blank line, then `Content-Length` bytes of JSON. A profile is at
/// most 1 MiB; a message may carry one several times over (JSON escapes), so the cap is larger.
fn read_message(input: &mut impl BufRead) -> Incoming {
    const MAX_BODY: usize = 64 << 20;
    let mut length = None;
    loop {
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => return Incoming::Closed,
            Ok(_) => {}
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if length.is_some() {
                break;
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
            if length.is_none() {
                return Incoming::Malformed(format!("bad Content-Length `{}`", value.trim()));
            }
        }
    }
    let length = length.unwrap_or_default();
    if length > MAX_BODY {
        return Incoming::Closed;
    }
    let mut body = vec![0; length];
    if input.read_exact(&mut body).is_err() {
        return Incoming::Closed;
    }
    match serde_json::from_slice(&body) {
        Ok(message) => Incoming::Message(Box::new(message)),
        Err(err) => Incoming::Malformed(format!("not JSON: {err}")),
    }
}

struct Document {
    uri: String,
    language: String,
    version: Option<i32>,
    text: String,
    /// The text checked once, for diagnostics, hover, completion and code actions alike, until
    /// the text changes ([`Document::changed`]).
    analysis: OnceCell<Option<editor::Analysis>>,
}

impl Document {
    /// Whether it is a profile is decided again with each text: a `[loader]` may come or go.
    fn format(&self) -> Option<Format> {
        let language = Some(self.language.as_str());
        editor::is_profile(&self.uri, language, &self.text)
            .then(|| editor::format_of(&self.uri, language).unwrap_or_else(|| Format::sniff(&self.text)))
    }

    fn analysis(&self) -> Option<&editor::Analysis> {
        let analyse = || {
            let name = self.uri.rsplit('/').next().unwrap_or(&self.uri);
            self.format().map(|format| editor::Analysis::new(name, &self.text, format))
        };
        self.analysis.get_or_init(analyse).as_ref()
    }

    /// After every change to the text: the next request checks it again.
    fn changed(&mut self) {
        self.analysis = OnceCell::new();
    }
}

struct Server<W: Write> {
    out: W,
    initialized: bool,
    shut_down: bool,
    encoding: PositionEncoding,
    documents: HashMap<String, Document>,
    /// Documents whose diagnostics wait for the input to settle.
    dirty: Vec<String>,
}

impl<W: Write> Server<W> {
    fn new(out: W) -> Server<W> {
        Server {
            out,
            initialized: false,
            shut_down: false,
            encoding: PositionEncoding::Utf16,
            documents: HashMap::new(),
            dirty: Vec::new(),
        }
    }

    fn send(&mut self, message: impl Serialize) {
        let body = to_json(message).to_string();
        let written = write!(self.out, "Content-Length: {}\r\n\r\n{body}", body.len()).and_then(|()| self.out.flush());
        if let Err(err) = written {
            log(format_args!("cannot write to the client: {err}"));
        }
    }

    fn reply(&mut self, id: Option<RequestId>, result: Result<Value, ResponseError>) {
        let outcome = match result {
            Ok(result) => Outcome::Result(result),
            Err(error) => Outcome::Error(error),
        };
        self.send(Response { jsonrpc: "2.0", id, outcome });
    }

    /// Handles one message; `Some(after_shutdown)` ends the run.
    fn handle(&mut self, message: Message) -> Option<bool> {
        let Some(method) = message.method else {
            // A response to a request of ours (we send none), or not a message at all.
            if message.id.is_some() && (message.result.is_some() || message.error.is_some()) {
                return None;
            }
            self.reply(message.id, Err(ResponseError::new(ErrorCode::InvalidRequest, "a message needs a `method`")));
            return None;
        };
        match message.id {
            Some(id) => {
                let result = self.request(&method, message.params);
                self.reply(Some(id), result);
                None
            }
            None => self.notification(&method, message.params),
        }
    }

    fn request(&mut self, method: &str, raw: Value) -> Result<Value, ResponseError> {
        if method == "initialize" {
            return Ok(to_json(self.initialize(params(raw)?)));
        }
        if !self.initialized {
            return Err(ResponseError::new(ErrorCode::ServerNotInitialized, format!("`{method}` before `initialize`")));
        }
        if self.shut_down {
            return Err(ResponseError::new(ErrorCode::InvalidRequest, format!("`{method}` after `shutdown`")));
        }
        let encoding = self.encoding;
        match method {
            "shutdown" => {
                self.shut_down = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => {
                let asked: TextDocumentPositionParams = params(raw)?;
                let hover = self.document(&asked.text_document.uri)?.and_then(|a| a.hover(asked.position, encoding));
                Ok(to_json(hover))
            }
            "textDocument/completion" => {
                let asked: TextDocumentPositionParams = params(raw)?;
                let analysis = self.document(&asked.text_document.uri)?;
                let items = analysis.map(|a| a.completion(asked.position, encoding)).unwrap_or_default();
                Ok(to_json(CompletionList { is_incomplete: false, items }))
            }
            "textDocument/codeAction" => {
                let asked: CodeActionParams = params(raw)?;
                let uri = &asked.text_document.uri;
                let actions = self.document(uri)?.map(|a| a.code_actions(uri, asked.range, encoding));
                Ok(to_json(actions.unwrap_or_default()))
            }
            _ => Err(ResponseError::new(ErrorCode::MethodNotFound, format!("ssq-gen lsp has no `{method}`"))),
        }
    }

    /// The document a request names, checked; `None` when it is not a profile; an error when the
    /// server never saw it.
    fn document(&self, uri: &str) -> Result<Option<&editor::Analysis>, ResponseError> {
        let document = self.documents.get(uri).ok_or_else(|| {
            ResponseError::new(ErrorCode::InvalidParams, format!("{uri} is not open: send textDocument/didOpen first"))
        })?;
        Ok(document.analysis())
    }

    fn initialize(&mut self, params: InitializeParams) -> InitializeResult {
        self.encoding = editor::negotiate(&params.capabilities.general.position_encodings);
        self.initialized = true;
        InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: self.encoding,
                text_document_sync: TextDocumentSyncOptions {
                    open_close: true,
                    change: 1,
                    save: SaveOptions { include_text: true },
                },
                hover_provider: true,
                completion_provider: CompletionOptions { trigger_characters: vec!["[", "\"", "=", " ", ","] },
                code_action_provider: CodeActionOptions { code_action_kinds: vec!["quickfix"] },
            },
            server_info: ServerInfo { name: "ssq-gen", version: env!("CARGO_PKG_VERSION") },
        }
    }

    fn notification(&mut self, method: &str, raw: Value) -> Option<bool> {
        let handled = match method {
            "exit" => return Some(self.shut_down),
            _ if !self.initialized || self.shut_down => Ok(()),
            "textDocument/didOpen" => params(raw).map(|opened: DidOpenTextDocumentParams| {
                let item = opened.text_document;
                let uri = item.uri.clone();
                let document = Document {
                    uri: item.uri,
                    language: item.language_id,
                    version: Some(item.version),
                    text: item.text,
                    analysis: OnceCell::new(),
                };
                self.documents.insert(uri.clone(), document);
                self.mark(&uri);
            }),
            "textDocument/didChange" => params(raw).map(|changed: DidChangeTextDocumentParams| {
                let uri = changed.text_document.uri;
                let encoding = self.encoding;
                let Some(document) = self.documents.get_mut(&uri) else {
                    log(format_args!("didChange for {uri}, which is not open"));
                    return;
                };
                for change in changed.content_changes {
                    apply_change(&mut document.text, change, encoding);
                }
                document.changed();
                document.version = Some(changed.text_document.version);
                self.mark(&uri);
            }),
            "textDocument/didSave" => params(raw).map(|saved: DidSaveTextDocumentParams| {
                let uri = saved.text_document.uri;
                let Some(document) = self.documents.get_mut(&uri) else { return };
                if let Some(text) = saved.text {
                    document.text = text;
                    document.changed();
                }
                self.mark(&uri);
            }),
            "textDocument/didClose" => params(raw).map(|closed: DidCloseTextDocumentParams| {
                let uri = closed.text_document.uri;
                if let Some(document) = self.documents.remove(&uri) {
                    self.dirty.retain(|dirty| *dirty != uri);
                    if document.format().is_some() {
                        self.send(publication(uri, None, Vec::new()));
                    }
                }
            }),
            // `initialized`, `$/cancelRequest`, `$/setTrace`, settings: nothing to do.
            _ => Ok(()),
        };
        if let Err(err) = handled {
            log(format_args!("{method}: {}", err.message));
        }
        None
    }

    fn mark(&mut self, uri: &str) {
        if !self.dirty.iter().any(|dirty| dirty == uri) {
            self.dirty.push(uri.to_string());
        }
    }

    fn publish_dirty(&mut self) {
        let encoding = self.encoding;
        for uri in std::mem::take(&mut self.dirty) {
            let Some(document) = self.documents.get(&uri) else { continue };
            let Some(analysis) = document.analysis() else { continue };
            let message = publication(uri.clone(), document.version, analysis.diagnostics(encoding));
            self.send(message);
        }
    }
}

fn publication(
    uri: String,
    version: Option<i32>,
    diagnostics: Vec<ssq_gen::editor::protocol::Diagnostic>,
) -> Notification<PublishDiagnosticsParams> {
    let params = PublishDiagnosticsParams { uri, version, diagnostics };
    Notification { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params }
}

/// A content change: the whole text, or (from a client that sends them anyway) a range's.
fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent, encoding: PositionEncoding) {
    let Some(range) = change.range else {
        *text = change.text;
        return;
    };
    // The format does not count: only positions are read.
    let source = Source::from_text(String::new(), text.clone(), Format::Toml);
    let (start, end) = (editor::offset(&source, range.start, encoding), editor::offset(&source, range.end, encoding));
    if start <= end {
        text.replace_range(start..end, &change.text);
    }
}
