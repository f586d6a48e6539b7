//! A block ssq-gen wrote, imported back. Its profile comes first from what the block writes as
//! values: the loader, the visitor and the commands, read as for a hand-written install
//! (`import.rs`), and here the clicks, the visitor's defaults, the badge and what each listener
//! calls. The keys that only change the block's code (how it loads, `open_on_load`, the icon per
//! device, …) are then found by rendering: each value is tried and kept when its block comes
//! nearer the page's. The profile is the block's only when its block is the page's script byte
//! for byte; where they still differ, import says so (SSQ510), with the first line that differs.

use super::import::Profile;
use crate::input::source::{Format, Source, Span};
use crate::profile::schema::{self, Key};
use crate::sdk::{Action, Event, Load, PhoneFormat, Word};
use crate::snippet::{self, RenderOptions};
use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};
use serde_json::{Map, Value, json};

/// The names the block's templates give to what is read here (`features/clicks.js.j2`,
/// `login.js.j2`, `gate.js.j2`, `consent/tcf.js.j2`, `helpers/first_time.js.j2`); the round-trip
/// test fails if one changes.
const CLICKS: &str = "clicks";
const LOGIN_DEFAULTS: &str = "loginDefaults";
const SKIP_PATHS: &str = "skipPaths";
const OPEN_PATHS: &str = "openPaths";
const TCF_PURPOSES: &str = "tcfPurposes";
const FIRST_TIME: &str = "firstTime";

/// What the block states that a hand-written install would not.
#[derive(Default)]
struct Block {
    /// The variables above that the block declares, with their JSON values.
    values: Map<String, Value>,
    /// Each listener's SDK event, and the handlers it calls, each with whether only the first time.
    listeners: Vec<(String, Vec<(String, bool)>)>,
    /// The badge handler's selector.
    badge: Option<String>,
    /// `ssq.push("clearUser")` as it sets up: the block for the page after logout
    /// (`snippet --logout`).
    logout: bool,
}

struct Reader<'s> {
    code: &'s str,
    block: Block,
}

impl<'a> Visit<'a> for Reader<'_> {
    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let (BindingPattern::BindingIdentifier(name), Some(init)) = (&it.id, &it.init) {
            let written = &self.code[init.span().start as usize..init.span().end as usize];
            let name = name.name.as_str();
            if [CLICKS, LOGIN_DEFAULTS, SKIP_PATHS, OPEN_PATHS, TCF_PURPOSES].contains(&name)
                && let Ok(value) = serde_json::from_str::<Value>(written)
            {
                self.block.values.insert(name.to_string(), value);
            }
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: oxc_syntax::scope::ScopeFlags) {
        // The badge's handler looks its element up with `docCall("querySelector", selector)`.
        if it.id.as_ref().is_some_and(|id| id.name == snippet::SHOW_UNREAD) {
            let mut lookup = Lookup(None);
            lookup.visit_function(it, flags);
            self.block.badge = lookup.0;
        }
        walk::walk_function(self, it, flags);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        let is_push = matches!(&it.callee, Expression::StaticMemberExpression(m) if m.property.name == "push");
        self.block.logout |= is_push
            && it.arguments.len() == 1
            && matches!(it.arguments.first(), Some(Argument::StringLiteral(word)) if word.value == crate::sdk::Command::ClearUser.word());
        if let (true, Some(Argument::StringLiteral(event)), Some(Argument::FunctionExpression(function))) =
            (is_push, it.arguments.first(), it.arguments.get(1))
            && let Some(body) = &function.body
        {
            let mut calls = Vec::new();
            for statement in &body.statements {
                match statement {
                    Statement::IfStatement(first) if callee(&first.test) == Some(FIRST_TIME) => {
                        if let Statement::BlockStatement(block) = &first.consequent {
                            calls.extend(block.body.iter().filter_map(called).map(|name| (name, true)));
                        }
                    }
                    statement => calls.extend(called(statement).map(|name| (name, false))),
                }
            }
            self.block.listeners.push((event.value.to_string(), calls));
        }
        walk::walk_call_expression(self, it);
    }
}

/// The name a call expression calls, when it is a plain name.
fn callee<'e>(expression: &'e Expression<'_>) -> Option<&'e str> {
    match expression {
        Expression::CallExpression(call) => match &call.callee {
            Expression::Identifier(name) => Some(name.name.as_str()),
            _ => None,
        },
        _ => None,
    }
}

/// The name an expression statement calls.
fn called(statement: &Statement<'_>) -> Option<String> {
    let Statement::ExpressionStatement(statement) = statement else { return None };
    callee(&statement.expression).map(str::to_string)
}

/// The selector of the first `…("querySelector", "selector")` call.
struct Lookup(Option<String>);

impl<'a> Visit<'a> for Lookup {
    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let (None, Some(Argument::StringLiteral(method)), Some(Argument::StringLiteral(selector))) =
            (&self.0, it.arguments.first(), it.arguments.get(1))
            && method.value == "querySelector"
        {
            self.0 = Some(selector.value.to_string());
        }
        walk::walk_call_expression(self, it);
    }
}

/// What the block states; on the parser's own stack, as any script is read (`script::read`, whose
/// size and nesting limits the block has passed to be known as ssq-gen's).
fn read(code: &str) -> Block {
    let read = || {
        let allocator = Allocator::default();
        let parsed = Parser::new(&allocator, code, SourceType::cjs()).parse();
        let mut reader = Reader { code, block: Block::default() };
        reader.visit_program(&parsed.program);
        reader.block
    };
    super::script::on_parser_stack(read).unwrap_or_default()
}

/// Completes `profile` with what the block at `body` (its script, in `page`: a `<script>`
/// element's text, or the js form's file) states, then
/// searches the keys it does not state; an SSQ510 finding where the block still differs.
pub(super) fn import(page: &str, body: &Span, profile: &mut Profile) {
    let code = &page[body.clone()];
    // The js form's file starts with its header as a comment; the script follows it.
    let trimmed = code.trim_start();
    let trimmed = trimmed.strip_prefix("/*").and_then(|rest| rest.split_once("*/")).map_or(trimmed, |(_, after)| after);
    let code = trimmed.trim_start();
    let start = body.start + (code.as_ptr() as usize - page[body.clone()].as_ptr() as usize);
    let block = read(code);
    if let Some(Value::Array(clicks)) = block.values.get(CLICKS) {
        import_clicks(clicks, profile);
    }
    for (name, key) in [(SKIP_PATHS, &schema::key::SKIP), (OPEN_PATHS, &schema::key::OPEN)] {
        let patterns = block.values.get(name).and_then(Value::as_array).into_iter().flatten();
        let patterns: Vec<Value> =
            patterns.filter_map(Value::as_str).filter_map(crate::checks::path::decompile).map(Value::from).collect();
        if !patterns.is_empty() {
            profile.put(key, Some(Value::Array(patterns)));
        }
    }
    if let Some(purposes) = block.values.get(TCF_PURPOSES) {
        profile.put(&schema::key::CMP, Some(json!(crate::sdk::Cmp::Tcf.word())));
        profile.put(&schema::key::PURPOSES, Some(purposes.clone()));
    }
    if let Some(Value::Object(defaults)) = block.values.get(LOGIN_DEFAULTS) {
        profile.put(&schema::key::FROM_PAGE, Some(json!(true)));
        for (name, value) in defaults {
            if let Some(key) = snippet::LOGIN_KEYS.iter().find(|key| key.name == name) {
                profile.put(key, Some(value.clone()));
            }
        }
    }
    if let Some(selector) = &block.badge {
        profile.put(&schema::key::BADGE_SELECTOR, Some(json!(selector)));
    }
    for (sdk_event, calls) in &block.listeners {
        let Some(event) = Event::ALL.iter().find(|event| event.sdk_name() == sdk_event) else { continue };
        let handled = |name: &String| Action::ALL.iter().copied().find(|action| action.handler() == name);
        let actions: Vec<Action> = calls.iter().filter_map(|(name, _)| handled(name)).collect();
        let once = calls.iter().any(|(name, once)| *once && handled(name).is_some());
        if !actions.is_empty() {
            profile.put(schema::event_key(*event), Some(super::import::event_value(&actions, once)));
        }
    }
    let logout = block.logout;
    search(code, profile, logout);
    match first_difference(code, profile, logout) {
        Some((line, text)) => {
            let start = start + code.lines().take(line).map(|l| l.len() + 1).sum::<usize>();
            let end = (start + text.len()).min(body.end);
            let shown: String = text.trim().chars().take(80).collect();
            let shown = if shown.len() < text.trim().len() { format!("{shown}…") } else { shown };
            let what = format!(
                "ssq-gen's block, edited or of another version: from here on no profile's block is the same (`{shown}`)"
            );
            profile.not_translated(start..end, &what);
        }
        None => profile.gives_back_the_block(logout),
    }
}

/// `var clicks`: each `{selector, command, text}` as the trigger key that makes it. The first
/// opener is the launcher where the widget's icon is hidden (the only way to open the chat).
fn import_clicks(clicks: &[Value], profile: &mut Profile) {
    use crate::sdk::Command;
    let mut lists: Vec<(&'static Key, Vec<Value>)> = Vec::new();
    let mut texts = Map::new();
    let hidden = profile.get(&schema::key::HIDE_ICON) == Some(&json!(true));
    let mut launcher = None;
    for click in clicks {
        let (Some(selector), Some(command)) = (click["selector"].as_str(), click["command"].as_str()) else { continue };
        let key = match command {
            _ if command == Command::SendTextMessage.word() => {
                texts.insert(selector.to_string(), click["text"].clone());
                continue;
            }
            _ if command == Command::ChatOpen.word() && hidden && launcher.is_none() => {
                launcher = Some(selector.to_string());
                continue;
            }
            _ if command == Command::ChatOpen.word() => &schema::key::OPEN_ON_CLICK,
            _ if command == Command::ChatClose.word() => &schema::key::CLOSE_ON_CLICK,
            _ => &schema::key::CLEAR_USER_ON_CLICK,
        };
        match lists.iter_mut().find(|(known, _)| std::ptr::eq(*known, key)) {
            Some((_, list)) => list.push(json!(selector)),
            None => lists.push((key, vec![json!(selector)])),
        }
    }
    if let Some(selector) = launcher {
        profile.put(&schema::key::OPEN_SELECTOR, Some(json!(selector)));
    }
    for (key, list) in lists {
        profile.put(key, Some(Value::Array(list)));
    }
    if !texts.is_empty() {
        profile.put(&schema::key::SEND_ON_CLICK, Some(Value::Object(texts)));
    }
}

/// How a key's value is found.
enum Find {
    /// Each of these values is tried.
    Choice(Vec<Value>),
    /// The block is rendered with a marker for the value (a string, or a number of seconds), and
    /// the value is read where the marker lands.
    Probe,
    /// Each consent manager is tried, its category found by probing where it takes one.
    Manager,
}

/// The keys the block does not state as values, and how each is found.
fn searched() -> Vec<(&'static Key, Find)> {
    let words = |words: &[&str]| Find::Choice(words.iter().map(|word| json!(word)).collect());
    vec![
        (&schema::key::HIDE_ICON, Find::Choice(vec![json!(true), json!("mobile"), json!("desktop")])),
        (&schema::key::OPEN_ON_LOAD, Find::Choice(vec![json!(true)])),
        (&schema::key::HIDE_CLOSE_ICON, Find::Choice(vec![json!(true)])),
        (&schema::key::LOAD, words(Load::WORDS)),
        (&schema::key::TRUSTED_TYPES_DEFAULT, Find::Choice(vec![json!(true)])),
        (&schema::key::PAGE_EVENTS, Find::Choice(vec![json!(true)])),
        (&schema::key::FORWARD_CONTENT, Find::Choice(vec![json!(true)])),
        (&schema::key::PHONE_FORMAT, words(PhoneFormat::WORDS)),
        (&schema::key::FALLBACK_SELECTOR, Find::Probe),
        (&schema::key::FALLBACK_TIMEOUT, Find::Probe),
        (&schema::key::FALLBACK_ACTION, words(Action::WORDS)),
        (&schema::key::CMP, Find::Manager),
    ]
}

/// A marker no profile holds: as a string; and as seconds (which the block writes in ms), within
/// `fallback.timeout`'s 1 to 120 and unlike the round numbers a site picks.
const MARKER: &str = "ssq-gen-import-marker";
const MARKER_SECONDS: u64 = 117;

/// The value of `key` where the block writes it, found with a marker in its place.
fn probe(code: &str, profile: &mut Profile, key: &'static Key, logout: bool) -> Option<Value> {
    let seconds = matches!(key.kind, schema::Kind::Seconds { .. });
    let (marker, written) = match seconds {
        true => (json!(MARKER_SECONDS), (MARKER_SECONDS * 1000).to_string()),
        false => (json!(MARKER), json!(MARKER).to_string()),
    };
    let kept = profile.get(key).cloned();
    profile.put(key, Some(marker));
    let script = rendered(profile, logout);
    profile.put(key, kept);
    let script = script?;
    let line = script.lines().find(|line| line.contains(&written))?;
    let (before, after) = line.split_once(&written)?;
    let found = code
        .lines()
        .find(|line| line.starts_with(before) && line.ends_with(after) && line.len() > before.len() + after.len())?;
    let value = &found[before.len()..found.len() - after.len()];
    match seconds {
        true => value.parse::<u64>().ok().filter(|ms| ms % 1000 == 0).map(|ms| json!(ms / 1000)),
        false => serde_json::from_str::<Value>(value).ok().filter(Value::is_string),
    }
}

/// The values worth trying for `key`.
fn candidates(
    code: &str,
    profile: &mut Profile,
    key: &'static Key,
    find: &Find,
    logout: bool,
) -> Vec<Vec<(&'static Key, Value)>> {
    match find {
        Find::Choice(values) => values.iter().map(|value| vec![(key, value.clone())]).collect(),
        Find::Probe => probe(code, profile, key, logout).map(|value| vec![(key, value)]).into_iter().collect(),
        Find::Manager => crate::sdk::Cmp::ALL
            .iter()
            .map(|cmp| {
                let kept = profile.get(key).cloned();
                profile.put(key, Some(json!(cmp.word())));
                let category = probe(code, profile, &schema::key::CATEGORY, logout);
                profile.put(key, kept);
                let mut values = vec![(key, json!(cmp.word()))];
                values.extend(category.map(|category| (&schema::key::CATEGORY, category)));
                values
            })
            .collect(),
    }
}

/// The block of `profile`'s current keys (its script), if they make a valid profile.
fn rendered(profile: &Profile, logout: bool) -> Option<String> {
    let text = profile.text(Format::Json, |_| 0);
    let checked = crate::check(Source::from_bytes("imported.json".into(), text.into_bytes(), Some(Format::Json)));
    let valid = checked.profile?;
    snippet::render(&valid, &RenderOptions { logout, ..RenderOptions::default() }).ok().map(|snippet| snippet.script)
}

/// The line diff of `code` against a block; bounded in time, since `code` can be any script that
/// sets `__ssqGen` (past the bound the diff is coarser, never wrong).
fn diff<'t>(code: &'t str, block: &'t str) -> similar::TextDiff<'t, 't, str> {
    similar::TextDiff::configure().timeout(std::time::Duration::from_millis(200)).diff_lines(code, block)
}

/// How many lines `profile`'s block has that `code` has not, and the other way.
fn distance(code: &str, profile: &Profile, logout: bool) -> usize {
    let Some(script) = rendered(profile, logout) else { return usize::MAX };
    let diff = diff(code, script.trim_start());
    diff.iter_all_changes().filter(|change| change.tag() != similar::ChangeTag::Equal).count()
}

/// Greedy, key by key: each key takes the value whose block comes nearest; a few passes, since one
/// key's value can decide whether another's shows.
fn search(code: &str, profile: &mut Profile, logout: bool) {
    let mut best = distance(code, profile, logout);
    for _ in 0..3 {
        let before = best;
        for (key, find) in searched() {
            if best == 0 {
                return;
            }
            for values in candidates(code, profile, key, &find, logout) {
                let kept: Vec<_> = values.iter().map(|(key, _)| (*key, profile.get(key).cloned())).collect();
                for (key, value) in values {
                    profile.put(key, Some(value));
                }
                let now = distance(code, profile, logout);
                match now < best {
                    true => best = now,
                    false => kept.into_iter().for_each(|(key, value)| profile.put(key, value)),
                }
            }
        }
        if best == before {
            return;
        }
    }
}

/// The first line (0-based, in `code`) where the profile's block and `code` part, and its text.
fn first_difference<'c>(code: &'c str, profile: &Profile, logout: bool) -> Option<(usize, &'c str)> {
    let script = rendered(profile, logout).unwrap_or_default();
    let diff = diff(code, script.trim_start());
    let change = diff.iter_all_changes().find(|change| change.tag() != similar::ChangeTag::Equal)?;
    let line = change.old_index().unwrap_or_else(|| change.new_index().unwrap_or(0).min(code.lines().count()));
    Some((line, code.lines().nth(line).unwrap_or_default()))
}
