//! `ssq-gen lsp`: the Language Server Protocol 3.17 over standard input and output, answering from
//! [`ssq_gen::editor`]. The transport is written here, on serde_json alone: lsp-server's reader
//! ends the connection at the first malformed message, and this server must answer one with an
//! error and go on (see the commit that added it for the costs weighed).
//!
//! A thread reads messages into a channel; the main loop handles them in order, and publishes a
//! document's diagnostics once the messages stop arriving for [`SETTLE`]: a burst of changes
//! gives one publication, for the latest text.

use serde_json::{Value, json};
use ssq_gen::editor::{self, Encoding};
use ssq_gen::input::source::Format;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::sync::mpsc;
use std::time::Duration;

/// How long the input must be quiet before diagnostics are published.
const SETTLE: Duration = Duration::from_millis(4);

/// JSON-RPC's and LSP's error codes.
mod code {
    pub const PARSE_ERROR: i64 = -32700;
    pub const INVALID_REQUEST: i64 = -32600;
    pub const METHOD_NOT_FOUND: i64 = -32601;
    pub const INVALID_PARAMS: i64 = -32602;
    pub const SERVER_NOT_INITIALIZED: i64 = -32002;
}

/// What the reader thread hands on.
enum Incoming {
    Message(Value),
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
                if let Some(after_shutdown) = server.handle(message) {
                    return after_shutdown;
                }
            }
            Incoming::Malformed(why) => {
                log(format_args!("malformed message: {why}"));
                server
                    .send(json!({"jsonrpc": "2.0", "id": null, "error": {"code": code::PARSE_ERROR, "message": why}}));
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
        Ok(message) => Incoming::Message(message),
        Err(err) => Incoming::Malformed(format!("not JSON: {err}")),
    }
}

struct Document {
    uri: String,
    language: Option<String>,
    version: Option<i64>,
    text: String,
    /// The text checked once, for diagnostics, hover, completion and code actions alike, until
    /// the text changes ([`Document::changed`]).
    analysis: OnceCell<Option<editor::Analysis>>,
}

impl Document {
    /// Whether it is a profile is decided again with each text: a `[loader]` may come or go.
    fn format(&self) -> Option<Format> {
        let language = self.language.as_deref();
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
    encoding: Option<Encoding>,
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
            encoding: None,
            documents: HashMap::new(),
            dirty: Vec::new(),
        }
    }

    fn encoding(&self) -> Encoding {
        self.encoding.unwrap_or(Encoding::Utf16)
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        let written = write!(self.out, "Content-Length: {}\r\n\r\n{body}", body.len()).and_then(|()| self.out.flush());
        if let Err(err) = written {
            log(format_args!("cannot write to the client: {err}"));
        }
    }

    fn reply(&mut self, id: Value, result: Result<Value, (i64, String)>) {
        match result {
            Ok(result) => self.send(json!({"jsonrpc": "2.0", "id": id, "result": result})),
            Err((code, message)) => {
                self.send(json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}))
            }
        }
    }

    /// Handles one message; `Some(after_shutdown)` ends the run.
    fn handle(&mut self, message: Value) -> Option<bool> {
        let Some(method) = message.get("method").and_then(Value::as_str).map(str::to_string) else {
            // A response to a request of ours (we send none), or not a message at all.
            if message.get("id").is_some() && (message.get("result").is_some() || message.get("error").is_some()) {
                return None;
            }
            let id = message.get("id").cloned().unwrap_or(Value::Null);
            self.reply(id, Err((code::INVALID_REQUEST, "a message needs a `method`".into())));
            return None;
        };
        let params = message.get("params").cloned().unwrap_or(Value::Null);
        match message.get("id").cloned() {
            Some(id) => {
                let result = self.request(&method, &params);
                self.reply(id, result);
                None
            }
            None => self.notification(&method, &params),
        }
    }

    fn request(&mut self, method: &str, params: &Value) -> Result<Value, (i64, String)> {
        if method == "initialize" {
            return Ok(self.initialize(params));
        }
        if !self.initialized {
            return Err((code::SERVER_NOT_INITIALIZED, format!("`{method}` before `initialize`")));
        }
        if self.shut_down {
            return Err((code::INVALID_REQUEST, format!("`{method}` after `shutdown`")));
        }
        let encoding = self.encoding();
        match method {
            "shutdown" => {
                self.shut_down = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => {
                let checked = self.document(params)?;
                Ok(checked.and_then(|c| c.hover(&params["position"], encoding)).unwrap_or(Value::Null))
            }
            "textDocument/completion" => {
                let checked = self.document(params)?;
                let items = checked.map(|c| c.completion(&params["position"], encoding)).unwrap_or_default();
                Ok(json!({"isIncomplete": false, "items": items}))
            }
            "textDocument/codeAction" => {
                let uri = params["textDocument"]["uri"].as_str().unwrap_or_default().to_string();
                let checked = self.document(params)?;
                Ok(checked.map(|c| c.code_actions(&uri, &params["range"], encoding)).unwrap_or_default().into())
            }
            _ => Err((code::METHOD_NOT_FOUND, format!("ssq-gen lsp has no `{method}`"))),
        }
    }

    /// The document a request names, checked; `None` when it is not a profile; an error when the
    /// server never saw it.
    fn document(&self, params: &Value) -> Result<Option<&editor::Analysis>, (i64, String)> {
        let uri = params["textDocument"]["uri"].as_str().ok_or((code::INVALID_PARAMS, "no textDocument.uri".into()))?;
        let document = self
            .documents
            .get(uri)
            .ok_or_else(|| (code::INVALID_PARAMS, format!("{uri} is not open: send textDocument/didOpen first")))?;
        Ok(document.analysis())
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let offered = params["capabilities"]["general"]["positionEncodings"].as_array();
        let utf8 = offered.is_some_and(|list| list.iter().any(|e| e == "utf-8"));
        let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        self.encoding = Some(encoding);
        self.initialized = true;
        json!({
            "capabilities": {
                "positionEncoding": encoding.name(),
                "textDocumentSync": {"openClose": true, "change": 1, "save": {"includeText": true}},
                "hoverProvider": true,
                "completionProvider": {"triggerCharacters": ["[", "\"", "=", " ", ","]},
                "codeActionProvider": {"codeActionKinds": ["quickfix"]},
            },
            "serverInfo": {"name": "ssq-gen", "version": env!("CARGO_PKG_VERSION")},
        })
    }

    fn notification(&mut self, method: &str, params: &Value) -> Option<bool> {
        match method {
            "exit" => return Some(self.shut_down),
            _ if !self.initialized || self.shut_down => {}
            "textDocument/didOpen" => {
                let item = &params["textDocument"];
                let (Some(uri), Some(text)) = (item["uri"].as_str(), item["text"].as_str()) else { return None };
                let language = item["languageId"].as_str().map(str::to_string);
                let version = item["version"].as_i64();
                let document =
                    Document { uri: uri.into(), language, version, text: text.into(), analysis: OnceCell::new() };
                self.documents.insert(uri.to_string(), document);
                self.mark(uri);
            }
            "textDocument/didChange" => {
                let uri = params["textDocument"]["uri"].as_str().unwrap_or_default().to_string();
                let encoding = self.encoding();
                let Some(document) = self.documents.get_mut(&uri) else {
                    log(format_args!("didChange for {uri}, which is not open"));
                    return None;
                };
                for change in params["contentChanges"].as_array().into_iter().flatten() {
                    apply_change(&mut document.text, change, encoding);
                }
                document.changed();
                document.version = params["textDocument"]["version"].as_i64();
                self.mark(&uri);
            }
            "textDocument/didSave" => {
                let uri = params["textDocument"]["uri"].as_str().unwrap_or_default().to_string();
                if let (Some(document), Some(text)) = (self.documents.get_mut(&uri), params["text"].as_str()) {
                    document.text = text.to_string();
                    document.changed();
                }
                if self.documents.contains_key(&uri) {
                    self.mark(&uri);
                }
            }
            "textDocument/didClose" => {
                let uri = params["textDocument"]["uri"].as_str().unwrap_or_default().to_string();
                if let Some(document) = self.documents.remove(&uri) {
                    self.dirty.retain(|dirty| *dirty != uri);
                    if document.format().is_some() {
                        self.send(publication(&uri, None, Vec::new()));
                    }
                }
            }
            // `initialized`, `$/cancelRequest`, `$/setTrace`, settings: nothing to do.
            _ => {}
        }
        None
    }

    fn mark(&mut self, uri: &str) {
        if !self.dirty.iter().any(|dirty| dirty == uri) {
            self.dirty.push(uri.to_string());
        }
    }

    fn publish_dirty(&mut self) {
        let encoding = self.encoding();
        for uri in std::mem::take(&mut self.dirty) {
            let Some(document) = self.documents.get(&uri) else { continue };
            let Some(analysis) = document.analysis() else { continue };
            let message = publication(&uri, document.version, analysis.diagnostics(encoding));
            self.send(message);
        }
    }
}

fn publication(uri: &str, version: Option<i64>, diagnostics: Vec<Value>) -> Value {
    let mut params = json!({"uri": uri, "diagnostics": diagnostics});
    if let Some(version) = version {
        params["version"] = version.into();
    }
    json!({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": params})
}

/// A content change: the whole text, or (from a client that sends them anyway) a range's.
fn apply_change(text: &mut String, change: &Value, encoding: Encoding) {
    let Some(new_text) = change["text"].as_str() else { return };
    let Some(range) = change.get("range").filter(|range| range.is_object()) else {
        *text = new_text.to_string();
        return;
    };
    let lines = editor::Lines::new(text, encoding);
    if let (Some(start), Some(end)) = (lines.offset(&range["start"]), lines.offset(&range["end"]))
        && start <= end
    {
        text.replace_range(start..end, new_text);
    }
}
