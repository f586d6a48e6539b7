//! `ssq-gen import`: the profile of a hand-written install. Every corpus page that has a loader
//! (tests/fixtures/audit/) imports to a profile `lint` accepts, in TOML and in JSON; a page that
//! uses every translatable part (tests/fixtures/audit-import.html) gives each key, and names what
//! it could not translate (SSQ510).

use crate::support::*;
use serde_json::{Value, json};
use ssq_gen::input::source::Source;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The imported profile of `page`, written by the binary as `name` and read back as JSON.
fn imported(page: &Path, name: &str) -> (Value, String) {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join(name);
    let run = ssq_gen().arg("import").arg(page).arg("-o").arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    // What lint says of it: no error.
    let lint = ssq_gen().args(["lint", "--format", "json"]).arg(&out).output().unwrap();
    let report: Value = serde_json::from_slice(&lint.stdout).unwrap();
    assert_eq!(report["summary"]["errors"], 0, "{}: {report:#}", page.display());
    let text = std::fs::read_to_string(&out).unwrap();
    let checked = ssq_gen::check(Source::from_bytes(name.into(), text.clone().into_bytes(), None));
    let json = match name.ends_with(".json") {
        true => serde_json::from_str(&text).unwrap(),
        false => toml_as_json(&text),
    };
    assert!(checked.profile.is_some(), "{text}");
    (json, String::from_utf8(run.stderr).unwrap())
}

/// The TOML profile as JSON, through the document tree lint reads.
fn toml_as_json(text: &str) -> Value {
    use ssq_gen::input::document::{self, Node, Value as Tree};
    fn convert(node: &Node) -> Value {
        match &node.value {
            Tree::String(text) => json!(text),
            Tree::Bool(value) => json!(value),
            Tree::Integer(value) => json!(value),
            Tree::Float(value) => json!(value),
            Tree::Array(items) => Value::Array(items.iter().map(convert).collect()),
            Tree::Table(entries) => {
                Value::Object(entries.iter().map(|entry| (entry.key.clone(), convert(&entry.node))).collect())
            }
            Tree::Datetime | Tree::Null => Value::Null,
        }
    }
    convert(&document::parse(text, ssq_gen::input::source::Format::Toml).unwrap())
}

fn every_corpus_page_with_a_loader_imports_to_a_profile_lint_accepts() {
    let expect = [
        (
            "shop.html",
            json!({"loader": {"script_url": "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"}, "widget": {"hide_icon": true}, "login": {"from_page": true}}),
        ),
        ("header.php", json!({"loader": {"license": "g1vfb1b"}, "login": {"from_page": true}})),
        (
            "theme.liquid",
            json!({"loader": {"script_url": "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"}, "widget": {"hide_icon": true}, "login": {"from_page": true}}),
        ),
        (
            "layout.html.erb",
            json!({"loader": {"script_url": "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"}, "login": {"from_page": true}}),
        ),
        (
            "Chat.jsx",
            json!({"loader": {"script_url": "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"}, "login": {"from_page": true}}),
        ),
        (
            "base.html.twig",
            json!({"loader": {"script_url": "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"}, "widget": {"hide_icon": true}, "triggers": {"open_on_click": ["#help"]}}),
        ),
    ];
    for (page, want) in expect {
        let path = fixture("audit").join(page);
        for name in ["p.ssq.toml", "p.ssq.json"] {
            let (profile, _) = imported(&path, name);
            assert_eq!(profile, want, "{page} as {name}");
        }
    }
    // The from_page note names the engine's fragment and what the page wrote.
    let out = ssq_gen().arg("import").arg(fixture("audit").join("theme.liquid")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("`ssq-gen login-data liquid`") && text.contains("user_name <- {{ customer.name }}"),
        "{text}"
    );
    // No loader, nothing to import: exit 1.
    ssq_gen().arg("import").arg(fixture("audit").join("Help.vue")).assert().code(1);
}

fn every_translatable_part_becomes_its_key_and_the_rest_is_named() {
    let (profile, stderr) = imported(&fixture("audit-import.html"), "p.ssq.toml");
    let want = json!({
        "loader": {"license": "k7tq2mz"},
        "login": {"user_id": "b58e64cfxs2ym", "user_name": "Ann", "language": "en-US", "label_names": ["vip"]},
        "events": {"on_unread": ["console", "datalayer"], "on_ready": "gtag"},
        "widget": {"hide_upload": ["video", "document"], "hide_close_icon": true},
        "triggers": {"send_on_click": {"#ask": "Is it in stock?"}, "close_on_click": ["#close-chat"]},
    });
    assert_eq!(profile, want);
    // The listener that changes the page is named, with its line, in the profile and on stderr.
    let out = ssq_gen().arg("import").arg(fixture("audit-import.html")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# line 18: the `onOpenChat` listener"), "{text}");
    assert!(stderr.contains("warning[SSQ510]") && stderr.contains("audit-import.html:18:"), "{stderr}");
    assert_eq!(stderr.matches("[SSQ510]").count(), 1, "{stderr}");
}

tests! {
    every_corpus_page_with_a_loader_imports_to_a_profile_lint_accepts,
    every_translatable_part_becomes_its_key_and_the_rest_is_named,
}
