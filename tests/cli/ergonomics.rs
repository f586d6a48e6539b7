//! Completions in real shells, the starter profile, the schema, the man page and help.

use crate::support::*;
use predicates::prelude::*;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const SHELL_FILES: [(&str, &str); 5] = [
    ("bash", "ssq-gen.bash"),
    ("zsh", "_ssq-gen"),
    ("fish", "ssq-gen.fish"),
    ("powershell", "_ssq-gen.ps1"),
    ("elvish", "ssq-gen.elv"),
];

fn completions_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/completions"))
}

fn committed_completion_scripts_match_the_binary() {
    for (shell, file) in SHELL_FILES {
        let printed = ssq_gen().args(["completions", shell]).output().unwrap();
        assert!(printed.status.success());
        let committed = std::fs::read(completions_dir().join(file)).unwrap_or_default();
        assert!(
            committed == printed.stdout,
            "completions/{file} is stale: ssq-gen completions {shell} > completions/{file}"
        );
    }
}

/// The committed schema is the one its `$id` names, and what `ssq-gen schema` prints.
fn the_committed_schema_matches_the_binary() {
    let printed = ssq_gen().arg("schema").output().unwrap();
    assert!(printed.status.success());
    let committed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/ssq-gen.schema.json")).unwrap_or_default();
    assert!(committed == printed.stdout, "ssq-gen.schema.json is stale: ssq-gen schema > ssq-gen.schema.json");
    let schema: serde_json::Value = serde_json::from_slice(&committed).unwrap();
    assert!(schema["$id"].as_str().unwrap().ends_with("/main/ssq-gen.schema.json"), "{}", schema["$id"]);
}

/// A shell in tmux, typing as a person does, TAB included.
struct Terminal {
    session: String,
    /// The shell's home and working folder, removed with the terminal.
    home: tempfile::TempDir,
}

impl Terminal {
    fn start(shell: &str, setup: &[String]) -> Terminal {
        let home = tempfile::tempdir().unwrap();
        for file in ["profile.ssq.toml", "other.json"] {
            std::fs::write(home.path().join(file), "").unwrap();
        }
        std::fs::write(home.path().join("bad.ssq.toml"), "[loader]\nlicense = \"g1\"\n").unwrap();
        let bin = crate::support::binary().parent().unwrap();
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
        let command = match shell {
            "bash" => "bash --norc --noprofile",
            "zsh" => "zsh -f",
            _ => "fish --no-config",
        };
        static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let session = format!("ssq-{shell}-{}-{n}", std::process::id());
        let terminal = Terminal { session, home };
        let created = terminal
            .tmux()
            .args(["new-session", "-d", "-x", "200", "-y", "50", "-s", &terminal.session, "-c"])
            .arg(terminal.home.path())
            .arg(format!("env -i HOME={} TERM=xterm PATH={path} {command}", terminal.home.path().display()))
            .output()
            .unwrap();
        assert!(created.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&created.stderr));
        for line in setup {
            terminal.keys(&[line, "Enter"]);
        }
        terminal.clear();
        terminal
    }

    /// Clears the screen, and waits until the shell has: it prints a mark that the typed line does
    /// not hold (`printf 'cle%s' ared-3` shows `cleared-3`), where a fixed pause waited 200 ms.
    fn clear(&self) {
        static MARKS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let mark = format!("cleared-{}", MARKS.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        self.keys(&["-l", &format!("clear; printf 'cle%s\\n' {}", &mark[3..])]);
        self.keys(&["Enter"]);
        self.wait_for("clear", |screen| screen.contains(&mark));
    }

    /// Polls the screen until `done` holds (10 s at most).
    fn wait_for(&self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return;
            }
            assert!(Instant::now() < deadline, "{}: {what} did not show:\n{screen}", self.session);
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// tmux, talking to this terminal's own server (its socket in the home folder): with one server
    /// for all, a session created while another test's last one ended could go with the exiting
    /// server ("can't find pane").
    fn tmux(&self) -> Command {
        let mut tmux = Command::new("tmux");
        tmux.arg("-S").arg(self.home.path().join(".tmux"));
        tmux
    }

    fn keys(&self, keys: &[&str]) {
        let status = self.tmux().args(["send-keys", "-t", &self.session]).args(keys).status().unwrap();
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let output = self.tmux().args(["capture-pane", "-p", "-t", &self.session]).output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// The screen with its colour escape sequences.
    fn screen_with_escapes(&self) -> String {
        let output = self.tmux().args(["capture-pane", "-e", "-p", "-t", &self.session]).output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Runs `line` and returns the screen once `expected` shows.
    fn run(&self, line: &str, expected: &str) -> String {
        self.clear();
        self.keys(&["-l", line]);
        self.keys(&["Enter"]);
        self.wait_for(&format!("`{line}`'s {expected:?}"), |screen| screen.contains(expected));
        // The rest of the report.
        std::thread::sleep(Duration::from_millis(200));
        self.screen_with_escapes()
    }

    /// Types `line`, presses TAB (twice: bash lists on the second), and waits for `expected`.
    fn complete(&self, line: &str, expected: &[&str]) {
        self.keys(&["C-u"]);
        self.keys(&["-l", line]);
        self.keys(&["Tab"]);
        std::thread::sleep(Duration::from_millis(200));
        self.keys(&["Tab"]);
        self.wait_for(&format!("`{line}<TAB>` offering {expected:?}"), |screen| {
            expected.iter().all(|e| screen.contains(e))
        });
        self.keys(&["C-c"]);
        self.clear();
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.tmux().arg("kill-server").status();
    }
}

fn check_shell(shell: &str, setup: Vec<String>) {
    let terminal = Terminal::start(shell, &setup);
    terminal.complete("ssq-gen sni", &["ssq-gen snippet"]);
    terminal.complete("ssq-gen ", &["snippet", "completions", "rules"]);
    terminal.complete("ssq-gen snippet --input-format ", &["toml", "json"]);
    terminal.complete("ssq-gen lint --format ", &["human", "json", "github", "sarif"]);
    terminal.complete("ssq-gen snippet --de", &["--deny-warnings"]);
    terminal.complete("ssq-gen snippet prof", &["profile.ssq.toml"]);
    terminal.complete("ssq-gen completions ", &["bash", "zsh", "fish", "powershell", "elvish"]);
    terminal.complete("ssq-gen snippet --color ", &["auto", "always", "never"]);
    terminal.complete("ssq-gen login-data ", &["django", "jinja2", "rails", "liquid", "handlebars", "php"]);
    terminal.complete("ssq-gen login-d", &["ssq-gen login-data"]);
}

fn colour_on_a_terminal_unless_no_color() {
    let terminal = Terminal::start("bash", &[]);
    let coloured = terminal.run("ssq-gen snippet bad.ssq.toml", "nothing written");
    assert!(coloured.contains("\u{1b}["), "a terminal gets colour:\n{coloured}");
    let plain = terminal.run("NO_COLOR=1 ssq-gen snippet bad.ssq.toml", "nothing written");
    assert!(!plain.contains("\u{1b}["), "NO_COLOR turns it off:\n{plain}");
    let forced = terminal.run("NO_COLOR=1 ssq-gen snippet bad.ssq.toml --color always", "nothing written");
    assert!(forced.contains("\u{1b}["), "--color always wins over NO_COLOR");
    let lint = terminal.run("ssq-gen lint bad.ssq.toml", "checked 1 profile");
    assert!(lint.contains("\u{1b}["), "lint's report is coloured on a terminal");
    let dumb = terminal.run("TERM=dumb ssq-gen snippet bad.ssq.toml", "nothing written");
    assert!(!dumb.contains("\u{1b}["), "TERM=dumb turns it off:\n{dumb}");
    // Waiting silently for a profile to be typed would look like a hang.
    let waiting = terminal.run("ssq-gen snippet", "no profile given");
    assert!(waiting.contains("`-` to type or paste one"), "{waiting}");
}

fn bash_completes_after_subcommands() {
    check_shell("bash", vec![format!("source {}/ssq-gen.bash", completions_dir().display())]);
}

fn zsh_completes() {
    let setup = vec![format!("fpath=({} $fpath); autoload -Uz compinit; compinit -u", completions_dir().display())];
    check_shell("zsh", setup);
}

fn fish_completes() {
    check_shell("fish", vec![format!("source {}/ssq-gen.fish", completions_dir().display())]);
}

fn init_writes_a_starter_that_validates_and_never_clobbers() {
    for (args, file) in [(&[][..], "profile.ssq.toml"), (&["--json"][..], "profile.ssq.json")] {
        let dir = tempfile::tempdir().unwrap();
        ssq_gen().current_dir(dir.path()).arg("init").args(args).assert().code(0);
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        // It renders, with a warning for each placeholder left in.
        let rendered = ssq_gen().arg("snippet").arg(&path).assert().code(0).get_output().stderr.clone();
        let rendered = String::from_utf8(rendered).unwrap();
        let warnings: Vec<_> = rendered.lines().filter(|l| l.starts_with("warning[")).collect();
        assert!(!warnings.is_empty() && warnings.iter().all(|w| w.starts_with("warning[SSQ009]")), "{rendered}");
        ssq_gen()
            .current_dir(dir.path())
            .arg("init")
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("already exists; use --force"));
        std::fs::write(&path, "changed").unwrap();
        ssq_gen().current_dir(dir.path()).arg("init").args(args).arg("--force").assert().code(0);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}

fn the_toml_starter_explains_every_key() {
    let output = ssq_gen().args(["init", "-"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    for section in ssq_gen::profile::schema::SECTIONS {
        // Sections with nothing active are written as comments, ready to uncomment.
        let header = format!("\n[{}]\n", section.name);
        assert!(text.contains(&header) || text.contains(&format!("\n# [{}]\n", section.name)), "[{}]", section.name);
        for key in section.keys {
            assert!(text.contains(&format!("\n# {}\n", key.doc)), "doc of {}", key.name);
            assert!(text.contains(&format!("{} = ", key.name)), "{}", key.name);
        }
    }
    assert!(text.contains("user_id = \"replace-with-the-hashed-user-id\"  # replace"));
}

fn the_schema_accepts_the_examples_and_refuses_mistakes() {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let output = ssq_gen().arg("schema").output().unwrap();
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    compiler.add_resource("s.json", schema).unwrap();
    let index = compiler.compile("s.json", &mut schemas).unwrap();
    let starter = ssq_gen().args(["init", "-", "--json"]).output().unwrap().stdout;
    let good = [
        serde_json::from_slice(&starter).unwrap(),
        serde_json::from_str(&std::fs::read_to_string(fixture("license.json")).unwrap()).unwrap(),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "login": {"from_page": true, "language": "en-US",
            "custom_fields_ext": {"10001": "gold", "10002": 12, "10003": ["shoes", "bags"]}}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "login": {"from_page": false, "user_id": "a", "user_name": "b"}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "consent": {"cmp": "consent-mode", "category": "analytics_storage"}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "consent": {"cmp": "klaro", "category": "anything"}}),
    ];
    for profile in &good {
        assert!(schemas.validate(profile, index).is_ok(), "{profile}");
    }
    let bad = [
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "login": {"user_id": "x", "user_nmae": "y"}}),
        serde_json::json!({"loader": {"license": "g1vfb1b", "script_url": "https://x.com/a.js"}}),
        serde_json::json!({"loader": {}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "widget": {"hide_icon": "yes"}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "events": {"on_unread": "datalyer"}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "login": {"from_page": true, "user_id": "x"}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "login": {"user_id": "x"}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "login": {"from_page": true, "custom_fields_ext": {"a": {"b": 1}}}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "login": {"from_page": true, "custom_fields_ext": {"a": [1]}}}),
        // A manager's closed set of categories.
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "consent": {"cmp": "consent-mode", "category": "functionality"}}),
        serde_json::json!({"loader": {"license": "g1vfb1b"}, "consent": {"cmp": "shopify", "category": "functional"}}),
    ];
    for profile in &bad {
        assert!(schemas.validate(profile, index).is_err(), "{profile}");
    }
}

fn every_command_has_help_with_an_example() {
    for command in ["snippet", "lint", "csp", "login-data", "init", "schema", "man", "completions", "rules"] {
        ssq_gen()
            .args([command, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Usage: ssq-gen"))
            .stdout(predicate::str::contains("Examples:"));
    }
}

fn mistakes_get_a_did_you_mean() {
    ssq_gen().arg("snipet").assert().code(2).stderr(predicate::str::contains("similar subcommand exists: 'snippet'"));
    ssq_gen()
        .args(["snippet", "--deny-warning"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("similar argument exists: '--deny-warnings'"));
}

fn the_man_page_covers_the_commands() {
    let output = ssq_gen().arg("man").output().unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.contains(".TH ssq-gen"), "{page}");
    for command in ["snippet", "lint", "csp", "login-data", "init", "schema", "completions", "rules"] {
        // roff writes a hyphen as `\-`.
        assert!(page.contains(&command.replace('-', "\\-")), "{command}");
    }
}

tests! {
    committed_completion_scripts_match_the_binary,
    the_committed_schema_matches_the_binary,
    colour_on_a_terminal_unless_no_color ["tmux", "bash"],
    bash_completes_after_subcommands ["tmux", "bash"],
    zsh_completes ["tmux", "zsh"],
    fish_completes ["tmux", "fish"],
    init_writes_a_starter_that_validates_and_never_clobbers,
    the_toml_starter_explains_every_key,
    the_schema_accepts_the_examples_and_refuses_mistakes,
    every_command_has_help_with_an_example,
    mistakes_get_a_did_you_mean,
    the_man_page_covers_the_commands,
}
