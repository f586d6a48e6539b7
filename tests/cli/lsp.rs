//! `ssq-gen lsp` at the protocol level, as an editor drives it: the real binary over pipes, as
//! typos-lsp's and ruff's end-to-end tests do. Positions are worked out here from the text, on
//! their own, not with the server's code.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(10);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    /// Notifications read while waiting for a response.
    queued: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(crate::support::binary())
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = mpsc::channel();
        // Standard output must be framed messages and nothing else: anything else fails here.
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if out.read_line(&mut line).unwrap() == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    let (name, value) = line.split_once(": ").unwrap_or_else(|| panic!("not a header: {line:?}"));
                    assert_eq!(name, "Content-Length", "{line:?}");
                    length = Some(value.parse::<usize>().unwrap());
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                out.read_exact(&mut body).unwrap();
                let message: Value = serde_json::from_slice(&body).expect("a JSON body");
                assert_eq!(message["jsonrpc"], "2.0");
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Client { child, stdin, messages, queued: Vec::new(), next_id: 1 }
    }

    fn write(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn frame(message: &Value) -> Vec<u8> {
        let body = message.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.write(&Self::frame(&json!({"jsonrpc": "2.0", "method": method, "params": params})));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.write(&Self::frame(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})));
        self.response(json!(id))
    }

    fn response(&mut self, id: Value) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let message = self.messages.recv_timeout(deadline - Instant::now()).expect("a response in time");
            if message.get("id") == Some(&id) && message.get("method").is_none() {
                return message;
            }
            self.queued.push(message);
        }
    }

    /// The next `textDocument/publishDiagnostics` for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        if let Some(at) = self.queued.iter().position(|m| is_publication(m, uri)) {
            return self.queued.remove(at)["params"].clone();
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let message = self.messages.recv_timeout(deadline - Instant::now()).expect("diagnostics in time");
            if is_publication(&message, uri) {
                return message["params"].clone();
            }
            self.queued.push(message);
        }
    }

    /// Every publication for `uri` that arrives within `quiet` of the one before.
    fn publications(&mut self, uri: &str, quiet: Duration) -> Vec<Value> {
        let (mine, others): (Vec<Value>, Vec<Value>) = self.queued.drain(..).partition(|m| is_publication(m, uri));
        self.queued = others;
        let mut found: Vec<Value> = mine.into_iter().map(|m| m["params"].clone()).collect();
        while let Ok(message) = self.messages.recv_timeout(quiet) {
            if is_publication(&message, uri) {
                found.push(message["params"].clone());
            }
        }
        found
    }

    fn initialize(&mut self, encodings: Option<&[&str]>) -> Value {
        let mut capabilities = json!({"textDocument": {"publishDiagnostics": {}}});
        if let Some(encodings) = encodings {
            capabilities["general"] = json!({"positionEncodings": encodings});
        }
        let response =
            self.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": capabilities}));
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        let item = json!({"uri": uri, "languageId": language, "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": item}));
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        let params = json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]});
        self.notify("textDocument/didChange", params);
    }

    /// `shutdown`, `exit`, and the exit status and standard error.
    fn finish(mut self, shutdown: bool) -> (Option<i32>, String) {
        if shutdown {
            let response = self.request("shutdown", Value::Null);
            assert_eq!(response["result"], Value::Null, "{response}");
        }
        self.notify("exit", Value::Null);
        let status = wait(&mut self.child);
        let mut stderr = String::new();
        self.child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        (status, stderr)
    }
}

fn wait(child: &mut Child) -> Option<i32> {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn is_publication(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

/// `lint --format json` of the same text, as `.ssq.toml` or `.ssq.json`.
fn lint(text: &str, extension: &str) -> Vec<Value> {
    let profile = crate::support::temp_profile(&format!("p.ssq.{extension}"), text);
    let output = crate::support::ssq_gen().args(["lint", "--format", "json"]).arg(&profile.path).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"].as_array().unwrap().clone()
}

/// LSP's position of a 1-based line and character column, counted in `unit` (UTF-16 units or
/// UTF-8 bytes) over the text's own line.
fn lsp_position(text: &str, line: u64, column: u64, unit: fn(char) -> usize) -> Value {
    let line_text = text.split('\n').nth(line as usize - 1).unwrap_or("");
    let character: usize = line_text.chars().take(column as usize - 1).map(unit).sum();
    json!({"line": line - 1, "character": character})
}

/// A profile with a finding after an emoji, CJK and a tab on its line, and several fixable ones.
const PROFILE: &str = "# 客服 😀\n[loader]\nlicense = \"g1vfb1b\"\nhide_icon = true\n[login]\nuser_id = \"b58e64cfxs2ym\"\nusr_name = \"张伟\"\nlanguage = \"zh-cn\"\nlabel_names = [\"张伟😀\",\t\"张伟😀\"]\nphone = \"+1-800-FLOWERS\"\n[events]\non_open_chat = \"datalayr\"\n[launcher]\nopen_selector = \"#help\"\n";

fn initialize_negotiates_the_position_encoding() {
    for (offered, chosen) in
        [(None, "utf-16"), (Some(&["utf-8", "utf-16"][..]), "utf-8"), (Some(&["utf-32", "utf-16"][..]), "utf-16")]
    {
        let mut client = Client::start();
        let result = client.initialize(offered);
        assert_eq!(result["capabilities"]["positionEncoding"], chosen, "{offered:?}");
        let capabilities = &result["capabilities"];
        assert_eq!(capabilities["textDocumentSync"]["change"], 1, "full sync");
        assert_eq!(capabilities["hoverProvider"], true);
        assert!(capabilities["completionProvider"].is_object() && capabilities["codeActionProvider"].is_object());
        assert_eq!(result["serverInfo"]["name"], "ssq-gen");
        assert_eq!(client.finish(true).0, Some(0));
    }
}

/// Open, change, save and close, each with exactly `lint`'s findings, at positions counted here.
fn diagnostics_are_exactly_lints_findings() {
    for (encodings, unit) in
        [(None, char::len_utf16 as fn(char) -> usize), (Some(&["utf-8"][..]), char::len_utf8 as fn(char) -> usize)]
    {
        let mut client = Client::start();
        client.initialize(encodings);
        let uri = "file:///site/chat.ssq.toml";
        client.open(uri, "toml", PROFILE);
        let published = client.diagnostics(uri);
        assert_eq!(published["version"], 1);
        let ours = published["diagnostics"].as_array().unwrap();
        let lints = lint(PROFILE, "toml");
        assert_eq!(ours.len(), lints.len(), "{published:#}");
        for (ours, lint) in ours.iter().zip(&lints) {
            assert_eq!(ours["code"], lint["code"]);
            assert_eq!(ours["source"], "ssq-gen");
            assert_eq!(ours["severity"], if lint["severity"] == "error" { 1 } else { 2 });
            let message = format!("{}\nhelp: {}", lint["message"].as_str().unwrap(), lint["help"].as_str().unwrap());
            assert_eq!(ours["message"], message);
            let code = lint["code"].as_str().unwrap().to_ascii_lowercase();
            assert!(ours["codeDescription"]["href"].as_str().unwrap().ends_with(&format!("README.md#{code}")));
            let start = lsp_position(PROFILE, lint["line"].as_u64().unwrap(), lint["column"].as_u64().unwrap(), unit);
            let end =
                lsp_position(PROFILE, lint["end_line"].as_u64().unwrap(), lint["end_column"].as_u64().unwrap(), unit);
            assert_eq!(ours["range"], json!({"start": start, "end": end}), "{}", ours["code"]);
        }
        // The repeated label, after CJK, an emoji and a tab on its line: 16 + 2 + 2 + 3 UTF-16
        // units, or 16 + 6 + 4 + 3 bytes.
        let repeat = ours.iter().find(|d| d["code"] == "SSQ212").unwrap();
        let expected = if encodings.is_none() { 23 } else { 29 };
        assert_eq!(repeat["range"]["start"], json!({"line": 8, "character": expected}));

        let fixed = "[loader]\nlicense = \"g1vfb1b\"\n";
        client.change(uri, 2, fixed);
        assert_eq!(client.diagnostics(uri), json!({"uri": uri, "version": 2, "diagnostics": []}));
        let broken = "[loader]\nlicense = \"g1\"\n";
        client.notify("textDocument/didSave", json!({"textDocument": {"uri": uri}, "text": broken}));
        let saved = client.diagnostics(uri);
        assert_eq!(saved["diagnostics"][0]["code"], "SSQ103", "{saved}");
        client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
        assert_eq!(client.diagnostics(uri)["diagnostics"], json!([]), "closing clears them");
        assert_eq!(client.finish(true).0, Some(0));
    }
}

/// Which documents are profiles: by name, or TOML and JSON with a `[loader]` section; a big one
/// gets SSQ003 as `lint` does.
fn profiles_are_recognized_and_the_size_limit_holds() {
    let mut client = Client::start();
    client.initialize(None);
    client.open("file:///x/Cargo.toml", "toml", "[package]\nname = \"x\"\n");
    client.open("file:///x/chat.toml", "toml", "[loader]\nlicense = \"g1\"\n");
    client.open("untitled:Untitled-1", "json", "{\"loader\": {\"license\": \"g1\"}}");
    assert_eq!(client.diagnostics("file:///x/chat.toml")["diagnostics"][0]["code"], "SSQ103");
    assert_eq!(client.diagnostics("untitled:Untitled-1")["diagnostics"][0]["code"], "SSQ103");
    let big = format!("[loader]\nlicense = \"g1vfb1b\"\n# {}\n", "x".repeat(1 << 20));
    client.open("file:///x/big.ssq.toml", "toml", &big);
    assert_eq!(client.diagnostics("file:///x/big.ssq.toml")["diagnostics"][0]["code"], "SSQ003");
    assert!(client.publications("file:///x/Cargo.toml", Duration::from_millis(200)).is_empty(), "not a profile");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x/Cargo.toml"}, "position": {"line": 0, "character": 2}}),
    );
    assert_eq!(hover["result"], Value::Null);
    assert_eq!(client.finish(true).0, Some(0));
}

/// A burst of changes publishes the latest text's diagnostics, not one set per change.
fn rapid_changes_are_coalesced() {
    let mut client = Client::start();
    client.initialize(None);
    let uri = "file:///site/chat.ssq.toml";
    client.open(uri, "toml", "[loader]\nlicense = \"g1vfb1b\"\n");
    let mut burst = Vec::new();
    for version in 2..=40 {
        let text = format!("[loader]\nlicense = \"{}\"\n", "g".repeat(version as usize % 3 + 1));
        let params = json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]});
        burst.extend(Client::frame(&json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params})));
    }
    // The last text is valid.
    let params = json!({"textDocument": {"uri": uri, "version": 41}, "contentChanges": [{"text": "[loader]\nlicense = \"h2wgc2c\"\n"}]});
    burst.extend(Client::frame(&json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params})));
    client.write(&burst);
    let published = client.publications(uri, Duration::from_millis(300));
    let last = published.last().expect("a publication");
    assert_eq!(last["version"], 41);
    assert_eq!(last["diagnostics"], json!([]));
    // The open's own, and the burst's: a settle window can split a burst the scheduler splits.
    assert!(published.len() <= 3, "{} publications for one burst of 40 changes", published.len());
    client.finish(true);
}

fn hover_gives_the_reference_and_the_rule() {
    let mut client = Client::start();
    client.initialize(None);
    let uri = "file:///site/chat.ssq.toml";
    client.open(uri, "toml", PROFILE);
    let hover = |client: &mut Client, line: u64, character: u64| {
        let response = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        response["result"]["contents"]["value"].as_str().unwrap_or_default().to_string()
    };
    let key = hover(&mut client, 5, 2);
    assert!(key.contains("`login.user_id`") && key.contains("encrypted or hashed user id"), "{key}");
    let section = hover(&mut client, 4, 3);
    assert!(section.contains("`[login]`"), "{section}");
    let finding = hover(&mut client, 9, 10);
    assert!(finding.contains("**SSQ204** `phone` (error)") && finding.contains("**Why:**"), "{finding}");
    assert!(finding.contains("Ignorable: no"), "{finding}");
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///never-opened.ssq.toml"}, "position": {"line": 0, "character": 0}}),
    );
    assert!(response["error"]["message"].as_str().unwrap().contains("is not open"), "{response}");
    client.finish(true);
}

fn completion_offers_sections_keys_and_words() {
    let mut client = Client::start();
    client.initialize(None);
    let labels = |client: &mut Client, uri: &str, text: &str, line: u64, character: u64| -> Vec<String> {
        let language = if uri.ends_with(".json") { "json" } else { "toml" };
        client.open(uri, language, text);
        let response = client.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        response["result"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    let toml = "[loader]\nlicense = \"g1vfb1b\"\n\n";
    let sections = labels(&mut client, "file:///a.ssq.toml", toml, 2, 0);
    assert!(sections.contains(&"login".to_string()) && !sections.contains(&"loader".to_string()), "{sections:?}");
    assert!(sections.contains(&"load".to_string()), "the current section's unset keys too: {sections:?}");
    assert!(!sections.contains(&"license".to_string()), "license is set: {sections:?}");

    let login = "[loader]\nlicense = \"g1vfb1b\"\n[login]\nuser_id = \"b58e64cfxs2ym\"\nus";
    let keys = labels(&mut client, "file:///b.ssq.toml", login, 4, 2);
    assert!(keys.contains(&"user_name".to_string()) && !keys.contains(&"user_id".to_string()), "{keys:?}");

    let load = "[loader]\nlicense = \"g1vfb1b\"\nload = \"";
    assert_eq!(labels(&mut client, "file:///c.ssq.toml", load, 2, 8), ["immediate", "idle", "interaction"]);
    let action = "[loader]\nlicense = \"g1vfb1b\"\n[events]\non_unread = ";
    assert_eq!(labels(&mut client, "file:///d.ssq.toml", action, 3, 12), ["console", "datalayer", "gtag"]);
    let upload = "[loader]\nlicense = \"g1vfb1b\"\n[widget]\nhide_upload = [\"img\", \"";
    assert_eq!(labels(&mut client, "file:///e.ssq.toml", upload, 3, 23), ["img", "video", "document"]);
    let format = "[loader]\nlicense = \"g1vfb1b\"\n[login]\nphone_format = \"";
    assert_eq!(labels(&mut client, "file:///f.ssq.toml", format, 3, 16), ["e164", "digits"]);

    let json_load = "{\"loader\": {\"license\": \"g1vfb1b\", \"load\": \"";
    assert_eq!(labels(&mut client, "file:///g.ssq.json", json_load, 0, 44), ["immediate", "idle", "interaction"]);
    let json_keys = "{\"loader\": {\"license\": \"g1vfb1b\"}, \"login\": {\"";
    let keys = labels(&mut client, "file:///h.ssq.json", json_keys, 0, 47);
    assert!(keys.contains(&"user_id".to_string()), "{keys:?}");
    let json_upload = "{\"loader\": {\"license\": \"g1vfb1b\"}, \"widget\": {\"hide_upload\": [\"";
    assert_eq!(labels(&mut client, "file:///i.ssq.json", json_upload, 0, 63), ["img", "video", "document"]);
    client.finish(true);
}

/// Every quick fix's edits, applied by this test to the text, one round after another, leave a
/// profile `lint` accepts.
fn code_actions_fix_the_profile() {
    let mut client = Client::start();
    client.initialize(None);
    let uri = "file:///site/chat.ssq.toml";
    // The letters in the phone number have no fix; the rest all do.
    let mut text = PROFILE.replace("+1-800-FLOWERS", "+1 800 356 9377");
    client.open(uri, "toml", &text);
    let mut titles = Vec::new();
    for version in 2..20 {
        let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}});
        let response = client.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": []}}),
        );
        let actions = response["result"].as_array().unwrap().clone();
        let Some(action) = actions.first() else { break };
        assert_eq!(action["kind"], "quickfix");
        titles.push(action["title"].as_str().unwrap().to_string());
        let edits = action["edit"]["changes"][uri].as_array().unwrap();
        text = apply(&text, edits);
        client.change(uri, version, &text);
    }
    for title in [
        "move `hide_icon` to `[widget]`",
        "rename the key to `user_name`",
        "write `zh-CN`",
        "remove the second `张伟😀`",
        "write `datalayer`",
    ] {
        assert!(titles.iter().any(|t| t == title), "{title:?} in {titles:?}");
    }
    let findings = lint(&text, "toml");
    assert_eq!(findings, Vec::<Value>::new(), "after every fix:\n{text}");
    client.finish(true);
}

/// LSP text edits (UTF-16 positions), applied from the last to the first.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |position: &Value| -> usize {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().unwrap()))
        .collect();
    edits.sort();
    let mut out = text.to_string();
    for (start, end, new) in edits.into_iter().rev() {
        out.replace_range(start..end, new);
    }
    out
}

/// Bad input gets an error response, and the server goes on answering.
fn malformed_input_gets_errors_not_a_crash() {
    let mut client = Client::start();
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "before initialize: {early}");
    client.initialize(None);
    client.write(b"Content-Length: 9\r\n\r\n{not json");
    let parse = client.response(Value::Null);
    assert_eq!(parse["error"]["code"], -32700, "{parse}");
    client.write(b"Content-Length: many\r\n\r\n");
    assert_eq!(client.response(Value::Null)["error"]["code"], -32700);
    client.write(&Client::frame(&json!({"jsonrpc": "2.0", "id": 77, "params": {}})));
    assert_eq!(client.response(json!(77))["error"]["code"], -32600, "no method");
    let unknown = client.request("workspace/frobnicate", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let missing = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": "file:///nope.ssq.toml"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(missing["error"]["code"], -32602, "{missing}");
    // Parameters of the wrong shape: the reason names what did not fit.
    client.open("file:///typed.ssq.toml", "toml", "[loader]\nlicense = \"g1vfb1b\"\n");
    let negative = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///typed.ssq.toml"}, "position": {"line": -1, "character": 0}}),
    );
    assert_eq!(negative["error"]["code"], -32602, "{negative}");
    assert!(negative["error"]["message"].as_str().unwrap().contains("-1"), "{negative}");
    let no_range =
        client.request("textDocument/codeAction", json!({"textDocument": {"uri": "file:///typed.ssq.toml"}}));
    assert!(no_range["error"]["message"].as_str().unwrap().contains("range"), "{no_range}");
    // A string id is answered with the same string.
    client.write(&Client::frame(&json!({"jsonrpc": "2.0", "id": "s-1", "method": "workspace/frobnicate"})));
    assert_eq!(client.response(json!("s-1"))["error"]["code"], -32601);
    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": "file:///half.ssq.toml"}}));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nope.ssq.toml", "version": 3}, "contentChanges": [{"text": "x"}]}),
    );
    client.notify("$/cancelRequest", json!({"id": 1}));
    // Still answering.
    client.open("file:///ok.ssq.toml", "toml", "[loader]\nlicense = \"g1\"\n");
    assert_eq!(client.diagnostics("file:///ok.ssq.toml")["diagnostics"][0]["code"], "SSQ103");
    let (status, stderr) = client.finish(true);
    assert_eq!(status, Some(0));
    assert!(stderr.contains("malformed message"), "logs go to standard error: {stderr}");
}

fn exit_without_shutdown_is_status_1() {
    let mut client = Client::start();
    client.initialize(None);
    assert_eq!(client.finish(false).0, Some(1));

    // After `shutdown`, requests are refused until `exit`.
    let mut client = Client::start();
    client.initialize(None);
    assert_eq!(client.request("shutdown", Value::Null)["result"], Value::Null);
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    assert_eq!(client.finish(false).0, Some(0), "exit after shutdown");
}

tests! {
    initialize_negotiates_the_position_encoding,
    diagnostics_are_exactly_lints_findings,
    profiles_are_recognized_and_the_size_limit_holds,
    rapid_changes_are_coalesced,
    hover_gives_the_reference_and_the_rule,
    completion_offers_sections_keys_and_words,
    code_actions_fix_the_profile,
    malformed_input_gets_errors_not_a_crash,
    exit_without_shutdown_is_status_1,
}
