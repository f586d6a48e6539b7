//! `ssq-gen import`: the profile of a hand-written install. Every corpus page that has a loader
//! (tests/fixtures/audit/) imports to a profile `lint` accepts, in TOML and in JSON; a page that
//! uses every translatable part (tests/fixtures/import/every-part.html) gives each key, and names what
//! it could not translate (SSQ510). In Chromium, against the recording stand-ins, each page (rendered
//! by its engine where it is a template) and the block of its imported profile (with its
//! `login-data` fragment, rendered by the same engine) do the same, but for the page's defects. And
//! a block `snippet` wrote imports to a profile that gives that block back.

use crate::browser::step;
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
            "welcome.blade.php",
            json!({"loader": {"script_url": "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"}, "login": {"from_page": true}}),
        ),
        (
            "footer.ejs",
            json!({"loader": {"script_url": "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"}, "login": {"from_page": true}}),
        ),
        (
            "help.hbs",
            json!({"loader": {"script_url": "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"}, "widget": {"hide_icon": true}, "login": {"from_page": true}}),
        ),
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
    let (profile, stderr) = imported(&fixture("import/every-part.html"), "p.ssq.toml");
    let want = json!({
        "loader": {"license": "k7tq2mz"},
        "login": {"user_id": "b58e64cfxs2ym", "user_name": "Ann", "language": "en-US", "label_names": ["vip"]},
        "events": {"on_unread": ["console", "datalayer"], "on_ready": "gtag"},
        "widget": {"hide_upload": ["video", "document"], "hide_close_icon": true},
        "triggers": {"send_on_click": {"#ask": "Is it in stock?"}, "close_on_click": ["#close-chat"]},
    });
    assert_eq!(profile, want);
    // The listener that changes the page is named, with its line, in the profile and on stderr.
    let out = ssq_gen().arg("import").arg(fixture("import/every-part.html")).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("# line 18: the `onOpenChat` listener"), "{text}");
    assert!(stderr.contains("warning[SSQ510]") && stderr.contains("every-part.html:18:"), "{stderr}");
    assert_eq!(stderr.matches("[SSQ510]").count(), 1, "{stderr}");
}

/// A listener that writes the unread count into an element is the launcher's badge, and what else
/// it reports its action; a click that forgets the visitor is `clear_user_on_click`.
fn the_badge_and_the_logout_click_are_imported() {
    let (profile, _) = imported(&fixture("import/badge.html"), "p.ssq.json");
    let want = json!({
        "loader": {"script_url": "https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js"},
        "triggers": {"clear_user_on_click": ["#logout"], "open_on_click": ["#chat"]},
        "launcher": {"badge_selector": "#unread"},
        "events": {"on_unread": "console"},
    });
    assert_eq!(profile, want);
}

/// The block `snippet` writes from `page`'s imported profile (html form).
fn imported_block(page: &Path) -> String {
    let folder = tempfile::tempdir().unwrap();
    let profile = folder.path().join("p.ssq.toml");
    ssq_gen().arg("import").arg(page).arg("-o").arg(&profile).assert().code(0);
    let block = ssq_gen().arg("snippet").arg(&profile).output().unwrap();
    assert!(block.status.success(), "{}", String::from_utf8_lossy(&block.stderr));
    String::from_utf8(block.stdout).unwrap()
}

/// A call as the stand-in recorded it, for comparing as a multiset (order may differ: the block
/// sets up in its own order).
fn calls(report: &Value) -> Vec<String> {
    let mut calls: Vec<String> = report["calls"].as_array().unwrap().iter().map(|call| call.to_string()).collect();
    calls.sort();
    calls
}

/// In Chromium, against the stand-ins: the hand-written page, and the block of its imported profile
/// in a page with the same elements; the same listeners fired and clicks made on both. The commands
/// and listeners are the same, and so is the number of reports on each analytics channel.
fn the_imported_block_does_what_the_page_did() {
    let page = fixture("import/clean.html");
    let original = std::fs::read_to_string(&page).unwrap();
    let body = "<button id=\"ask\">Ask</button>\n<a id=\"close-chat\" href=\"#\">Close</a>\n";
    let rebuilt = format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>shop</title></head>\n<body>\n{body}{}</body></html>\n",
        imported_block(&page)
    );
    let fire = "__ssqRecord.listeners.onUnRead[0]({ num: 1, list: [] }); __ssqRecord.listeners.onReady[0]({});";
    let steps = json!([{"wait": 1.0}, step(fire), {"click": "#ask"}, {"click": "#close-chat"}]);
    let specs =
        [&original, &rebuilt].map(|page| json!({"page": page, "analytics": true, "start": "/", "steps": steps}));
    let reports = crate::browser::drive_all(specs.to_vec());
    let (before, after) = (reports[0].last().unwrap(), reports[1].last().unwrap());
    assert_eq!(before["starts"], 1, "the hand-written page loads the widget: {before}");
    assert_eq!(after["starts"], 1, "{after}");
    assert_eq!(calls(before), calls(after), "the same commands");
    assert_eq!(before["listeners"], after["listeners"], "the same listeners");
    assert_eq!(before["analytics"], json!({"console": 1, "gtag": 1, "dataLayer": 1}), "the page's reports");
    assert_eq!(before["analytics"], after["analytics"], "as many reports on each channel");
}

/// The two differences a migration is for: a page whose queue stub keeps the loader from loading
/// gets a widget, and a visitor's name written into a script by PHP runs as code in the page and
/// arrives as text from the imported profile's block and `login-data php` fragment.
fn the_imported_block_fixes_what_the_page_broke() {
    // A stub before the project script: the original's widget never loads.
    let shop = fixture("audit/shop.html");
    let original = std::fs::read_to_string(&shop).unwrap();
    let rebuilt = format!("<!doctype html>\n<html><body>\n{}</body></html>\n", imported_block(&shop));
    // PHP writes the customer into a script in header.php; the migrated page writes `$ssq_login`
    // with `login-data php`'s fragment, as the imported profile's note says.
    let header = fixture("audit/header.php");
    // The name closes the page's string and call, runs, and reopens them so the script still parses.
    let name = "Zo\u{eb}'}); window.__page = 'ran'; ssq.push('setLoginInfo', { a: '";
    let customer = format!("$customer = (object) ['id' => 'c-7', 'name' => {}];", php_string(name));
    let php = |code: &str| {
        let out = std::process::Command::new("php").arg("-r").arg(code).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let rendered = php(&format!("{customer} include {};", php_string(header.to_str().unwrap())));
    let folder = tempfile::tempdir().unwrap();
    let fragment = folder.path().join("ssq-login.php");
    ssq_gen().args(["login-data", "php", "-o"]).arg(&fragment).assert().success();
    let migrated = php(&format!(
        "{customer} $ssq_login = ['user_id' => $customer->id, 'user_name' => $customer->name]; echo '<!doctype html><html><body>'; include {}; echo {}; echo '</body></html>';",
        php_string(fragment.to_str().unwrap()),
        php_string(&imported_block(&header))
    ));
    let specs = [&original, &rebuilt, &rendered, &migrated]
        .map(|page| json!({"page": page, "start": "/", "steps": [{"wait": 1.0}]}))
        .to_vec();
    let answers = crate::browser::drive_all_with_errors(specs);
    let report = |i: usize| answers[i].0.last().unwrap().clone();
    assert_eq!(report(0)["starts"], 0, "the stub made the project script return: {}", report(0));
    assert_eq!(report(1)["starts"], 1, "the imported block loads the widget: {}", report(1));
    assert_eq!(report(2)["page"], "ran", "the name ran as code in the hand-written page: {}", report(2));
    assert_eq!(answers[3].1, json!([]), "the migrated page throws nothing");
    assert_eq!(report(3)["page"], Value::Null, "and runs nothing of the name");
    let login = report(3)["calls"].as_array().unwrap().iter().find(|call| call[0] == "setLoginInfo").cloned();
    assert_eq!(login, Some(json!(["setLoginInfo", {"user_id": "c-7", "user_name": name}])), "{}", report(3));
}

/// `import` of a block `snippet` wrote gives back a profile whose block is the same, byte for byte,
/// over the combinations of the block's features that eslint checks (tests/cli/snippet_lint.rs:
/// the loader, how it loads, the visitor fixed or from the page, the settings, the launcher, badge
/// and triggers, every action on every event, page events, pages and each consent manager), and
/// the logged-out block of every other one. Where it cannot, it must say so (SSQ510), never give
/// another profile silently. Every 11th distinct block (11 shares no factor with the matrix's
/// sides, so every value of each side comes up): the whole matrix, 1,662 blocks, takes 45 s in a
/// debug build. In-process: the binary's `import` is `ssq_gen::audit::import`, which the test
/// below drives through the binary.
fn a_block_snippet_wrote_imports_to_a_profile_with_the_same_block() {
    use ssq_gen::input::source::Format;
    use ssq_gen::snippet::{self, RenderOptions};
    let block = |text: &str, format, logout| {
        let checked = ssq_gen::check(Source::from_bytes("p".into(), text.as_bytes().to_vec(), Some(format)));
        let profile = checked.profile.unwrap_or_else(|| panic!("{text}\n{:?}", checked.diagnostics));
        snippet::render(&profile, &RenderOptions { logout, ..RenderOptions::default() }).unwrap()
    };
    let mut unique = std::collections::HashSet::new();
    let distinct = crate::snippet_lint::profiles()
        .into_iter()
        .filter(|(_, text)| unique.insert(block(text, Format::Toml, false).script));
    let (mut same, mut failures) = (0, Vec::new());
    for (i, (name, text)) in distinct.enumerate().filter(|(i, _)| i % 11 == 0) {
        let logout = i % 2 == 1;
        let written = block(&text, Format::Toml, logout);
        let page = Source::from_bytes(format!("{name}.html"), written.text.clone().into_bytes(), None);
        let (checked, profile) = ssq_gen::audit::import(page);
        let back = profile.text(Format::Json, |_| 0);
        let again = block(&back, Format::Json, logout);
        match (again.script == written.script, checked.diagnostics.iter().find(|d| d.rule.code == "SSQ510")) {
            (true, None) => same += 1,
            (_, Some(said)) => failures.push(format!("{name}: {}", said.message)),
            (false, None) => failures.push(format!("{name}: another block, silently:\n{text}\n->\n{back}")),
        }
    }
    assert!(failures.is_empty(), "{} of {}:\n{}", failures.len(), same + failures.len(), failures.join("\n"));
    assert!(same > 140, "{same} blocks");
}

/// Through the binary: the example profiles' blocks come back, header aside, byte for byte, from a
/// page and from the js form's file, and the profile says what it came from; an edited block is
/// named where the edit is (SSQ510).
fn import_gives_back_the_example_profiles_and_names_an_edit() {
    let folder = tempfile::tempdir().unwrap();
    let cases = [
        ("profile", "profile.html", &[][..]),
        ("accounts", "accounts.html", &["--logout"][..]),
        ("profile", "profile.js", &["--format", "js"][..]),
    ];
    for (example, file, args) in cases {
        let profile = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/{example}.ssq.toml"));
        let page = folder.path().join(file);
        ssq_gen().arg("snippet").arg(&profile).args(args).arg("-o").arg(&page).assert().success();
        let back = folder.path().join(format!("{file}.back.ssq.toml"));
        let import = ssq_gen().arg("import").arg(&page).arg("-o").arg(&back).output().unwrap();
        assert_eq!(import.status.code(), Some(0), "{}", String::from_utf8_lossy(&import.stderr));
        assert!(import.stderr.is_empty(), "{file}: {}", String::from_utf8_lossy(&import.stderr));
        let again = ssq_gen().arg("snippet").arg(&back).args(args).output().unwrap();
        let (before, after) = (std::fs::read_to_string(&page).unwrap(), String::from_utf8(again.stdout).unwrap());
        let body = |text: &str| text.split_once('\n').unwrap().1.to_string();
        assert_eq!(body(&before), body(&after), "{file}");
        let first = std::fs::read_to_string(&back).unwrap();
        assert!(first.starts_with("# Imported by ssq-gen from the block it wrote"), "{first}");
        assert_eq!(first.contains("snippet --logout"), args.contains(&"--logout"), "{first}");
    }
    // A script that calls itself ssq-gen's block, with syntax that nests without brackets (the
    // parser recurses once per operator): read on the parser's own stack, never a crash.
    let deep = folder.path().join("deep.js");
    std::fs::write(&deep, format!("window.__ssqGen = \"0\"; x = 1{}; ssq.push(\"chatOpen\");", "+a".repeat(100_000)))
        .unwrap();
    let import = ssq_gen().arg("import").arg(&deep).output().unwrap();
    assert_eq!(import.status.code(), Some(1), "{}", String::from_utf8_lossy(&import.stderr));
    assert!(import.stderr.len() < 4000, "the finding quotes the line shortened");
    // An edit no profile makes: a line of the block's own code changed.
    let page = folder.path().join("profile.html");
    let edited = std::fs::read_to_string(&page).unwrap().replace("var readyTimer = null;", "var readyTimer = 0;");
    let line = edited.lines().position(|line| line.contains("var readyTimer = 0;")).unwrap() + 1;
    std::fs::write(&page, edited).unwrap();
    let import = ssq_gen().arg("import").arg(&page).output().unwrap();
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(stderr.contains("warning[SSQ510]: ssq-gen's block, edited"), "{stderr}");
    assert!(stderr.contains(&format!("profile.html:{line}:")), "line {line}: {stderr}");
}

/// A visitor's name that closes a double-quoted JavaScript string and the call around it, runs,
/// and reopens them so that the script still parses.
const HOSTILE_NAME: &str = "Zo\u{eb}\"}); window.__page = \"ran\"; ssq.push(\"setLoginInfo\", { a: \"";

/// What the hand-written page does with the visitor, in Chromium against the stand-ins.
#[derive(PartialEq)]
enum Visitor {
    /// Never sent: the page's code runs before the loader, or throws this.
    Lost(Option<&'static str>),
    /// None to send: the page has no visitor.
    None,
    /// Lost, or sent escaped for HTML (as `&quot;`) with the SDK's unknown `show`: the page asks
    /// on DOMContentLoaded, which comes before or after the async loader.
    Raced,
}

/// One corpus page against its import, rendered by its engine.
struct EnginePage {
    file: &'static str,
    engine: &'static str,
    /// What the original does with the visitor, read from the page (its audit findings say why).
    visitor: Visitor,
    /// Before the page (a framework's helpers the page calls), and the page's variables.
    prelude: &'static str,
    context: Value,
    /// The elements the page's code expects, for the migrated page too.
    body: &'static str,
    steps: Value,
}

impl EnginePage {
    /// A page whose variable `variable` is the customer, and that needs nothing else.
    fn of(file: &'static str, engine: &'static str, visitor: Visitor, variable: &str) -> EnginePage {
        let context = json!({ variable: {"id": "c-7", "name": HOSTILE_NAME} });
        EnginePage { file, engine, visitor, prelude: "", context, body: "", steps: json!([{"wait": 1.0}]) }
    }
}

fn engine_pages() -> Vec<EnginePage> {
    vec![
        EnginePage {
            // Laravel's `auth()`, logged in as the customer.
            prelude: "<?php $GLOBALS['customer'] = (object) $customer; if (!function_exists('auth')) { function auth() { return new class { function guard() { return $this; } function check() { return true; } function id() { return $GLOBALS['customer']->id; } function user() { return $GLOBALS['customer']; } }; } } ?>",
            // Its guard runs before the async loader has defined `ssq`.
            ..EnginePage::of("welcome.blade.php", "blade", Visitor::Lost(None), "customer")
        },
        // SSQ508: no queue yet.
        EnginePage::of("footer.ejs", "ejs", Visitor::Lost(Some("ssq is not defined")), "user"),
        // Its guard runs before the loader's tag, so `ssq` is not there yet.
        EnginePage::of("help.hbs", "handlebars", Visitor::Lost(None), "user"),
        // SSQ505: in the loader's onload, `__ssc.setting` is not there (the install code makes
        // `__ssc` only), so the line before the visitor throws.
        EnginePage::of(
            "theme.liquid",
            "liquid",
            Visitor::Lost(Some("Cannot set properties of undefined (setting 'hideIcon')")),
            "customer",
        ),
        EnginePage {
            // Devise's `current_user`, the customer.
            prelude: "<% def self.current_user; Struct.new(:id, :name).new(@customer[\"id\"], @customer[\"name\"]); end %>",
            ..EnginePage::of("layout.html.erb", "rails", Visitor::Raced, "customer")
        },
        EnginePage {
            context: json!({"title": "Help"}),
            body: "<button id=\"help\">Help</button>",
            steps: json!([{"wait": 1.0}, {"click": "#help"}]),
            ..EnginePage::of("base.html.twig", "twig", Visitor::None, "user")
        },
    ]
}

/// Each corpus page rendered by its engine, against the block of its imported profile with its
/// `login-data` fragment rendered by the same engine, in Chromium with the recording stand-ins.
fn every_engine_page_against_its_imported_block() {
    use crate::login_data::{Template, render_template};
    let work = tempfile::tempdir().unwrap();
    let mut specs = Vec::new();
    for case in engine_pages() {
        let path = fixture("audit").join(case.file);
        let page = std::fs::read_to_string(&path).unwrap();
        let original = match case.engine {
            // The layout's body block, filled by a child template, as a Symfony page does.
            "twig" => {
                let child = format!("{{% extends \"base\" %}}{{% block body %}}{}{{% endblock %}}", case.body);
                render_template("twig", child.as_bytes(), &case.context, work.path(), Template::Extends(&path))
            }
            engine => {
                let template = format!("{}{}{}", case.prelude, case.body, page);
                render_template(engine, template.as_bytes(), &case.context, work.path(), Template::Page)
            }
        };
        let (profile, _) = imported(&path, "p.ssq.json");
        let block = imported_block(&path);
        let migrated = match profile["login"]["from_page"] == true {
            true => {
                let fragment = ssq_gen().args(["login-data", case.engine]).output().unwrap().stdout;
                let template = [case.body.as_bytes(), &fragment, b"\n", block.as_bytes()].concat();
                let visitor = json!({"ssq_login": {"user_id": "c-7", "user_name": HOSTILE_NAME}});
                render_template(case.engine, &template, &visitor, work.path(), Template::Fragment)
            }
            false => format!("{}\n{block}", case.body),
        };
        for html in [original, migrated] {
            let page =
                format!("<!doctype html>\n<html><head><meta charset=\"utf-8\"></head><body>\n{html}</body></html>\n");
            specs.push(json!({"page": page, "analytics": true, "start": "/", "steps": case.steps}));
        }
    }
    let answers = crate::browser::drive_all_with_errors(specs);
    let visitor = json!(["setLoginInfo", {"user_id": "c-7", "user_name": HOSTILE_NAME}]);
    // The block's own listener, on every page: `onReady`, which stops its unavailable-chat timer.
    let own = json!(["onReady", "<function>"]);
    for (case, pair) in engine_pages().iter().zip(answers.chunks(2)) {
        let ((before, before_errors), (after, after_errors)) = (&pair[0], &pair[1]);
        let (before, after) = (before.last().unwrap(), after.last().unwrap());
        let name = case.file;
        assert_eq!((&before["starts"], &after["starts"]), (&json!(1), &json!(1)), "{name}: the widget loads");
        assert_eq!(after_errors, &json!([]), "{name}: the migrated page throws nothing");
        assert_eq!((&before["page"], &after["page"]), (&Value::Null, &Value::Null), "{name}: no name runs");
        assert_eq!(before["analytics"], after["analytics"], "{name}: as many reports on each channel");
        // The migrated page's commands: the original's, the block's own listener, and the visitor
        // where the original lost it.
        let mut want: Vec<Value> = before["calls"].as_array().unwrap().clone();
        want.push(own.clone());
        match case.visitor {
            Visitor::Lost(error) => {
                assert!(!want.contains(&visitor), "{name}: {before}");
                want.push(visitor.clone());
                let errors: Vec<_> = before_errors.as_array().unwrap().iter().filter_map(Value::as_str).collect();
                assert_eq!(errors, error.into_iter().collect::<Vec<_>>(), "{name}: the original's errors");
            }
            Visitor::Raced => {
                let escaped = HOSTILE_NAME.replace('"', "&quot;");
                let sent = [json!(["setLoginInfo", {"user_id": "c-7", "user_name": escaped}]), json!(["show"])];
                assert!(want.iter().all(|call| sent.contains(call) || *call == own), "{name}: {before}");
                want = vec![own.clone(), visitor.clone()];
            }
            Visitor::None => {}
        }
        let sorted = |calls: &[Value]| {
            let mut calls: Vec<String> = calls.iter().map(Value::to_string).collect();
            calls.sort();
            calls
        };
        assert_eq!(sorted(&want), sorted(after["calls"].as_array().unwrap()), "{name}");
        let mut listeners = before["listeners"].as_array().unwrap().clone();
        listeners.push(json!("onReady"));
        assert_eq!(sorted(&listeners), sorted(after["listeners"].as_array().unwrap()), "{name}: the listeners");
    }
}

/// Chat.jsx, a React client component, bundled with React as a site's bundler would
/// (tests/next/client-bundle.js) and mounted with a customer, against the block of its imported
/// profile, whose page hands the block the same customer the way a single-page app does
/// (`ssq:login`). The component defines the queue before the project script (SSQ502): the widget
/// never loads, so nothing it pushes arrives. The migrated page loads it and sends the visitor.
fn a_react_component_against_its_imported_block() {
    let path = fixture("audit").join("Chat.jsx");
    let bundler = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/next/client-bundle.js");
    let bundle = std::process::Command::new("node").arg(bundler).arg(&path).output().unwrap();
    assert!(bundle.status.success(), "{}", String::from_utf8_lossy(&bundle.stderr));
    let customer = json!({"user": {"id": "c-7", "name": HOSTILE_NAME}});
    let original = format!(
        "<!doctype html><html><body><div id=\"root\"></div><script>{}</script>\n<script>__mount({customer});</script></body></html>",
        String::from_utf8(bundle.stdout).unwrap()
    );
    let (profile, _) = imported(&path, "p.ssq.json");
    assert_eq!(profile["login"]["from_page"], true, "{profile}");
    let login = json!({"user_id": "c-7", "user_name": HOSTILE_NAME});
    let migrated = format!(
        "<!doctype html><html><body><button>Chat</button>\n{}<script>document.dispatchEvent(new CustomEvent(\"ssq:login\", {{ detail: {login} }}));</script></body></html>",
        imported_block(&path)
    );
    // The component's button pushes `chatOpen` (into the array it made: nothing hears it).
    let steps = json!([{"wait": 1.0}, {"click": "button"}]);
    let specs =
        [&original, &migrated].map(|page| json!({"page": page, "analytics": true, "start": "/", "steps": steps}));
    let answers = crate::browser::drive_all_with_errors(specs.to_vec());
    let ((before, before_errors), (after, after_errors)) = (&answers[0], &answers[1]);
    let (before, after) = (before.last().unwrap(), after.last().unwrap());
    // The component ran: its effect asked for the project script, which found `ssq` and returned.
    assert_eq!(before["vendor_requests"], 1, "{before}");
    assert_eq!((&before["starts"], &before["calls"]), (&json!(0), &json!([])), "the widget never loads: {before}");
    assert_eq!(before_errors, &json!([]), "nothing throws, and nothing works");
    assert_eq!(after["starts"], 1, "{after}");
    assert_eq!(after_errors, &json!([]));
    assert_eq!(after["calls"], json!([["onReady", "<function>"], ["setLoginInfo", login]]), "{after}");
    assert_eq!((&before["page"], &after["page"]), (&Value::Null, &Value::Null), "no name runs");
    assert_eq!(before["analytics"], after["analytics"], "as many reports on each channel");
}

fn php_string(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

tests! {
    every_corpus_page_with_a_loader_imports_to_a_profile_lint_accepts,
    every_translatable_part_becomes_its_key_and_the_rest_is_named,
    the_badge_and_the_logout_click_are_imported,
    a_block_snippet_wrote_imports_to_a_profile_with_the_same_block,
    import_gives_back_the_example_profiles_and_names_an_edit,
    the_imported_block_does_what_the_page_did ["chromium", "python3", "playwright"],
    the_imported_block_fixes_what_the_page_broke ["chromium", "python3", "playwright", "php"],
    a_react_component_against_its_imported_block ["chromium", "python3", "playwright", "node", "next"],
    every_engine_page_against_its_imported_block ["chromium", "python3", "playwright", "php", "twig", "blade", "liquid", "actionview", "ejs", "handlebars"],
}
