//! The README tells the truth about the rules and the profile: both come from the code's tables.

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn the_readme_lists_every_rule_as_the_rules_command_prints_it() {
    let table = ssq_gen::report::rules_table::markdown();
    assert!(readme().contains(&table), "README's rule list is stale: paste `cargo run -- rules --markdown`");
    for rule in ssq_gen::diagnostics::registry::RULES {
        assert!(table.contains(rule.code));
    }
}

#[test]
fn the_readme_documents_every_profile_key() {
    let readme = readme();
    for section in ssq_gen::profile::schema::SECTIONS {
        for key in section.keys {
            let row = format!("| `{}.{}` |", section.name, key.name);
            assert!(readme.contains(&row), "README's profile reference lacks {row}");
        }
    }
}
