//! Exact output, pinned: every report format over a fixture tree, and the human report of every rule.
//! A change to any byte of a report shows up here as a snapshot diff (`cargo insta review`).

use crate::support::*;
use std::path::Path;

fn tree() -> std::path::PathBuf {
    fixture("tree")
}

/// Runs `ssq-gen ARGS` in `dir`; returns `exit status`, then stdout, then stderr, as one text.
fn transcript(dir: &Path, args: &[&str]) -> String {
    let output = ssq_gen().current_dir(dir).env_remove("NO_COLOR").args(args).output().unwrap();
    format!(
        "status: {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// insta names snapshots after the test; these settings keep every snapshot of this file together.
fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

fn every_format_over_a_tree() {
    settings().bind(|| {
        for format in ["human", "json", "github", "sarif"] {
            let text = transcript(&tree(), &["lint", "--format", format, ".", "missing.ssq.toml"]);
            // SARIF's `%SRCROOT%` is the folder lint ran in: this checkout's, wherever it is.
            let root = format!("\"file://{}/\"", tree().display());
            let text = text.replacen(&root, "\"file:///…/tests/fixtures/tree/\"", 1);
            insta::assert_snapshot!(format!("lint_{format}"), text);
        }
        let quiet = transcript(&tree(), &["lint", "-q", "."]);
        insta::assert_snapshot!("lint_human_quiet", quiet);
        // -q applies to every format, and never hides what fails the run.
        let quiet = transcript(&tree(), &["lint", "-q", "--format", "json", "b", "site/good.ssq.toml"]);
        insta::assert_snapshot!("lint_json_quiet", quiet);
        let denied = transcript(&tree(), &["lint", "-q", "--deny-warnings", "b"]);
        insta::assert_snapshot!("lint_human_quiet_deny_warnings", denied);
        let denied = transcript(&tree(), &["lint", "--deny-warnings", "b"]);
        insta::assert_snapshot!("lint_human_deny_warnings", denied);
    });
}

const LICENSE: &str = "[loader]\nlicense = \"g1vfb1b\"\n";
const LOGIN: &str = "[loader]\nlicense = \"g1vfb1b\"\n\n[login]\nuser_id = \"u-7f3a\"\nuser_name = \"Ann\"\n";

/// `label_names` with 5,000 labels, the list on a line of its own: 64 KiB of the block.
pub fn many_labels() -> String {
    let labels: Vec<_> = (0..5000).map(|i| format!("\"label-{i:04}\"")).collect();
    format!("label_names = [\n{}\n]", labels.join(","))
}

/// One profile per rule that makes it fire: `(code, file name, contents)`.
fn cases() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let login = |extra: &str| format!("{LOGIN}{extra}\n").into_bytes();
    vec![
        ("SSQ001", "p.toml", b"[loader\nlicense = \"g1vfb1b\"\n".to_vec()),
        ("SSQ002", "p.toml", b"[loader]\nlicense = \"g1\xffb\"\n".to_vec()),
        ("SSQ003", "p.toml", vec![b'#'; 1024 * 1024 + 1]),
        ("SSQ004", "p.toml", b"[loader]\nlicense = 5\n".to_vec()),
        ("SSQ012", "p.toml", login(&many_labels())),
        ("SSQ005", "p.toml", format!("{LICENSE}licence = \"x\"\n").into_bytes()),
        ("SSQ006", "p.toml", format!("{LICENSE}load = \"lazy\"\n").into_bytes()),
        ("SSQ007", "p.json", br#"{"loader": {"license": "g1vfb1b", "license": "g2vfb1b"}}"#.to_vec()),
        ("SSQ008", "p.toml", login("description = \"a\\u0007b\"")),
        ("SSQ009", "p.toml", login("phone = \"+44 20 7946 0000\"")),
        ("SSQ010", "p.toml", format!("{LICENSE}\n[widget]\nhide_upload = [\"img\", \"img\"]\n").into_bytes()),
        ("SSQ101", "p.toml", b"[widget]\nhide_icon = true\n".to_vec()),
        ("SSQ102", "p.toml", b"[loader]\nscript_url = \"http://cdn.example.com/chat.js\"\n".to_vec()),
        ("SSQ103", "p.toml", b"[loader]\nlicense = \"g1\"\n".to_vec()),
        ("SSQ104", "p.toml", b"[loader]\nscript_url = \"https://cdn.example.com/chat.js\"\n".to_vec()),
        (
            "SSQ105",
            "p.toml",
            format!("{LICENSE}load = \"interaction\"\n\n[widget]\nopen_on_load = true\n").into_bytes(),
        ),
        ("SSQ201", "p.toml", format!("{LICENSE}\n[login]\nuser_id = \"u-7f3a\"\n").into_bytes()),
        ("SSQ202", "p.toml", login("language = \"en_US!\"")),
        ("SSQ203", "p.toml", login("language = \"tlh\"")),
        ("SSQ204", "p.toml", login("phone = \"+44 12\"")),
        ("SSQ205", "p.toml", login("phone = \"020 7946 0958\"")),
        ("SSQ206", "p.toml", login("phone = \"447911123456\"")),
        ("SSQ207", "p.toml", login("phone_region = \"UK\"")),
        ("SSQ208", "p.toml", login("email = \"not-an-email\"")),
        ("SSQ209", "p.toml", login("email = \"ann@localhost\"")),
        ("SSQ210", "p.toml", format!("{LICENSE}\n[login]\nuser_id = \"12345\"\nuser_name = \"Ann\"\n").into_bytes()),
        ("SSQ211", "p.toml", login("label_names = [\"vip\", \" \"]")),
        ("SSQ212", "p.toml", login("label_names = [\"vip\", \"vip\"]")),
        (
            "SSQ213",
            "p.toml",
            format!("{LICENSE}\n[login]\nfrom_page = true\nuser_id = \"b58e64cfxs2ym\"\n").into_bytes(),
        ),
        ("SSQ214", "p.toml", login("custom_fields_ext = { \"10003\" = [\"shoes\", \" \"] }")),
        (
            "SSQ301",
            "p.toml",
            format!("{LICENSE}\n[widget]\nhide_icon = true\n\n[launcher]\nopen_selector = \"#help[\"\n").into_bytes(),
        ),
        ("SSQ302", "p.toml", format!("{LICENSE}\n[launcher]\nopen_selector = \"#help\"\n").into_bytes()),
        ("SSQ303", "p.toml", format!("{LICENSE}\n[widget]\nhide_icon = true\nhide_close_icon = true\n").into_bytes()),
        (
            "SSQ304",
            "p.toml",
            format!("{LICENSE}\n[triggers]\nclose_on_click = [\"#ask\"]\nsend_on_click = {{ \"#ask\" = \"Hi\" }}\n")
                .into_bytes(),
        ),
        ("SSQ305", "p.toml", format!("{LICENSE}\n[triggers.send_on_click]\n\"#ask\" = \"\"\n").into_bytes()),
        ("SSQ011", "p.toml", format!("{LICENSE}\n[widget]\nhide_icon = true\n").into_bytes()),
        (
            "SSQ306",
            "p.toml",
            format!("{LICENSE}\n[triggers]\nopen_on_click = [\".chat\"]\nclose_on_click = [\".chat\"]\n").into_bytes(),
        ),
        ("SSQ307", "p.toml", format!("{LICENSE}\n[triggers]\nopen_on_click = [\".chat\", \".chat\"]\n").into_bytes()),
        ("SSQ308", "p.toml", format!("{LICENSE}\n[triggers]\nclose_on_click = [\"body\"]\n").into_bytes()),
        ("SSQ401", "p.toml", format!("{LICENSE}\n[pages]\nskip = [\"https://shop.example/checkout\"]\n").into_bytes()),
        ("SSQ402", "p.toml", format!("{LICENSE}\n[pages]\nskip = [\"/a\"]\nopen = [\"/a\"]\n").into_bytes()),
        ("SSQ403", "p.toml", format!("{LICENSE}\n[consent]\ncmp = \"klaro\"\n").into_bytes()),
        (
            "SSQ404",
            "p.toml",
            format!("{LICENSE}\n[consent]\ncmp = \"complianz\"\ncategory = \"functional\"\n").into_bytes(),
        ),
    ]
}

fn the_human_report_of_every_rule() {
    let rules = ssq_gen().arg("rules").output().unwrap();
    let codes: Vec<String> =
        String::from_utf8(rules.stdout).unwrap().lines().map(|l| l.split_whitespace().next().unwrap().into()).collect();
    let cases = cases();
    for code in &codes {
        // SSQ000 is a path that cannot be read: the tree's snapshots pin it.
        assert!(code == "SSQ000" || cases.iter().any(|(c, ..)| c == code), "no case makes {code} fire");
    }
    settings().bind(|| {
        for (code, name, contents) in cases {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join(name), contents).unwrap();
            let text = transcript(dir.path(), &["lint", "--color", "never", name]);
            assert!(text.contains(&format!("[{code}]")), "{code} did not fire:\n{text}");
            insta::assert_snapshot!(format!("rule_{code}"), text);
        }
    });
}

tests! {
    every_format_over_a_tree,
    the_human_report_of_every_rule,
}
