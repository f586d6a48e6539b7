//! `ssq-gen audit`: SaleSmartly installs written by hand, in a site's own pages and scripts, held
//! to what the vendor's SDK page and install code say (SSQ501–SSQ509). A file is read in page
//! order: its template tags masked ([`mask`]), its scripts and event handlers found with an HTML
//! tokenizer ([`page`]), each script read with a JavaScript parser ([`script`]); then the order
//! decides (a queue defined before the loader, a push before any queue).
//!
//! Files that mention neither `ssq`, `__ssc` nor SaleSmartly cost one scan for those bytes.

mod generated;
pub mod import;
pub mod mask;
pub mod page;
pub mod script;

use crate::Checked;
use crate::diagnostics::Diagnostic;
use crate::diagnostics::registry as rule;
use crate::input::source::{Content, Source, Span};
use crate::sdk::{Command, Event, Word};
use mask::Engine;
use page::Code;
use script::Facts;

/// The files `audit` reads when it walks a folder: pages, templates and scripts.
pub const DEFAULT_GLOBS: &[&str] = &[
    "*.html",
    "*.htm",
    "*.php",
    "*.phtml",
    "*.liquid",
    "*.erb",
    "*.twig",
    "*.j2",
    "*.jinja",
    "*.jinja2",
    "*.hbs",
    "*.handlebars",
    "*.ejs",
    "*.vue",
    "*.svelte",
    "*.js",
    "*.mjs",
    "*.cjs",
    "*.jsx",
    "*.ts",
    "*.tsx",
];

/// How a file holds its JavaScript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// All of it is JavaScript (or TypeScript, or JSX).
    Script { jsx: bool, ts: bool },
    /// A page or a component: its `<script>` elements and handler attributes.
    Page,
}

fn kind(name: &str) -> Kind {
    let name = name.to_ascii_lowercase();
    let extension = name.rsplit('.').next().unwrap_or_default();
    match extension {
        // JSX is read in `.js` too, as React projects write it.
        "js" | "mjs" | "cjs" | "jsx" => Kind::Script { jsx: true, ts: false },
        "ts" | "mts" | "cts" => Kind::Script { jsx: false, ts: true },
        "tsx" => Kind::Script { jsx: true, ts: true },
        _ => Kind::Page,
    }
}

/// Whether `text` can hold SaleSmartly code at all: a few byte searches, no parsing.
fn mentions_salesmartly(text: &[u8]) -> bool {
    ["ssq", "__ssc", "alesmartly", "ALESMARTLY"]
        .iter()
        .any(|needle| memchr::memmem::find(text, needle.as_bytes()).is_some())
}

/// Audits one file: its findings, in source order.
pub fn audit(source: Source) -> Checked {
    read_and(source, |_, _, _| ()).0
}

/// What `import` makes of a file: audit's findings, and the profile with its own (SSQ510). The
/// file is read once for both.
pub fn import(source: Source) -> (Checked, import::Profile) {
    let (mut checked, profile) = read_and(source, import::profile);
    let profile = profile.unwrap_or_default();
    checked.diagnostics.extend(profile.untranslated.iter().cloned());
    checked.diagnostics.sort_by_key(|d| (d.span.start, d.rule.code));
    (checked, profile)
}

/// Reads `source` (when it can hold SaleSmartly code) and gives audit's findings, and what `also`
/// makes of the same reading.
fn read_and<T>(source: Source, also: impl FnOnce(&[Read], &str, &[mask::Masked]) -> T) -> (Checked, Option<T>) {
    let not_read = |why: String| {
        vec![Diagnostic::new(
            &rule::NOT_READ,
            0..0,
            format!("not read: {why}"),
            "its findings are unknown: leave it out with `--glob '!…'`, or check it by hand",
        )]
    };
    let mut made = None;
    let diagnostics = match &source.content {
        Content::Text(text) if mentions_salesmartly(text.as_bytes()) => {
            let (reads, tags) = read_file(&source.name, text);
            made = Some(also(&reads, text, &tags));
            findings(&reads, &tags, text)
        }
        Content::Text(_) | Content::Unread => Vec::new(),
        Content::TooLarge => {
            not_read(format!("it is larger than {} MiB", crate::input::source::MAX_PROFILE_BYTES >> 20))
        }
        Content::NotUtf8 { at, .. } => not_read(format!("it is not UTF-8 text (invalid byte at offset {at})")),
    };
    (Checked { source, diagnostics, profile: None, fixed: None }, made)
}

/// One piece of JavaScript, read.
struct Read {
    code: Code,
    facts: Facts,
}

impl Read {
    /// Whether it runs as the page loads (a script), or later (a handler).
    fn is_handler(&self) -> bool {
        matches!(self.code, Code::Handler { .. })
    }

    fn body(&self) -> &Span {
        self.code.body()
    }

    /// Whether it touches SaleSmartly at all.
    fn is_salesmartly(&self) -> bool {
        let f = &self.facts;
        !f.pushes.is_empty()
            || !f.stubs.is_empty()
            || !f.settings.is_empty()
            || !f.loader_urls.is_empty()
            || matches!(&self.code, Code::Script { src: Some((src, _)), .. } if script::is_loader_url(src))
    }
}

fn findings(reads: &[Read], tags: &[mask::Masked], text: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    order(reads, &mut found);
    for read in reads {
        pushes(read, &mut found);
        settings(read, &mut found);
        if read.is_salesmartly() {
            values_in_script(read, tags, &mut found);
        }
        unread(read, text, &mut found);
    }
    found.sort_by_key(|d| (d.span.start, d.rule.code));
    found
}

/// A file's JavaScript, read in page order, and its template tags.
fn read_file(name: &str, text: &str) -> (Vec<Read>, Vec<mask::Masked>) {
    let kind = kind(name);
    let engine = Engine::of(name);
    let (masked, tags) = match engine {
        Some(engine) => mask::mask(text, engine),
        None => (text.to_string(), Vec::new()),
    };
    let codes = match kind {
        Kind::Script { .. } => {
            vec![Code::Script { src: None, blocking: false, body: 0..masked.len(), typescript: false }]
        }
        Kind::Page => page::code(&masked),
    };
    let reads: Vec<Read> = codes
        .into_iter()
        .map(|code| {
            let syntax = match (kind, &code) {
                (Kind::Script { jsx, ts }, _) => script::Syntax { jsx, ts, handler: false },
                (Kind::Page, Code::Script { typescript, .. }) => {
                    script::Syntax { ts: *typescript, ..Default::default() }
                }
                (Kind::Page, Code::Handler { .. }) => script::Syntax { handler: true, ..Default::default() },
            };
            let body = code.body();
            let js = masked.get(body.clone()).unwrap_or_default();
            // A page's other scripts (analytics, the theme's) have nothing to tell: not parsed.
            let facts = match mentions_salesmartly(js.as_bytes()) {
                true => script::read(js, body.start, syntax),
                false => Facts::default(),
            };
            Read { code, facts }
        })
        .collect();
    (reads, tags)
}

/// What page order decides: loaders (SSQ501, SSQ509), a queue defined before one (SSQ502), and
/// pushes with no queue (SSQ508).
fn order(reads: &[Read], found: &mut Vec<Diagnostic>) {
    // A queue that exists whether or not the loader loads: a stub, or the install code's own.
    let defined_anywhere = reads.iter().any(|r| !r.facts.stubs.is_empty() || r.facts.is_install_code());
    let mut defined = false;
    let mut stub_before_loader: Option<Span> = None;
    let mut loaders = 0;
    for read in reads {
        let mut loader_at: Vec<Span> = Vec::new();
        if let Code::Script { src: Some((src, at)), blocking, .. } = &read.code
            && script::is_loader_url(src)
        {
            if *blocking {
                let message = "SaleSmartly's loader is a parser-blocking `<script src>`: the page waits for it";
                let help = "add `async` (the install code inserts it asynchronously), or write the install with `ssq-gen snippet`";
                found.push(Diagnostic::new(&rule::BLOCKING_LOADER, at.clone(), message, help));
            }
            loader_at.push(at.clone());
        }
        // Code that inserts a loader: the install code, a framework component.
        if let Some((_, at)) = read.facts.loader_urls.first() {
            loader_at.push(at.clone());
        }
        let install_code = read.facts.is_install_code();
        // A stub in this script before its own loader URL (not the install code's own stub).
        let own_stub =
            read.facts.stubs.first().filter(|stub| !install_code && loader_at.iter().any(|at| stub.start < at.start));
        for at in &loader_at[..loader_at.len().min(1)] {
            loaders += 1;
            if loaders == 2 {
                let message = "SaleSmartly's loader again: the page already loads it";
                found.push(Diagnostic::new(&rule::LOADER_TWICE, at.clone(), message, "keep one loader per page"));
            }
            if let Some(stub) = stub_before_loader.take().or_else(|| own_stub.cloned()) {
                let message = "`ssq` is defined before SaleSmartly's loader runs: the loader sees it and returns, and the widget never loads";
                let help = "remove the definition, or define nothing before the loader: the install code defines the queue itself";
                found.push(Diagnostic::new(&rule::QUEUE_DEFINED_EARLY, stub, message, help));
            }
        }
        // Pushes: those that run now need a queue defined before them; later ones, anywhere.
        let mut defined_here = defined;
        for push in &read.facts.pushes {
            let stub_before = read.facts.stubs.iter().any(|stub| stub.end <= push.span.start) || install_code;
            // In the loader's own load handler the queue is there: the loader made it.
            let queued = match () {
                _ if push.after_load => true,
                _ if push.deferred || read.is_handler() => defined_anywhere,
                _ => defined_here || stub_before,
            };
            if !push.guarded && !queued {
                let message = "`ssq.push` with no queue to push to: where the loader is blocked, `ssq` is undefined and this throws";
                let help = "guard the call (`if (typeof ssq === \"function\") { … }`), or write the install with `ssq-gen snippet`, whose queue never throws";
                found.push(Diagnostic::new(&rule::PUSH_WITHOUT_QUEUE, push.span.clone(), message, help));
            }
        }
        if !install_code && loader_at.is_empty() && stub_before_loader.is_none() && !read.is_handler() {
            stub_before_loader = read.facts.stubs.first().cloned();
        }
        defined_here |= !read.facts.stubs.is_empty() || install_code;
        defined = defined_here;
    }
}

/// What each push says: a command the SDK has (SSQ503), `setLoginInfo`'s fields (SSQ504), and a
/// text sent on a timer (SSQ507).
fn pushes(read: &Read, found: &mut Vec<Diagnostic>) {
    let words = || Command::WORDS.iter().copied().chain(Event::ALL.iter().map(|event| event.sdk_name()));
    let login_keys: Vec<&str> = crate::snippet::LOGIN_KEYS.iter().map(|key| key.name).collect();
    for push in &read.facts.pushes {
        let Some((command, at)) = &push.command else { continue };
        if push.array_form {
            let message =
                format!("`ssq.push([\"{command}\", …])` hands the SDK an array for a command: it runs nothing");
            let help = format!(
                "pass the command and its arguments themselves: `ssq.push(\"{command}\", …)`, as the SDK's page writes it"
            );
            found.push(Diagnostic::new(&rule::UNKNOWN_COMMAND, push.span.clone(), message, help));
        }
        if !words().any(|word| word == command) {
            let message = format!("`{command}` is no SaleSmartly SDK command or event: the SDK ignores it");
            let help = match (command.as_str(), crate::suggest::did_you_mean(command, words())) {
                ("hide" | "show" | "set", _) => {
                    "settings, such as `hideIcon`, are keys of `__ssc.setting`, set before the loader runs: `__ssc.setting.hideIcon = true`".to_string()
                }
                (_, Some(word)) => format!("did you mean `{word}`?"),
                (_, None) => "use a command or event from the SDK's page (`chatOpen`, `setLoginInfo`, `onUnRead`, …)".to_string(),
            };
            found.push(Diagnostic::new(&rule::UNKNOWN_COMMAND, at.clone(), message, help));
        }
        if command == Command::SetLoginInfo.word() {
            for (key, at) in &push.login_keys {
                if login_keys.contains(&key.as_str()) {
                    continue;
                }
                let message = format!("`setLoginInfo` has no field `{key}`: the SDK drops it");
                let suggestion =
                    login_alias(key).or_else(|| crate::suggest::did_you_mean(key, login_keys.iter().copied()));
                let help = match suggestion {
                    Some(name) => format!("did you mean `{name}`?"),
                    None => format!("its fields are {}", login_keys.join(", ")),
                };
                found.push(Diagnostic::new(&rule::UNKNOWN_LOGIN_FIELD, at.clone(), message, help));
            }
        }
        if push.timed && command == Command::SendTextMessage.word() {
            let message = "`sendTextMessage` on a fixed timer: a widget that is not ready by then never sends it";
            let help = "send it from the `onOpenChat` listener, or use `[triggers] send_on_click`, which waits for the chat window";
            found.push(Diagnostic::new(&rule::TIMED_SEND, push.span.clone(), message, help));
        }
    }
}

/// The SDK's name for a `setLoginInfo` field that public installs write under another name with
/// one meaning.
fn login_alias(field: &str) -> Option<&'static str> {
    match field {
        "name" | "nickname" | "username" | "display_name" => Some("user_name"),
        "custom_fields" | "customFields" => Some("custom_fields_ext"),
        "id" | "userId" | "uid" => Some("user_id"),
        _ => None,
    }
}

/// A script that mentions SaleSmartly but could not be read whole (SSQ511): its findings may be
/// missing.
fn unread(read: &Read, text: &str, found: &mut Vec<Diagnostic>) {
    let Some((why, at)) = &read.facts.unparsed else { return };
    let body = text.get(read.body().clone()).unwrap_or_default();
    if !mentions_salesmartly(body.as_bytes()) {
        return;
    }
    let message = format!("a script with SaleSmartly code was not read whole: {why}");
    let help = "its findings may be missing: check it by hand (template syntax audit does not mask is the usual cause)";
    found.push(Diagnostic::new(&rule::NOT_READ, at.clone(), message, help));
}

/// `__ssc.setting` replaced, or set after the loader ran (SSQ505).
fn settings(read: &Read, found: &mut Vec<Diagnostic>) {
    for write in &read.facts.settings {
        let (message, help) = match (write.replaced, write.late) {
            (_, true) => (
                "`__ssc.setting` is set in the loader's load handler: the widget has read its settings by then",
                "set it before the loader runs",
            ),
            (true, false) => (
                "`__ssc.setting` is replaced: whatever else was set in it is gone",
                "merge into it: `__ssc.setting = __ssc.setting || {}; __ssc.setting.hideIcon = true;`",
            ),
            (false, false) => continue,
        };
        found.push(Diagnostic::new(&rule::SETTING_REPLACED, write.span.clone(), message, help));
    }
}

/// Server template expressions inside SaleSmartly's script (SSQ506).
fn values_in_script(read: &Read, tags: &[mask::Masked], found: &mut Vec<Diagnostic>) {
    let body = read.body();
    let inside = |tag: &&mask::Masked| tag.outputs && body.start <= tag.span.start && tag.span.end <= body.end;
    for tag in tags.iter().filter(inside) {
        let engine = tag.engine;
        let message = format!(
            "{} writes a value into a script: a value with a quote or `</script>` ends it, and what follows runs in every visitor's page",
            engine.output_tag()
        );
        let help = match engine.login_data() {
            Some(name) => format!(
                "write the value with `ssq-gen login-data {name}`, which escapes it for the page, and read it with a `[login] from_page = true` block"
            ),
            None => "write the value with `ssq-gen login-data ENGINE` for your template engine, and read it with a `[login] from_page = true` block".to_string(),
        };
        found.push(Diagnostic::new(&rule::VALUE_IN_SCRIPT, tag.span.clone(), message, help));
    }
}
