//! The block is pasted into server templates (a layout, a partial), so it must be inert there:
//! rendered as a template by each engine `login-data` supports, in its real runtime, it comes out as
//! it went in, whatever the profile holds. The only exception is a `--nonce` placeholder, which
//! renders to the engine's value.

use crate::login_data::{Template, cleaned, naughty_strings, render_template};
use serde_json::{Value, json};
use ssq_gen::input::source::Source;
use ssq_gen::snippet::csp::Nonce;
use ssq_gen::snippet::{RenderOptions, render};

/// What opens a tag, a comment or a directive in one of the ten engines.
const TEMPLATE_SYNTAX: &[&str] = &["{{", "{%", "{#", "{!!", "<%", "<?", "@"];

/// What each breaks when a value reaches the page unescaped.
const BREAKERS: &[&str] = &[
    "{{ 7*7 }}",
    "{# an unclosed comment",
    "{% raw %}",
    "{%- if x -%}",
    "@php echo 7*7; @endphp",
    "@include('secret')",
    "{!! 7*7 !!}",
    "{{-- a Blade comment --}}",
    "@{{ 7*7 }}",
    "{{.}} {{ .Secret }}",
    "<%= 7*7 %>",
    "<?php echo 7*7; ?>",
    "<?= 7*7 ?>",
    "${7*7} #{7*7}",
    "}}{{",
];

/// A CSS string holding `text`, for an attribute selector.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\a "),
            '\r' => out.push_str("\\d "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every block the hostile profiles give: each naughty string and breaker in every text field, in
/// a selector and in a text to send, through both install forms, every load mode, a fixed visitor
/// and one from the page, settings, launcher and triggers, so that all of the block's own code is
/// there too. The profiles' file names hold template syntax as well.
fn hostile_blocks() -> Vec<String> {
    let mut strings = naughty_strings();
    strings.extend(BREAKERS.iter().map(|s| s.to_string()));
    let usable: Vec<String> = strings.into_iter().filter(|s| !cleaned(s, false).trim().is_empty()).collect();
    let loads = ["immediate", "idle", "interaction"];
    let mut blocks = Vec::new();
    for (i, chunk) in usable.chunks(24).enumerate() {
        let lines: Vec<String> = chunk.iter().map(|s| cleaned(s, false)).collect();
        let description: String = chunk.join("\n").chars().filter(|&c| !c.is_control() || c == '\n').collect();
        let selectors: Vec<String> = lines
            .iter()
            .map(|text| format!("[data-x={}]", css_string(text)))
            .filter(|selector| ssq_gen::checks::selector::validate(selector).is_ok())
            .collect();
        assert!(selectors.len() * 2 > lines.len(), "most naughty strings make a valid attribute selector");
        let text: String = description.chars().take(1000).collect();
        let loader = match i % 2 {
            0 => json!({"license": "g1vfb1b", "load": loads[i % 3]}),
            _ => json!({"script_url": "https://plugin-code.salesmartly.com/js/project_1_2_3.js", "load": loads[i % 3]}),
        };
        let login = match i % 3 {
            2 => json!({"from_page": true, "description": description, "label_names": lines}),
            _ => json!({
                "user_id": format!("u{i}"),
                "user_name": lines.join(" | "),
                "description": description,
                "label_names": lines,
                "custom_fields_ext": {"10001": lines.join(" "), "10002": lines},
            }),
        };
        let profile = json!({
            "loader": loader,
            "login": login,
            "widget": {"hide_icon": true, "open_on_load": i % 2 == 0, "hide_upload": ["img"], "hide_close_icon": true},
            "events": {"on_unread": "console", "on_open_chat": "datalayer", "on_ready": "gtag", "forward_content": i % 2 == 1},
            "launcher": {"open_selector": selectors[0], "badge_selector": selectors[selectors.len() - 1]},
            "triggers": {
                "open_on_click": &selectors[1..],
                "send_on_click": {"#ask": text},
                "clear_user_on_click": ["#logout"],
            },
        });
        let name = format!("{} {{{{ 7*7 }}}} @php {}.json", i, cleaned(&chunk[0], false));
        let source = Source::from_bytes(name.clone(), profile.to_string().into_bytes(), None);
        let checked = ssq_gen::check(source);
        let valid = checked.profile.unwrap_or_else(|| panic!("profile {i}: {:#?}", checked.diagnostics));
        for logout in [false, true] {
            let options = RenderOptions { profile_name: &name, logout, ..RenderOptions::default() };
            blocks.push(render(&valid, &options).unwrap().text);
        }
    }
    blocks
}

/// Go's html/template elides HTML comments from the text it is given, ssq-gen's header among them:
/// its one documented change to the page.
fn without_comments(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("-->").expect("comments are closed") + start + 3;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The first line where `got` and `want` differ, for a readable failure.
fn first_difference(got: &str, want: &str) -> String {
    let line = got
        .lines()
        .zip(want.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(got.lines().count().min(want.lines().count()));
    format!(
        "line {}:\n  got:  {:?}\n  want: {:?}",
        line + 1,
        got.lines().nth(line).unwrap_or("<end>"),
        want.lines().nth(line).unwrap_or("<end>")
    )
}

fn the_block_holds_no_template_syntax_of_its_own_or_from_a_value() {
    for block in hostile_blocks() {
        for syntax in TEMPLATE_SYNTAX {
            assert!(!block.contains(syntax), "`{syntax}` in a block:\n{block}");
        }
    }
}

fn every_engine_renders_the_block_as_it_is() {
    let work = tempfile::tempdir().unwrap();
    // In a layout, as a site pastes it: text before and after.
    let page = format!("<body>\n{}<p>after</p>\n</body>", hostile_blocks().join("<p>between</p>\n"));
    for engine in ssq_gen::snippet::login_data::ENGINES.iter().map(|engine| engine.name) {
        let out = render_template(engine, page.as_bytes(), &json!({}), work.path(), Template::Page);
        let want = if engine == "go" { without_comments(&page) } else { page.clone() };
        assert!(out == want, "{engine} changed the block: {}", first_difference(&out, &want));
    }
}

/// A placeholder nonce is the one thing an engine renders: to its value, and nothing else changes.
fn a_placeholder_nonce_renders_to_the_engines_value() {
    let work = tempfile::tempdir().unwrap();
    let profile = r#"{"loader": {"license": "g1vfb1b"}, "login": {"user_id": "u1", "user_name": "{{ 7*7 }} @php"}}"#;
    let checked = ssq_gen::check(Source::from_bytes("p.json".into(), profile.as_bytes().to_vec(), None));
    let valid = checked.profile.unwrap();
    let placeholders: [(&str, &str, Value); 10] = [
        ("django", "{{ csp_nonce }}", json!({"csp_nonce": "R4nd0m"})),
        ("jinja2", "{{ csp_nonce }}", json!({"csp_nonce": "R4nd0m"})),
        ("rails", "<%= @nonce %>", json!({"nonce": "R4nd0m"})),
        ("twig", "{{ csp_nonce }}", json!({"csp_nonce": "R4nd0m"})),
        ("blade", "{{ $nonce }}", json!({"nonce": "R4nd0m"})),
        ("liquid", "{{ csp_nonce }}", json!({"csp_nonce": "R4nd0m"})),
        ("go", "{{ .CSPNonce }}", json!({"CSPNonce": "R4nd0m"})),
        ("handlebars", "{{nonce}}", json!({"nonce": "R4nd0m"})),
        ("ejs", "<%= nonce %>", json!({"nonce": "R4nd0m"})),
        ("php", "<?= $nonce ?>", json!({"nonce": "R4nd0m"})),
    ];
    for (engine, placeholder, context) in placeholders {
        let nonce = Nonce::parse(placeholder).unwrap_or_else(|err| panic!("{engine}: {err}"));
        let options = RenderOptions { profile_name: "p.json", nonce: Some(&nonce), ..RenderOptions::default() };
        let block = format!("<body>\n{}</body>", render(&valid, &options).unwrap().text);
        let out = render_template(engine, block.as_bytes(), &context, work.path(), Template::Page);
        let want = block.replace(placeholder, "R4nd0m");
        let want = if engine == "go" { without_comments(&want) } else { want };
        assert!(out == want, "{engine}: {}", first_difference(&out, &want));
    }
}

tests! {
    the_block_holds_no_template_syntax_of_its_own_or_from_a_value,
    every_engine_renders_the_block_as_it_is [
        "python3", "django", "jinja2", "flask", "actionview", "liquid", "php", "twig", "blade", "go", "node",
        "handlebars", "ejs",
    ],
    a_placeholder_nonce_renders_to_the_engines_value [
        "python3", "django", "jinja2", "flask", "actionview", "liquid", "php", "twig", "blade", "go", "node",
        "handlebars", "ejs",
    ],
}
