//! The block holds only what the profile uses: eslint's no-unused-vars and no-unreachable (and
//! no-undef, no-redeclare, and guard-for-in, since a page's extended `Object.prototype` reaches an
//! unguarded `for…in`), with an ES5 parser, over the script of every combination of install
//! form, loading, login (none, fixed, from the page), settings, launcher, triggers and event actions.

use crate::support::*;
use ssq_gen::input::source::Source;
use ssq_gen::sdk::{Action, Cmp, Event, Load, Word};
use ssq_gen::snippet::{self, RenderOptions};
use std::path::Path;
use std::process::Command;

const ESLINT_CONFIG: &str = r#"module.exports = [{ ignores: ["eslint.config.js"] }, {
  files: ["**/*.js"],
  languageOptions: {
    ecmaVersion: 5,
    sourceType: "script",
    globals: { window: "readonly", document: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly" }
  },
  linterOptions: { reportUnusedDisableDirectives: "error" },
  rules: {
    "no-unused-vars": ["error", { vars: "all", args: "all", caughtErrors: "none" }],
    "no-unreachable": "error",
    "no-undef": "error",
    "no-redeclare": "error",
    "no-global-assign": "error",
    "no-implicit-globals": "error",
    "guard-for-in": "error"
  }
}];
"#;

/// `launcher.page_events`: `ssq:open`, `ssq:close` and `ssq:send` from the page.
const PAGE_EVENTS: (&str, &str) = ("pageevents", "[launcher]\npage_events = true\n");

/// Every combination worth telling apart, as `(name, profile)`.
pub fn profiles() -> Vec<(String, String)> {
    let forms = [("license", "license = \"k7tq2mz\""), ("script", &*format!("script_url = \"{SCRIPT_URL}\""))]
        .map(|(n, l)| (n.to_string(), l.to_string()));
    let loads = Load::WORDS;
    let logins = [
        ("anonymous", ""),
        ("login", "[login]\nuser_id = \"u-1\"\nuser_name = \"Ann\"\n"),
        ("frompage", "[login]\nfrom_page = true\nphone_format = \"digits\"\n"),
    ];
    let widgets = [
        ("plain", ""),
        (
            "widget",
            "[widget]\nhide_icon = \"mobile\"\nopen_on_load = true\nhide_upload = [\"img\"]\nhide_close_icon = true\n[fallback]\nselector = \"#chat-fallback\"\ntimeout = 5\naction = \"datalayer\"\n",
        ),
    ];
    let clicks = [
        ("noclicks", ""),
        ("launcher", "[launcher]\nopen_selector = \"#help\"\n"),
        ("badge", "[launcher]\nbadge_selector = \"#badge\"\n"),
        (
            "triggers",
            "[triggers]\nopen_on_click = [\".a\"]\nclose_on_click = [\".b\"]\nclear_user_on_click = [\"#out\"]\n",
        ),
        ("send", "[triggers.send_on_click]\n\"#ask\" = \"Which size?\"\n"),
    ];
    let events: Vec<(String, String)> = Action::WORDS
        .iter()
        .map(|action| {
            let keys = Event::ALL
                .iter()
                .map(|event| format!("{} = \"{action}\"\n", ssq_gen::profile::schema::event_key(*event).name));
            (action.to_string(), format!("[events]\n{}", keys.collect::<String>()))
        })
        .chain([
            ("noevents".into(), String::new()),
            ("mixed".into(), "[events]\non_unread = \"gtag\"\non_open_chat = \"console\"\n".into()),
            ("forward".into(), "[events]\non_send_message = \"datalayer\"\nforward_content = true\n".into()),
            (
                "lists".into(),
                "[events]\non_unread = [\"datalayer\", \"console\"]\non_send_message = { actions = [\"gtag\"], once = true }\n"
                    .into(),
            ),
        ])
        .collect();
    let mut all = Vec::new();
    for (form, loader) in &forms {
        for load in loads {
            for (login_name, login) in logins {
                for (widget_name, widget) in widgets {
                    for (click_name, click) in clicks {
                        for (event_name, event) in &events {
                            let name = format!("{form}-{load}-{login_name}-{widget_name}-{click_name}-{event_name}");
                            // The widget settings' variant opts in to the default Trusted Types policy too.
                            let tt = if widget.is_empty() { "" } else { "trusted_types_default = true\n" };
                            let text =
                                format!("[loader]\n{loader}\nload = \"{load}\"\n{tt}{login}{widget}{click}{event}");
                            all.push((name, text));
                        }
                    }
                }
            }
        }
    }
    // The page's own events, with no gate and every login.
    for (form, loader) in &forms {
        for load in loads {
            for (login_name, login) in logins {
                let name = format!("{form}-{load}-{login_name}-pageevents");
                all.push((name, format!("[loader]\n{loader}\nload = \"{load}\"\n{login}{}", PAGE_EVENTS.1)));
            }
        }
    }
    // `[pages]` and `[consent]`, each manager, with and without clicks, in every load mode.
    let gates = [
        ("pages", "[pages]\nskip = [\"/checkout/**\"]\nopen = [\"/pricing\", \"/help/*\"]\n".to_string()),
        (
            "both",
            "[pages]\nskip = [\"/admin/**\"]\n[consent]\ncmp = \"cookiebot\"\ncategory = \"preferences\"\n".to_string(),
        ),
    ]
    .into_iter()
    .chain(Cmp::ALL.iter().map(|cmp| {
        // `event` and `tcf` take no category, and a manager with a closed set has a default.
        let category = match cmp {
            Cmp::Event | Cmp::Tcf => String::new(),
            _ if cmp.categories().is_some() => String::new(),
            _ => "category = \"functional\"\n".to_string(),
        };
        ("consent", format!("[consent]\ncmp = \"{}\"\n{category}", cmp.word()))
    }));
    for (i, (gate_name, gate)) in gates.enumerate() {
        for (form, loader) in &forms {
            for load in loads {
                for (click_name, click) in [clicks[0], clicks[1], clicks[4], PAGE_EVENTS] {
                    let name = format!("{form}-{load}-{gate_name}{i}-{click_name}");
                    let text =
                        format!("[loader]\n{loader}\nload = \"{load}\"\n{}{click}{}{gate}", logins[2].1, events[0].1);
                    all.push((name, text));
                }
            }
        }
    }
    all
}

/// eslint over the scripts in `dir`, on one thread: two took 29 s instead of 34 s for the whole set
/// alone, but 52 CPU-seconds instead of 44, and beside the other suites the cores are the limit.
fn eslint(dir: &Path) -> std::process::Output {
    let eslint = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/node_modules/eslint/bin/eslint.js");
    let args = ["--format", "stylish", "--concurrency", "off", "."];
    Command::new("node").arg(eslint).args(args).current_dir(dir).output().unwrap()
}

fn every_block_holds_only_what_its_profile_uses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("eslint.config.js"), ESLINT_CONFIG).unwrap();
    let mut written = 0;
    let mut unique = std::collections::HashSet::new();
    // Rendered through the library: what is under test is the block, not the binary (which the
    // other suites drive).
    for (name, text) in profiles() {
        let source = Source::from_bytes(format!("{name}.toml"), text.into_bytes(), None);
        let checked = ssq_gen::check(source);
        let profile = checked.profile.unwrap_or_else(|| panic!("{name}: {:?}", checked.diagnostics));
        for (variant, logout) in [("", false), ("-logout", true)] {
            let options = RenderOptions { profile_name: &name, logout, ..RenderOptions::default() };
            let script = snippet::render(&profile, &options).unwrap().script;
            assert!(!script.contains("\n\n\n"), "{name}{variant}: a double blank line");
            // Profiles that differ only where the script does not (a fixed visitor's values, the
            // header) give the same script: eslint reads each distinct one once.
            if unique.insert(script.clone()) {
                std::fs::write(dir.path().join(format!("{name}{variant}.js")), script).unwrap();
            }
            written += 1;
        }
    }
    assert!(written >= 1000, "{written} blocks");
    eprintln!("{} distinct of {written}", unique.len());
    assert!(
        unique.len() * 4 > written,
        "only {} distinct scripts of {written}: the combinations no longer vary",
        unique.len()
    );
    let output = eslint(dir.path());
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "eslint found dead or undeclared code:\n{}", &report[..report.len().min(4000)]);
}

fn the_lint_catches_what_it_is_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("eslint.config.js"), ESLINT_CONFIG).unwrap();
    std::fs::write(
        dir.path().join("dead.js"),
        "(function (w, d) {\n  var widget = null;\n  function setUp(ssq) { widget = ssq; }\n  for (var k in w) { d.title = k; }\n  return;\n  w.x = d;\n})(window, document);\n",
    )
    .unwrap();
    let output = eslint(dir.path());
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{report}{}", String::from_utf8_lossy(&output.stderr));
    for rule in ["no-unused-vars", "no-unreachable", "guard-for-in"] {
        assert!(report.contains(rule), "{rule} not reported:\n{report}");
    }
}

tests! {
    every_block_holds_only_what_its_profile_uses ["node", "eslint"],
    the_lint_catches_what_it_is_for ["node", "eslint"],
}
