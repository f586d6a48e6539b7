//! The README tells the truth about the rules, the profile and login-data's engines: all come from
//! the code's tables.

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

fn the_readme_lists_every_rule_as_the_rules_command_prints_it() {
    let table = ssq_gen::report::rules_table::markdown();
    assert!(readme().contains(&table), "README's rule list is stale: paste `cargo run -- rules --format markdown`");
    for rule in ssq_gen::diagnostics::registry::RULES {
        assert!(table.contains(rule.code));
    }
}

fn the_readme_documents_every_profile_key() {
    let readme = readme();
    for section in ssq_gen::profile::schema::SECTIONS {
        for key in section.keys {
            let row = format!("| `{}.{}` |", section.name, key.name);
            assert!(readme.contains(&row), "README's profile reference lacks {row}");
        }
    }
}

/// The profile reference's rows name what the SDK table declares: each choice key's words, each
/// event's SDK name, and a row per action.
fn the_readme_rows_follow_the_sdk_table() {
    use ssq_gen::profile::schema::{Kind, SECTIONS};
    use ssq_gen::sdk::{Action, Event, Word};
    let readme = readme();
    let row = |start: String| {
        readme
            .lines()
            .find(|line| line.starts_with(&start))
            .unwrap_or_else(|| panic!("README lacks {start}"))
            .to_string()
    };
    for section in SECTIONS {
        for key in section.keys {
            if let (Kind::Choice(words), false) = (key.kind, section.name == "events") {
                let line = row(format!("| `{}.{}` |", section.name, key.name));
                for word in words {
                    assert!(line.contains(&format!("`\"{word}\"`")), "README's `{}` row lacks \"{word}\"", key.name);
                }
            }
        }
    }
    for event in Event::ALL {
        let line = row(format!("| `events.{}` |", ssq_gen::profile::schema::event_key(*event).name));
        assert!(
            line.contains(&format!("`{}`", event.sdk_name())),
            "README's row for {:?} names {}",
            event,
            event.sdk_name()
        );
    }
    for word in Action::WORDS {
        row(format!("| `{word}` |"));
    }
}

fn the_readme_gives_every_login_data_engine_and_the_variable_it_reads() {
    let readme = readme();
    for engine in ssq_gen::snippet::login_data::ENGINES {
        let row = readme
            .lines()
            .find(|line| line.starts_with(&format!("   | `{}` |", engine.name)))
            .unwrap_or_else(|| panic!("README's table of engines lacks `{}`", engine.name));
        assert!(
            row.contains(&format!("| {} |", engine.variable)),
            "README's row for `{}` should read: {}",
            engine.name,
            engine.variable
        );
    }
}

tests! {
    the_readme_lists_every_rule_as_the_rules_command_prints_it,
    the_readme_documents_every_profile_key,
    the_readme_rows_follow_the_sdk_table,
    the_readme_gives_every_login_data_engine_and_the_variable_it_reads,
}
