//! Sites with accounts. The fragment `ssq-gen login-data ENGINE` prints is rendered by that engine's
//! real runtime (tests/login_data/, tests/js/render-login-data.js) with the Big List of Naughty
//! Strings in `ssq_login`, and the page is loaded in headless Chromium with a `from_page` block: the
//! visitor must arrive exactly, nothing may run, and a logged-out page sends no `setLoginInfo`. Then
//! the block's run-time rules, single-page login and logout, damaged page data, the static CSP hash,
//! and the agreement of the run-time email and language checks with their judges.

use crate::browser::{Batch, Browser, Network, PROBE, Page, clean};
use crate::support::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The profile the engine pages use: license form, with defaults the page's values replace.
const FROM_PAGE_PROFILE: &str = r#"{"loader": {"license": "g1vfb1b"},
  "login": {"from_page": true, "language": "en-US", "custom_fields_ext": {"plan": "basic", "n1": 1}}}"#;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Renders `engine`'s fragment, exactly as `ssq-gen login-data` prints it, with `context` as the
/// template's variables.
fn render_fragment(engine: &str, context: &Value, work: &Path) -> String {
    let fragment = ssq_gen().args(["login-data", engine]).output().unwrap();
    assert!(fragment.status.success(), "{}", String::from_utf8_lossy(&fragment.stderr));
    render_template(engine, &fragment.stdout, context, work, Template::Fragment)
}

/// What `render_template` renders.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Template<'a> {
    /// A `login-data` fragment, with its engine's helpers (Handlebars' `json`).
    Fragment,
    /// A whole page, as it is.
    Page,
    /// A Twig child template of the layout at this path (`{% extends "base" %}`).
    Extends(&'a Path),
}

/// Renders `template` with `engine`'s real runtime (tests/login_data/, tests/js/), with `context`
/// as the template's variables.
pub fn render_template(engine: &str, template: &[u8], context: &Value, work: &Path, kind: Template) -> String {
    let (template_path, data_path) =
        (work.join(format!("template.{engine}")), work.join(format!("data.{engine}.json")));
    std::fs::write(&template_path, template).unwrap();
    std::fs::write(&data_path, context.to_string()).unwrap();
    let mut command = match engine {
        "django" | "jinja2" => with_arg("python3", root().join("tests/login_data/render.py")),
        "rails" | "liquid" => with_arg("ruby", root().join("tests/login_data/render.rb")),
        "twig" | "blade" | "php" => with_arg("php", root().join("tests/login_data/render.php")),
        "handlebars" | "ejs" => with_arg("node", root().join("tests/js/render-login-data.js")),
        "go" => Command::new(go_renderer(work)),
        other => panic!("no renderer for {other}"),
    };
    match kind {
        Template::Fragment => {}
        Template::Page => _ = command.env("SSQ_RENDER_PAGE", "1"),
        Template::Extends(base) => _ = command.env("SSQ_RENDER_PAGE", "1").env("SSQ_TWIG_BASE", base),
    }
    let output = command.arg(engine).arg(&template_path).arg(&data_path).output().unwrap();
    assert!(output.status.success(), "{engine} failed to render:\n{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn with_arg(program: &str, script: PathBuf) -> Command {
    let mut command = Command::new(program);
    command.arg(script);
    command
}

/// tests/login_data/render.go, built once per work folder.
fn go_renderer(work: &Path) -> PathBuf {
    let binary = work.join("render-go");
    if !binary.exists() {
        let status = Command::new("go")
            .args(["build", "-o"])
            .arg(&binary)
            .arg("render.go")
            .current_dir(root().join("tests/login_data"))
            .status()
            .unwrap();
        assert!(status.success(), "go build failed");
    }
    binary
}

/// A page for one iframe: probes (errors, the alert canary, warnings), the fragment before or after
/// the block, and a report to the parent page under `name`.
fn frame(name: &str, block: &str, fragment: &str, fragment_first: bool) -> String {
    let (before, after) = if fragment_first { (fragment, "") } else { ("", fragment) };
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><script>{PROBE}</script>\n\
         <script>window.__warnings = []; console.warn = function () {{ window.__warnings.push(Array.prototype.join.call(arguments, \" \")); }};</script>\n\
         {before}\n{block}</head><body>\n{after}\n\
         <script>setTimeout(function () {{ var r = window.__ssqRecord || {{commands: []}};\n\
         var planted = document.querySelectorAll(\"img, svg, iframe, object, embed, a, input, form, style, link, meta[http-equiv], [onerror], [onload]\").length;\n\
         parent.__frames[{name:?}] = {{commands: r.commands, probe: window.__probe, warnings: window.__warnings, planted: planted}}; }}, 2000);</script>\n\
         </body></html>"
    )
}

/// Loads each `(name, html)` as an iframe of one page; returns each frame's report by name.
fn load_frames(browser: &Browser, page_name: &str, frames: &[(String, String)]) -> Value {
    let mut iframes = String::new();
    for (name, html) in frames {
        browser.serve(&format!("{name}.html"), html);
        iframes.push_str(&format!("<iframe src=\"{name}.html\"></iframe>\n"));
    }
    let mut page = Page::with(String::new());
    page.snippets = vec!["<script>window.__frames = {};</script>".into()];
    page.body = iframes;
    let report = browser.load(page_name, &page, Network::Normal);
    clean(&report);
    for (name, _) in frames {
        let frame = &report["frames"][name];
        assert!(frame.is_object(), "frame {name} did not report: {report}");
        assert_eq!(frame["probe"]["errors"], json!([]), "{name}: JavaScript errors");
        assert_eq!(frame["probe"]["alerts"], 0, "{name}: the alert canary fired");
        assert_eq!(frame["planted"], 0, "{name}: the page's data made elements");
    }
    report["frames"].clone()
}

pub fn naughty_strings() -> Vec<String> {
    let mut strings: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/data/blns.json")).unwrap()).unwrap();
    // What a template engine or the block might get wrong that the list does not spell out.
    strings.extend(
        [
            "</script><script>alert(1)</script>",
            "</SCRIPT ><script>alert(2)</script>",
            "<!--<script>alert(3)//",
            "\"><img src=x onerror=alert(4)>",
            "'><svg onload=alert(5)>",
            "{{7*7}} {% raw %} <%= 7*7 %> ${7*7} #{7*7} {{{7*7}}} {{.}} <?php echo 7*7; ?>",
            "&amp; &lt;b&gt; &#x3C;script&#x3E; &quot;",
            "\u{2028}\u{2029} line separators",
            "carriage\rreturn and crlf\r\nend",
            "\\u003Cscript\\u003E \\\" \\\\",
            "]]> <![CDATA[ x ]]>",
            "__proto__",
        ]
        .map(String::from),
    );
    strings
}

/// JavaScript's `\s`: Unicode White_Space without U+0085, plus U+FEFF.
fn js_blank(text: &str) -> bool {
    text.chars().all(|c| (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}')
}

/// The block's text rule: line breaks become `\n`; control characters (C0, DEL, C1) go, but a
/// description keeps `\n` and tabs.
pub fn cleaned(text: &str, keep_lines: bool) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| !(c.is_control() && !(keep_lines && matches!(c, '\n' | '\t'))))
        .collect()
}

/// A list as the block sends it: cleaned, blank entries dropped, each once.
fn cleaned_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items.iter().map(|item| cleaned(item, false)) {
        if !js_blank(&item) && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// `ssq_login` with every naughty string in `user_name`, `description`, `label_names` and custom
/// fields, and the `setLoginInfo` payload the block must send for it.
fn naughty_visitor() -> (Value, Value) {
    let strings = naughty_strings();
    let mut fields = serde_json::Map::new();
    let mut expected_fields = serde_json::Map::new();
    for (i, text) in strings.iter().enumerate() {
        fields.insert(format!("f{i}"), json!(text));
        let text = cleaned(text, false);
        if !text.is_empty() {
            expected_fields.insert(format!("f{i}"), json!(text));
        }
    }
    fields.insert("n1".into(), json!(12));
    fields.insert("n2".into(), json!(3.5));
    fields.insert("select".into(), json!(strings[..60]));
    expected_fields.insert("n1".into(), json!(12));
    expected_fields.insert("n2".into(), json!(3.5));
    expected_fields.insert("select".into(), json!(cleaned_list(&strings[..60])));
    expected_fields.insert("plan".into(), json!("basic"));
    let visitor = json!({
        "user_id": "visitor-7f3a9c",
        "user_name": strings.join(" | "),
        "language": "ru-RU",
        "phone": "+44 20 7946 0958",
        "email": "ann@example.com",
        "description": strings.join("\n"),
        "label_names": strings,
        "custom_fields_ext": fields,
    });
    let expected = json!({
        "user_id": "visitor-7f3a9c",
        "user_name": cleaned(&strings.join(" | "), false),
        "language": "ru-RU",
        "phone": "+442079460958",
        "email": "ann@example.com",
        "description": cleaned(&strings.join("\n"), true),
        "label_names": cleaned_list(&strings),
        "custom_fields_ext": expected_fields,
    });
    (visitor, expected)
}

/// Equal, or a message that shows the first difference rather than two lists of 500 strings.
fn assert_same(what: &str, got: &Value, want: &Value) {
    if got == want {
        return;
    }
    let entries = |value: &Value| -> Vec<(String, Value)> {
        match value {
            Value::Array(items) => items.iter().enumerate().map(|(i, v)| (i.to_string(), v.clone())).collect(),
            Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            other => vec![(String::new(), other.clone())],
        }
    };
    let (got, want) = (entries(got), entries(want));
    let at = got.iter().zip(&want).position(|(g, w)| g != w).unwrap_or(got.len().min(want.len()));
    panic!(
        "{what} differs at entry {at} of {} (want {}):\n got: {:?}\nwant: {:?}",
        got.len(),
        want.len(),
        got.get(at),
        want.get(at)
    );
}

fn setlogininfo(frame: &Value) -> Vec<Value> {
    frame["commands"].as_array().unwrap().iter().filter(|c| c[0] == "setLoginInfo").map(|c| c[1].clone()).collect()
}

/// One engine's proof: a naughty visitor (fragment after the block), a logged-out page with
/// `ssq_login` null (fragment first) and one without `ssq_login` at all.
fn engine_delivers_the_visitor(engine: &str) {
    let work = tempfile::tempdir().unwrap();
    let block = render("p.json", FROM_PAGE_PROFILE);
    let (visitor, expected) = naughty_visitor();
    let pages = [
        ("naughty", json!({"ssq_login": visitor}), false),
        ("null", json!({"ssq_login": null}), true),
        ("absent", json!({}), false),
    ];
    let frames: Vec<(String, String)> = pages
        .iter()
        .map(|(case, context, first)| {
            let fragment = render_fragment(engine, context, work.path());
            (format!("{engine}-{case}"), frame(&format!("{engine}-{case}"), &block, &fragment, *first))
        })
        .collect();
    let browser = Browser::start();
    let reports = load_frames(&browser, &format!("{engine}.html"), &frames);

    let naughty = &reports[format!("{engine}-naughty")];
    let sent = setlogininfo(naughty);
    assert_eq!(sent.len(), 1, "{engine}: {naughty}");
    for key in expected.as_object().unwrap().keys() {
        assert_same(&format!("{engine}: {key}"), &sent[0][key], &expected[key]);
    }
    assert_eq!(sent[0], expected, "{engine}");
    // Blank labels and options were dropped with a warning that names the field, and nothing else.
    let warnings = naughty["warnings"].as_array().unwrap();
    let expected_warnings = [
        "ssq-gen: login.label_names entry dropped: it is blank.",
        "ssq-gen: login.custom_fields_ext entry dropped: it is blank.",
    ];
    assert_eq!(warnings.iter().map(|w| w.as_str().unwrap()).collect::<Vec<_>>(), expected_warnings, "{engine}");
    for case in ["null", "absent"] {
        let frame = &reports[format!("{engine}-{case}")];
        assert_eq!(setlogininfo(frame), Vec::<Value>::new(), "{engine}-{case}: a logged-out page identified someone");
        assert_eq!(frame["warnings"], json!([]), "{engine}-{case}");
    }
}

macro_rules! engine_tests {
    ($($name:ident: $engine:literal;)*) => {$(
        fn $name() {
            engine_delivers_the_visitor($engine);
        }
    )*};
}

engine_tests! {
    django_delivers_the_visitor: "django";
    jinja2_delivers_the_visitor: "jinja2";
    rails_delivers_the_visitor: "rails";
    twig_delivers_the_visitor: "twig";
    blade_delivers_the_visitor: "blade";
    liquid_delivers_the_visitor: "liquid";
    go_delivers_the_visitor: "go";
    handlebars_delivers_the_visitor: "handlebars";
    ejs_delivers_the_visitor: "ejs";
    php_delivers_the_visitor: "php";
}

fn login_data_prints_each_engines_fragment_and_refuses_others() {
    for engine in ssq_gen::snippet::login_data::ENGINES {
        let output = ssq_gen().args(["login-data", engine.name]).output().unwrap();
        assert!(output.status.success());
        assert_eq!(String::from_utf8(output.stdout).unwrap(), engine.fragment);
    }
    let output = ssq_gen().args(["login-data", "mustache"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("django"), "the error lists the engines");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ssq_login.html");
    ssq_gen().args(["login-data", "django", "-o"]).arg(&path).assert().success().stdout("");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        ssq_gen::snippet::login_data::engine("django").unwrap().fragment
    );
}

/// The run-time rules, one `ssq:login` event per case, in both install forms: what is sent, and the
/// warnings, which must name the field and hold no value.
const RULE_CASES: &str = r#"[
  {"user_id": "u1", "user_name": "Ann", "language": "ru-RU", "phone": "+44 (20) 7946-0958", "email": "ann@example.com",
   "description": "l1\r\nl2\tx\u0000\u009b", "label_names": ["vip", "vip", " x "],
   "custom_fields_ext": {"a": "x\u0007y", "n": 2.5, "s": ["p", "q"]}},
  {"user_id": "u2", "user_name": "Bo", "language": null, "phone": "", "email": null, "description": "", "label_names": null, "custom_fields_ext": null},
  {"user_name": "Cy"},
  {"user_id": " \t", "user_name": "Cy"},
  {"user_id": "u3", "user_name": "\u0001\u0002"},
  {"user_id": "u4", "user_name": ""},
  {"user_id": "u5\u0000", "user_name": "A\u0007n\u009fn\nX"},
  {"user_id": "u6", "user_name": "D", "phone": "07946 0958", "email": "ann@@example.com", "language": "english"},
  {"user_id": "u7", "user_name": "D", "phone": "+1234567", "email": "a b@x.com", "language": "en_US"},
  {"user_id": "u8", "user_name": "D", "phone": "+1234567890123456", "language": "de-DE-1901-1901"},
  {"user_id": "u9", "user_name": "D", "phone": "+12345678", "email": "ann@localhost", "language": "zh-Hant-TW"},
  {"user_id": "u10", "user_name": "D", "phone": 4420794609, "language": "en-a-bb-a-cc"},
  {"user_id": "u11", "user_name": "D", "language": "en-u-ca-gregory", "label_names": "vip"},
  {"user_id": "u12", "user_name": "D", "label_names": ["", 3, "ok", "  "]},
  {"user_id": "u13", "user_name": "D", "custom_fields_ext": {"": "x", "a": true, "b": {}, "c": ["p", 3, ""], "plan": "pro"}},
  {"user_id": "u14", "user_name": "D", "custom_fields_ext": "gold"},
  {"user_id": "u15", "user_name": "D", "custom_fields_ext": []},
  {"user_id": "u16", "user_name": 42},
  "u17", null, [], 42, true
]"#;

/// Cases JSON cannot write: a throwing getter, a revoked proxy, a `__proto__` custom field,
/// non-finite numbers.
const RULE_CASES_JS: &str = r#"[
  Object.defineProperty({}, "user_id", { enumerable: true, get: function () { throw new Error("hostile"); } }),
  (function () { var p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })(),
  JSON.parse('{"user_id": "u18", "user_name": "E", "custom_fields_ext": {"__proto__": ["x"], "n": 1}}'),
  {user_id: "u19", user_name: "F", custom_fields_ext: {i: Infinity, n: NaN, ok: 1}}
]"#;

/// Runs every case once the widget is up; each case's new commands and warnings go to notes.
const RUN_CASES: &str = r#"(function () {
  var warns = [];
  console.warn = function () { warns.push(Array.prototype.join.call(arguments, " ")); };
  var cases = CASES.concat(CASES_JS), results = [];
  for (var i = 0; i < cases.length; i++) {
    var before = window.__ssqRecord.commands.length;
    warns = [];
    document.dispatchEvent(new CustomEvent("ssq:login", { detail: cases[i] }));
    results.push({ commands: window.__ssqRecord.commands.slice(before), warnings: warns });
  }
  window.__probe.notes.results = results;
})()"#;

fn warning(field: &str, what: &str) -> String {
    format!("ssq-gen: login.{field} {what}.")
}

/// What each case of RULE_CASES then RULE_CASES_JS sends (`None`: nothing) and warns, over the
/// profile's defaults; `digits` for `phone_format = "digits"`.
fn rule_expectations(digits: bool) -> Vec<(Option<Value>, Vec<String>)> {
    let phone = |e164: &str| if digits { e164.trim_start_matches('+').to_string() } else { e164.to_string() };
    let defaults = |user_id: &str, user_name: &str| {
        json!({"user_id": user_id, "user_name": user_name, "language": "en-US", "description": "Default desc",
               "label_names": ["trial"], "custom_fields_ext": {"plan": "basic"}})
    };
    let with = |mut base: Value, extra: Value| {
        for (key, value) in extra.as_object().unwrap() {
            base[key] = value.clone();
        }
        Some(base)
    };
    let not_phone = warning("phone", "dropped: it is not + and 8 to 15 digits (send it in E.164 form)");
    let not_email = warning("email", "dropped: it is not a valid email address");
    let not_language = warning("language", "dropped: it is not a well-formed BCP 47 language tag");
    let custom_entry = warning("custom_fields_ext", "entry dropped: it is not a string, a number or a list of strings");
    vec![
        (
            Some(json!({"user_id": "u1", "user_name": "Ann", "language": "ru-RU", "phone": phone("+442079460958"),
                "email": "ann@example.com", "description": "l1\nl2\tx", "label_names": ["vip", " x "],
                "custom_fields_ext": {"a": "xy", "n": 2.5, "s": ["p", "q"], "plan": "basic"}})),
            vec![],
        ),
        (Some(defaults("u2", "Bo")), vec![]),
        (None, vec![]),
        (None, vec![]),
        (None, vec![]),
        (None, vec![]),
        (Some(defaults("u5", "AnnX")), vec![]),
        (Some(defaults("u6", "D")), vec![not_language.clone(), not_phone.clone(), not_email.clone()]),
        (Some(defaults("u7", "D")), vec![not_language.clone(), not_phone.clone(), not_email]),
        (Some(defaults("u8", "D")), vec![not_language.clone(), not_phone]),
        (
            with(
                defaults("u9", "D"),
                json!({"phone": phone("+12345678"), "email": "ann@localhost", "language": "zh-Hant-TW"}),
            ),
            vec![],
        ),
        (Some(defaults("u10", "D")), vec![not_language, warning("phone", "dropped: it is not a string")]),
        (
            with(defaults("u11", "D"), json!({"language": "en-u-ca-gregory"})),
            vec![warning("label_names", "dropped: it is not a list of strings")],
        ),
        (
            with(defaults("u12", "D"), json!({"label_names": ["ok"]})),
            vec![warning("label_names", "entry dropped: it is blank")],
        ),
        (
            with(defaults("u13", "D"), json!({"custom_fields_ext": {"c": ["p"], "plan": "pro"}})),
            vec![warning("custom_fields_ext", "entry dropped: its id is blank or reserved")],
        ),
        (Some(defaults("u14", "D")), vec![warning("custom_fields_ext", "dropped: it is not a mapping")]),
        (Some(defaults("u15", "D")), vec![]),
        (None, vec![warning("user_name", "dropped: it is not a string")]),
        (None, vec![]),
        (None, vec![]),
        (None, vec![]),
        (None, vec![]),
        (None, vec![]),
        // RULE_CASES_JS
        (None, vec![]),
        (None, vec![]),
        (
            with(defaults("u18", "E"), json!({"custom_fields_ext": {"n": 1, "plan": "basic"}})),
            vec![warning("custom_fields_ext", "entry dropped: its id is blank or reserved")],
        ),
        (with(defaults("u19", "F"), json!({"custom_fields_ext": {"ok": 1, "plan": "basic"}})), vec![custom_entry]),
    ]
}

fn rules_profile(loader: &str, digits: bool) -> String {
    let format = if digits { "phone_format = \"digits\"\n" } else { "" };
    format!(
        "[loader]\n{loader}\n[login]\nfrom_page = true\nlanguage = \"en-US\"\ndescription = \"Default desc\"\n\
         label_names = [\"trial\"]\ncustom_fields_ext = {{ plan = \"basic\" }}\n{format}"
    )
}

fn the_runtime_rules_hold_in_the_browser() {
    let browser = Browser::start();
    let forms = [
        ("rules-license", rules_profile("license = \"g1vfb1b\"", false), false),
        ("rules-script", rules_profile(&format!("script_url = \"{SCRIPT_URL}\""), true), true),
    ];
    for (name, profile, digits) in forms {
        let mut page = Page::with(render("p.toml", &profile));
        page.after = RUN_CASES.replace("CASES_JS", RULE_CASES_JS).replace("CASES", RULE_CASES);
        let report = browser.load(&format!("{name}.html"), &page, Network::Normal);
        clean(&report);
        let results = report["probe"]["notes"]["results"].as_array().unwrap();
        let expectations = rule_expectations(digits);
        assert_eq!(results.len(), expectations.len(), "{name}");
        for (i, (result, (info, warnings))) in results.iter().zip(&expectations).enumerate() {
            let sent: Vec<Value> = match info {
                Some(info) => vec![json!(["setLoginInfo", info])],
                None => vec![],
            };
            assert_eq!(result["commands"], json!(sent), "{name}: case {i}");
            assert_eq!(result["warnings"], json!(warnings), "{name}: case {i}");
        }
    }
}

/// `ssq:login` before the loader has arrived, then `ssq:logout` and another login, in both forms.
fn single_page_login_and_logout_events() {
    let browser = Browser::start();
    let login = |id: &str| {
        format!(
            "document.dispatchEvent(new CustomEvent(\"ssq:login\", {{ detail: {{ user_id: \"{id}\", user_name: \"N {id}\" }} }}))"
        )
    };
    let mut batch = Batch::default();
    for (name, loader) in
        [("spa-license", "license = \"g1vfb1b\"".to_string()), ("spa-script", format!("script_url = \"{SCRIPT_URL}\""))]
    {
        let profile = format!("[loader]\n{loader}\n[login]\nfrom_page = true\n");
        let mut page = Page::with(render("p.toml", &profile));
        // Right after the block, while the loader is still on its way (it answers 2 s late).
        page.snippets.push(format!("<script>window.__upEarly = !!window.__ssqRecord; {};</script>", login("early")));
        page.before = "window.__probe.notes.upEarly = window.__upEarly".into();
        page.after = format!(
            "document.dispatchEvent(new CustomEvent(\"ssq:logout\")); {}; document.dispatchEvent(new CustomEvent(\"ssq:login\", {{ detail: null }}))",
            login("late")
        );
        batch.add(&format!("{name}.html"), page, Network::SlowLoader, move |report| {
            clean(&report);
            assert_eq!(report["probe"]["notes"]["upEarly"], false, "{name}: the early login came after the loader");
            assert_eq!(
                report["commands"],
                json!([
                    ["onReady", "<function>"],
                    ["setLoginInfo", {"user_id": "early", "user_name": "N early"}],
                    ["clearUser"],
                    ["setLoginInfo", {"user_id": "late", "user_name": "N late"}]
                ]),
                "{name}"
            );
            assert_eq!(report["starts"], 1, "{name}");
        });
    }
    batch.run(&browser);
}

/// Page data that is missing, empty or malformed is an anonymous visitor, never an error; valid
/// data before the block is read at once.
fn damaged_page_data_is_an_anonymous_visitor() {
    let block = render("p.json", FROM_PAGE_PROFILE);
    let damaged = [
        r#"<script type="application/json" id="ssq-login">{"user_id": "u1", "user_name": "Ann"</script>"#,
        r#"<script type="application/json" id="ssq-login"></script>"#,
        r#"<script type="application/json" id="ssq-login">[{"user_id": "u1", "user_name": "Ann"}]</script>"#,
        r#"<script type="application/json" id="ssq-login">"u1"</script>"#,
        r#"<script type="application/json" id="ssq-login">{"user_id": "u1", "user_name": ["Ann"]}</script>"#,
        r#"<template id="ssq-login" data-ssq-login="{&quot;user_id&quot;:"></template>"#,
        r#"<template id="ssq-login" data-ssq-login></template>"#,
        r#"<template id="ssq-login" data-ssq-fields><data data-key="user_id"></data><data data-key="user_name" value="Ann"></data></template>"#,
        r#"<template id="ssq-login" data-ssq-fields></template>"#,
        r#"<div id="ssq-login">{"user_id": "u1", "user_name": "Ann"</div>"#,
    ];
    let mut frames: Vec<(String, String)> = damaged
        .iter()
        .enumerate()
        .map(|(i, data)| (format!("damaged-{i}"), frame(&format!("damaged-{i}"), &block, data, i % 2 == 0)))
        .collect();
    let valid = r#"<script type="application/json" id="ssq-login">{"user_id": "u-ok", "user_name": "Ok"}</script>"#;
    frames.push(("valid-first".into(), frame("valid-first", &block, valid, true)));
    let browser = Browser::start();
    let reports = load_frames(&browser, "damaged.html", &frames);
    for i in 0..damaged.len() {
        let frame = &reports[format!("damaged-{i}")];
        assert_eq!(setlogininfo(frame), Vec::<Value>::new(), "damaged-{i}");
    }
    assert_eq!(reports["damaged-4"]["warnings"], json!([warning("user_name", "dropped: it is not a string")]));
    let valid = setlogininfo(&reports["valid-first"]);
    assert_eq!(
        valid,
        [
            json!({"user_id": "u-ok", "user_name": "Ok", "language": "en-US", "custom_fields_ext": {"plan": "basic", "n1": 1}})
        ]
    );
}

/// One CSP hash for every visitor: the block is the same bytes whoever logs in, so the policy
/// `ssq-gen csp` prints lets it run on every visitor's page.
fn one_csp_hash_serves_every_visitor() {
    let profile = temp_profile("p.json", FROM_PAGE_PROFILE);
    let csp = ssq_gen().arg("csp").arg(&profile.path).output().unwrap();
    assert!(csp.status.success());
    let sources = String::from_utf8(csp.stdout).unwrap();
    let block = render("p.json", FROM_PAGE_PROFILE);
    assert_eq!(block, render("p.json", FROM_PAGE_PROFILE), "the block is the same bytes every time");
    let browser = Browser::start();
    for visitor in ["ann", "bo"] {
        let data = json!({"user_id": format!("id-{visitor}"), "user_name": visitor}).to_string();
        let mut page = Page::with(block.clone());
        page.body =
            format!("<script type=\"application/json\" id=\"ssq-login\">{}</script>", data.replace('<', "\\u003c"));
        page.csp = Some(format!("script-src {} {}", sources.trim(), crate::browser::page_script_hashes(&page)));
        let report = browser.load(&format!("csp-{visitor}.html"), &page, Network::Normal);
        clean(&report);
        assert_eq!(report["starts"], 1, "{visitor}: install.js ran under the policy");
        let sent: Vec<_> = report["commands"].as_array().unwrap().iter().filter(|c| c[0] == "setLoginInfo").collect();
        assert_eq!(sent.len(), 1, "{visitor}");
        assert_eq!(sent[0][1]["user_id"], format!("id-{visitor}"));
    }
}

fn email_corpus() -> Vec<String> {
    let locals = [
        "a",
        "A.b",
        "a+tag",
        "a..b",
        ".a",
        "a.",
        "!#$%&'*+/=?^_`{|}~-",
        "a b",
        "a\"b",
        "\"a\"",
        "ü",
        "a(b)",
        "",
        "a,b",
        "a;b",
        "a<b",
        "a\\b",
        "a[b]",
        "a:b",
        "x".repeat(64).leak(),
        "x".repeat(65).leak(),
    ];
    let domains = [
        "example.com",
        "localhost",
        "a-b.co",
        "-a.com",
        "a-.com",
        "a..com",
        ".a.com",
        "a.com.",
        "a_b.com",
        "xn--bcher-kva.de",
        "bücher.de",
        "127.0.0.1",
        "[127.0.0.1]",
        &format!("{}.com", "d".repeat(63)),
        &format!("{}.com", "d".repeat(64)),
        "A.COM",
        "a",
        "",
        "a b.com",
        "1.2",
    ];
    let mut corpus: Vec<String> =
        locals.iter().flat_map(|local| domains.iter().map(move |domain| format!("{local}@{domain}"))).collect();
    corpus.extend(["plain", "a@b@c.com", "@example.com", "a@", " a@b.com", "a@b.com ", "a@b.com\n"].map(String::from));
    corpus
}

fn language_corpus() -> Vec<String> {
    let mut tags: Vec<String> = [
        "en",
        "EN",
        "en-US",
        "en-us",
        "zh-Hant-TW",
        "zh-hant-tw",
        "sr-Latn-RS",
        "es-419",
        "de-DE-1901",
        "de-DE-1901-1901",
        "sl-rozaj-biske",
        "sl-rozaj-rozaj",
        "sl-Rozaj",
        "en-u-ca-gregory",
        "en-u-ca",
        "en-u-c",
        "en-u-attr-ca-gregory",
        "en-u-ca-gregory-nu-latn",
        "en-u-a1-x",
        "en-t-ja",
        "en-t-ja-t0-und",
        "en-t-t0-und",
        "en-t-ja-jp-t0-und",
        "en-t",
        "en-a-bbb",
        "en-a-b",
        "en-a-bb-a-cc",
        "en-a-bb-b-cc",
        "en-x-private",
        "en-x-a-b-c",
        "x-private",
        "i-klingon",
        "zh-yue",
        "zh-min-nan",
        "en-GB-oed",
        "art-lojban",
        "english",
        "eng",
        "root",
        "und",
        "en_US",
        "en-",
        "-en",
        "en--US",
        "123",
        "e",
        "abcd",
        "abcde",
        "en-Latn-Latn",
        "en-US-US",
        "en-1234",
        "en-12345",
        "en-a-",
        "en-x-",
        "en-x-abcdefghi",
        "qaa-Qaaa-QM-x-southern",
        "ru-RU",
        "pt-BR",
        "zh-CN",
        "ja-JP-u-ca-japanese",
        "de-CH-1996",
        "hy-Latn-IT-arevela",
        "en-Latn-GB-boont-r-extended-sequence-x-private",
        "en-US-u-islamcal",
        "fr-",
        "fr-FR-",
        "ar-u-nu-arab-nu-latn",
        "en-u-nu",
        "en-0abc",
        "en-abcd1",
        "en-US-POSIX",
        "en-US-posix",
        "tlh",
        "i-default",
        "en-US-x-twain",
        "en-x-twain-twain",
        "cmn-Hans-CN",
        "yue-HK",
        "en-001",
        "en-150",
        "en-1",
        "en-12",
        "en-1234a",
        "en-u-ca-gregory-ca-buddhist",
        "en-t-en-t-en",
        "en-ca-u",
        "en-a-bb-x-a-bb",
        "ja-Jpan-JP-u-ca-japanese-x-lvariant-JP",
        "en-x-lvariant",
        "en-x-lvariant-abc",
        "en-x-abc-lvariant",
        "en-x-lvariant-abcde",
        "en-lvariant",
        "\u{0131}t",
        "en-US\u{0}",
        " en",
        "en ",
        "",
    ]
    .map(String::from)
    .to_vec();
    // Combinations of the subtag kinds, well-formed and not.
    let languages = ["en", "zh", "cmn", "x", "abcd", "abcdef", "e1"];
    let scripts = ["", "-Latn", "-Hant", "-Lat", "-Latin"];
    let regions = ["", "-US", "-419", "-U", "-USA", "-4190"];
    let variants = ["", "-1901", "-rozaj", "-1901-rozaj", "-abc", "-a1234"];
    for language in languages {
        for script in scripts {
            for region in regions {
                for variant in variants {
                    tags.push(format!("{language}{script}{region}{variant}"));
                }
            }
        }
    }
    tags
}

/// The block's run-time email and language checks against their judges: whatever the block sends,
/// Chromium's `<input type=email>` and `Intl.getCanonicalLocales` (ICU4C) accept. The language check
/// also agrees exactly with the profile's rule SSQ202 (ICU4X), run by `ssq-gen lint`.
fn runtime_email_and_language_checks_agree_with_their_judges() {
    let (emails, tags) = (email_corpus(), language_corpus());
    let judge = r#"(function () {
      console.warn = function () {};
      function sent(detail) {
        var before = window.__ssqRecord.commands.length;
        document.dispatchEvent(new CustomEvent("ssq:login", { detail: detail }));
        var commands = window.__ssqRecord.commands.slice(before);
        return commands.length ? commands[0][1] : {};
      }
      var input = document.createElement("input");
      input.type = "email";
      var emails = EMAILS, tags = TAGS, out = { emails: [], tags: [] };
      for (var i = 0; i < emails.length; i++) {
        input.value = emails[i];
        out.emails.push([sent({ user_id: "u", user_name: "n", email: emails[i] }).email === emails[i],
          input.validity.valid && input.value === emails[i]]);
      }
      for (var j = 0; j < tags.length; j++) {
        var intl = true;
        try { Intl.getCanonicalLocales(tags[j]); } catch (e) { intl = false; }
        out.tags.push([sent({ user_id: "u", user_name: "n", language: tags[j] }).language === tags[j], intl]);
      }
      window.__probe.notes.judged = out;
    })()"#;
    let mut page = Page::with(render("p.toml", "[loader]\nlicense = \"g1vfb1b\"\n[login]\nfrom_page = true\n"));
    page.after = judge.replace("EMAILS", &json!(emails).to_string()).replace("TAGS", &json!(tags).to_string());
    let browser = Browser::start();
    let report = browser.load("judges.html", &page, Network::Normal);
    clean(&report);
    let judged = &report["probe"]["notes"]["judged"];
    let verdicts = |kind: &str| -> Vec<(bool, bool)> {
        judged[kind].as_array().unwrap().iter().map(|pair| (pair[0] == true, pair[1] == true)).collect()
    };

    let email_verdicts = verdicts("emails");
    let false_accepts: Vec<_> =
        emails.iter().zip(&email_verdicts).filter(|(_, (ours, judge))| *ours && !judge).map(|(e, _)| e).collect();
    assert!(false_accepts.is_empty(), "the block sends emails Chromium refuses: {false_accepts:?}");
    let agree = email_verdicts.iter().filter(|(ours, judge)| ours == judge).count();
    let accepted = email_verdicts.iter().filter(|(ours, _)| *ours).count();
    assert!(accepted > 60, "the corpus must exercise acceptance too: {accepted}");
    println!("email: {agree} of {} agree with Chromium ({accepted} sent), 0 false accepts", emails.len());

    // SSQ202 over the same tags, one profile each.
    let dir = tempfile::tempdir().unwrap();
    for (i, tag) in tags.iter().enumerate() {
        let profile = json!({"loader": {"license": "g1vfb1b"}, "login": {"from_page": true, "language": tag}});
        std::fs::write(dir.path().join(format!("{i}.ssq.json")), profile.to_string()).unwrap();
    }
    let lint = ssq_gen().args(["lint", "--format", "json"]).arg(dir.path()).output().unwrap();
    let lint: Value = serde_json::from_slice(&lint.stdout).unwrap();
    let refused: std::collections::HashSet<usize> = lint["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "SSQ202" || d["code"] == "SSQ008")
        .map(|d| {
            let file = Path::new(d["file"].as_str().unwrap()).file_name().unwrap().to_str().unwrap().to_string();
            file.trim_end_matches(".ssq.json").parse().unwrap()
        })
        .collect();
    let tag_verdicts = verdicts("tags");
    let mut disagreements = Vec::new();
    for (i, (tag, (ours, intl))) in tags.iter().zip(&tag_verdicts).enumerate() {
        let rule = !refused.contains(&i);
        if *ours != rule || (*ours && !intl) {
            disagreements.push(format!("{tag:?}: block {ours}, SSQ202 {rule}, Intl {intl}"));
        }
    }
    assert!(disagreements.is_empty(), "{} disagreements:\n{}", disagreements.len(), disagreements.join("\n"));
    let sent = tag_verdicts.iter().filter(|(ours, _)| *ours).count();
    let with_intl = tag_verdicts.iter().filter(|(ours, intl)| ours == intl).count();
    assert!(sent > 100 && sent < tags.len() - 100, "{sent} of {}", tags.len());
    println!(
        "language: {} tags, {sent} sent; the block agrees with SSQ202 on all, with Intl on {with_intl}",
        tags.len()
    );
}

fn from_page_profiles_pass_every_command() {
    let example = root().join("examples/accounts.ssq.toml");
    ssq_gen().args(["lint", "--deny-warnings"]).arg(&example).assert().success();
    let block = ssq_gen().arg("snippet").arg(&example).arg("--deny-warnings").output().unwrap();
    assert!(block.status.success());
    let block = String::from_utf8(block.stdout).unwrap();
    assert!(block.contains("\"ssq:login\"") && !block.contains("setLoginInfo\", {"), "{block}");
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("chat.html");
    std::fs::write(&saved, &block).unwrap();
    ssq_gen().arg("snippet").arg(&example).arg("--check").arg(&saved).assert().success();
    let nonce = ssq_gen().arg("snippet").arg(&example).args(["--nonce", "{{ csp_nonce }}"]).output().unwrap();
    assert!(String::from_utf8(nonce.stdout).unwrap().starts_with("<!--"));
    let csp = ssq_gen().arg("csp").arg(&example).output().unwrap();
    assert!(String::from_utf8(csp.stdout).unwrap().starts_with("'sha256-"));
    // A fixed visitor beside from_page fails `lint` with its rule.
    let fixed =
        temp_profile("p.toml", "[loader]\nlicense = \"g1vfb1b\"\n[login]\nfrom_page = true\nuser_id = \"u-1\"\n");
    ssq_gen().arg("lint").arg(&fixed.path).assert().code(1).stdout(predicates::str::contains("error[SSQ213]"));
}

tests! {
    django_delivers_the_visitor ["django", "chromium", "python3", "openssl"],
    jinja2_delivers_the_visitor ["jinja2", "flask", "chromium", "python3", "openssl"],
    rails_delivers_the_visitor ["actionview", "chromium", "python3", "openssl"],
    twig_delivers_the_visitor ["php", "twig", "chromium", "python3", "openssl"],
    blade_delivers_the_visitor ["php", "blade", "chromium", "python3", "openssl"],
    liquid_delivers_the_visitor ["liquid", "chromium", "python3", "openssl"],
    go_delivers_the_visitor ["go", "chromium", "python3", "openssl"],
    handlebars_delivers_the_visitor ["node", "handlebars", "chromium", "python3", "openssl"],
    ejs_delivers_the_visitor ["node", "ejs", "chromium", "python3", "openssl"],
    php_delivers_the_visitor ["php", "chromium", "python3", "openssl"],
    login_data_prints_each_engines_fragment_and_refuses_others,
    the_runtime_rules_hold_in_the_browser ["chromium", "python3", "openssl"],
    single_page_login_and_logout_events ["chromium", "python3", "openssl"],
    damaged_page_data_is_an_anonymous_visitor ["chromium", "python3", "openssl"],
    one_csp_hash_serves_every_visitor ["chromium", "python3", "openssl"],
    runtime_email_and_language_checks_agree_with_their_judges ["chromium", "python3", "openssl"],
    from_page_profiles_pass_every_command,
}
