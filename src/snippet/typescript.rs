//! What the `next` form declares in TypeScript, from the SDK's vocabulary: `window.ssq.push`'s
//! overloads (one per command and event ssq-gen knows), the visitor's type, and which helpers the
//! profile's block answers.

use super::{BlockEvents, EVENTS, LOGIN_KEYS};
use crate::profile::schema::{Kind, key};
use crate::profile::{Login, ValidProfile};
use crate::sdk::{Cmp, Command, Event, Upload, Word};
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct TypeScript {
    /// `Visitor`'s members, in `setLoginInfo`'s order.
    visitor: Vec<Member>,
    /// `SsqQueue.push`'s parameter lists, one per command.
    commands: Vec<String>,
    /// The SDK events a listener can be pushed for, as a union of string types.
    events: String,
    block_events: BlockEvents,
    /// Whether the block hears `login()` and `logout()` (`[login] from_page`).
    login: bool,
    /// Whether it hears `giveConsent()` and `withdrawConsent()` (`cmp = "event"`).
    consent: bool,
}

#[derive(Serialize)]
struct Member {
    name: &'static str,
    ts: &'static str,
    required: bool,
}

impl TypeScript {
    pub(super) fn new(profile: &ValidProfile) -> TypeScript {
        let visitor = LOGIN_KEYS
            .iter()
            .map(|key| Member {
                name: key.name,
                ts: match key.kind {
                    Kind::TextList => "string[]",
                    Kind::CustomFields => "Record<string, string | number | string[]>",
                    _ => "string",
                },
                required: [key::USER_ID.name, key::USER_NAME.name].contains(&key.name),
            })
            .collect();
        TypeScript {
            visitor,
            commands: Command::ALL.iter().map(|&command| overload(command)).collect(),
            events: union(Event::ALL.iter().map(|event| event.sdk_name())),
            block_events: EVENTS,
            login: matches!(profile.login(), Some(Login::FromPage(_))),
            consent: profile.consent().is_some_and(|consent| consent.cmp == Cmp::Event),
        }
    }
}

/// `push`'s parameters for one command: its word as a string type, then what it takes.
fn overload(command: Command) -> String {
    let takes = match command {
        Command::SetLoginInfo => ", info: Visitor".to_string(),
        Command::HideUpload => format!(", kinds: ({})[]", union(Upload::WORDS.iter().copied())),
        Command::SendTextMessage => ", text: string".to_string(),
        Command::ChatOpen | Command::ChatClose | Command::ClearUser | Command::HideCloseIcon => String::new(),
    };
    format!("command: {}{takes}", string_type(command.word()))
}

fn union<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.map(string_type).collect::<Vec<_>>().join(" | ")
}

/// A word as a TypeScript string literal type: a JSON string is one.
fn string_type(word: &str) -> String {
    serde_json::Value::from(word).to_string()
}
