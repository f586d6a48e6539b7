//! What a new user's trial broke (issue #19, second round), each through the binary: line endings,
//! empty values, wording, findings for settings with no effect, every bad element at once, and
//! messages that name the path.

use crate::support::*;
use serde_json::Value;

const LICENSE: &str = "[loader]\nlicense = \"g1vfb1b\"\n";

fn lint_json(name: &str, text: &str) -> (Option<i32>, Vec<Value>) {
    let profile = temp_profile(name, text);
    let output = ssq_gen().args(["lint", "--format", "json"]).arg(&profile.path).output().unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    (output.status.code(), report["diagnostics"].as_array().unwrap().clone())
}

fn said(diagnostics: &[Value]) -> String {
    diagnostics.iter().map(|d| format!("{} {} {}\n", d["code"], d["message"], d["help"])).collect()
}

/// A checkout with CRLF line endings gives the block, and the CSP hash, that LF gives.
fn line_endings_do_not_change_the_block() {
    let lf = format!(
        "{LICENSE}[login]\nuser_id = \"b58e64cfxs2ym\"\nuser_name = \"x\"\ndescription = \"\"\"Plan B\nDesktop client\"\"\"\n[triggers.send_on_click]\n\"#ask\" = \"\"\"Which size\nfits me?\"\"\"\n"
    );
    let crlf = lf.replace('\n', "\r\n");
    let lf_profile = temp_profile("p.ssq.toml", &lf);
    let crlf_profile = temp_profile("p.ssq.toml", &crlf);
    for command in [&["snippet"][..], &["csp"]] {
        let a = ssq_gen().args(command).arg(&lf_profile.path).output().unwrap();
        let b = ssq_gen().args(command).arg(&crlf_profile.path).output().unwrap();
        assert!(a.status.success() && b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
        assert_eq!(String::from_utf8(a.stdout).unwrap(), String::from_utf8(b.stdout).unwrap(), "{command:?}");
    }
    let block = render("p.ssq.toml", &crlf);
    assert!(block.contains(r#""Plan B\nDesktop client""#) && !block.contains(r"\r\n"), "{block}");
}

fn empty_values_and_language_reasons_in_our_words() {
    let login = |line: &str| format!("{LICENSE}[login]\nuser_id = \"b58e64cfxs2ym\"\nuser_name = \"x\"\n{line}\n");
    for (line, code, says) in [
        ("phone = \"\"", "SSQ204", "`login.phone` is empty"),
        ("email = \" \"", "SSQ208", "`login.email` is empty"),
        ("language = \"\"", "SSQ202", "(it is empty)"),
        ("language = \"en_US\"", "SSQ202", "BCP 47 separates subtags with `-`, not `_`"),
        ("language = \"en US\"", "SSQ202", "a tag has no spaces"),
    ] {
        let (status, diagnostics) = lint_json("p.ssq.toml", &login(line));
        assert_eq!(status, Some(1), "{line}");
        assert_eq!(diagnostics.len(), 1, "{line}: {}", said(&diagnostics));
        assert_eq!(diagnostics[0]["code"], code, "{line}");
        let text = said(&diagnostics);
        assert!(text.contains(says), "{line}: {text}");
        assert!(!text.contains("The given language subtag is invalid"), "ICU's words: {text}");
    }
}

fn names_and_wording_a_person_recognizes() {
    let (_, diagnostics) = lint_json("p.ssq.json", r#"{"Loader": {"license": "g1vfb1b"}}"#);
    let text = said(&diagnostics);
    assert!(text.contains(r#"unknown section `\"Loader\"`"#) && text.contains("did you mean `loader`?"), "{text}");
    let (_, diagnostics) =
        lint_json("p.ssq.toml", "[loader]\nurl = \"https://plugin-code.salesmartly.com/js/project_1_2_3.js\"\n");
    let text = said(&diagnostics);
    assert!(text.contains("did you mean `script_url`?"), "{text}");
    assert_eq!(diagnostics.len(), 1, "no follow-on SSQ101: {text}");

    // `check` is `lint`, as `ruff check` is.
    let profile = temp_profile("p.ssq.toml", LICENSE);
    ssq_gen().arg("check").arg(&profile.path).assert().success();
}

fn settings_with_no_effect_warn() {
    let cases = [
        (format!("{LICENSE}[widget]\nhide_icon = true\n"), "SSQ011", "nothing else opens the chat"),
        (
            format!("{LICENSE}[events]\non_open_chat = \"console\"\nforward_content = true\n"),
            "SSQ011",
            "nothing to forward to",
        ),
        (
            format!(
                "{LICENSE}[login]\nuser_id = \"b58e64cfxs2ym\"\nuser_name = \"x\"\ncustom_fields_ext = {{ \"10001\" = 9007199254740993 }}\n"
            ),
            "SSQ214",
            "9007199254740993, which JavaScript reads as 9007199254740992",
        ),
        // The string to write holds the digits: a TOML `_` in it would be sent.
        (
            format!(
                "{LICENSE}[login]\nuser_id = \"b58e64cfxs2ym\"\nuser_name = \"x\"\ncustom_fields_ext = {{ \"10001\" = 9_007_199_254_740_993 }}\n"
            ),
            "SSQ214",
            // `said` shows the JSON string, quotes escaped.
            r#"write it as a string, `\"9007199254740993\"`"#,
        ),
    ];
    for (profile, code, says) in cases {
        let (_, diagnostics) = lint_json("p.ssq.toml", &profile);
        assert_eq!(diagnostics.len(), 1, "{profile}: {}", said(&diagnostics));
        assert_eq!(diagnostics[0]["code"], code, "{profile}");
        assert!(said(&diagnostics).contains(says), "{}", said(&diagnostics));
    }
    // With something that opens the chat, or an analytics action, there is nothing to say.
    for profile in [
        format!("{LICENSE}[widget]\nhide_icon = true\n[launcher]\nopen_selector = \"#help\"\n"),
        format!("{LICENSE}[widget]\nhide_icon = true\n[pages]\nopen = [\"/help\"]\n"),
        format!("{LICENSE}[events]\non_open_chat = \"gtag\"\nforward_content = true\n"),
    ] {
        assert_eq!(lint_json("p.ssq.toml", &profile), (Some(0), Vec::new()), "{profile}");
    }
}

fn every_bad_element_is_reported_in_one_run() {
    let profile = format!(
        "{LICENSE}[login]\nuser_id = \"u-7f3a\"\nuser_name = \"x\"\nlabel_names = [1, \"vip\", true, \"vip\"]\ncustom_fields_ext = {{ \"1\" = {{}}, \"2\" = \"ok\", \"3\" = [1, \" \"], \"\" = [\"x\"] }}\n"
    );
    let (_, diagnostics) = lint_json("p.ssq.toml", &profile);
    let found: Vec<(&str, &str)> =
        diagnostics.iter().map(|d| (d["code"].as_str().unwrap(), d["field"].as_str().unwrap())).collect();
    // The well-typed elements of a list in error are checked in the same run: the repeated
    // label, the blank option, the blank id.
    assert_eq!(
        found,
        [
            ("SSQ004", "login.label_names[0]"),
            ("SSQ004", "login.label_names[2]"),
            ("SSQ212", "login.label_names[3]"),
            ("SSQ004", "login.custom_fields_ext.1"),
            ("SSQ004", "login.custom_fields_ext.3[0]"),
            ("SSQ214", "login.custom_fields_ext.3[1]"),
            ("SSQ214", "login.custom_fields_ext"),
        ],
        "{}",
        said(&diagnostics)
    );
    // A list in error may be what opens the chat: no follow-on "nothing opens it".
    let profile = format!("{LICENSE}[widget]\nhide_icon = true\n[triggers]\nopen_on_click = [1]\n");
    let (_, diagnostics) = lint_json("p.ssq.toml", &profile);
    let codes: Vec<&str> = diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["SSQ004"], "{}", said(&diagnostics));
}

/// A custom-field number is refused exactly when JavaScript would send another number: measured
/// against Python, whose `float()` reads a literal as the nearest double and whose `repr()` is
/// the shortest decimal that reads back as it (what `JSON.stringify` sends), compared as exact
/// decimals. Literals around 2^53, past it, and with up to 25 significant digits.
fn custom_field_numbers_agree_with_javascripts_doubles() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |bound: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % bound
    };
    let mut literals: Vec<String> = (-4_i64..=4).map(|d| ((1_i64 << 53) + d).to_string()).collect();
    literals.extend(
        ["18014398509481984", "18014398509481985", "-9007199254740993", "0.1", "0.30000000000000000001"]
            .map(String::from),
    );
    for _ in 0..400 {
        let digits: String =
            (0..1 + next(25)).map(|i| char::from(b'0' + (next(9) + u64::from(i == 0)) as u8)).collect();
        let sign = if next(4) == 0 { "-" } else { "" };
        let literal = match next(3) {
            0 => format!("{sign}{digits}"),
            1 => {
                let point = 1 + next(digits.len() as u64) as usize;
                format!("{sign}{}.{}0", &digits[..point], &digits[point..])
            }
            _ => format!("{sign}{}.{}e{}", &digits[..1], &digits[1..], next(60) as i64 - 30),
        };
        literals.push(literal.replace(".e", "e").replace(".0e", "e"));
    }
    let fields: Vec<String> = literals.iter().enumerate().map(|(i, literal)| format!("\"{i}\": {literal}")).collect();
    let profile = format!(
        r#"{{"loader": {{"license": "g1vfb1b"}}, "login": {{"user_id": "u-7f3a", "user_name": "x", "custom_fields_ext": {{{}}}}}}}"#,
        fields.join(", ")
    );
    let (_, diagnostics) = lint_json("p.ssq.json", &profile);
    let refused: Vec<String> = diagnostics
        .iter()
        .filter(|d| d["code"] == "SSQ214")
        .map(|d| d["field"].as_str().unwrap().rsplit('.').next().unwrap().to_string())
        .collect();
    assert!(diagnostics.iter().all(|d| d["code"] == "SSQ214"), "{}", said(&diagnostics));

    let judge = "import sys\nfrom decimal import Decimal\nfor i, literal in enumerate(sys.stdin.read().split()):\n    if Decimal(literal) != Decimal(repr(float(literal))):\n        print(i)\n";
    let output = std::process::Command::new("python3")
        .args(["-c", judge])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(literals.join("\n").as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(output.status.success());
    let rounded: Vec<String> = String::from_utf8(output.stdout).unwrap().lines().map(String::from).collect();
    assert!(rounded.len() > 50 && rounded.len() < literals.len() - 50, "the corpus has both kinds: {}", rounded.len());
    let named = |ids: &[String]| {
        ids.iter().map(|i| format!("{i}: {}", literals[i.parse::<usize>().unwrap()])).collect::<Vec<_>>()
    };
    assert_eq!(named(&refused), named(&rounded));

    // TOML integers are 64-bit, and a parser must refuse a larger one rather than round it.
    let profile = format!(
        "{LICENSE}[login]\nuser_id = \"u-7f3a\"\nuser_name = \"x\"\ncustom_fields_ext = {{ \"1\" = 99999999999999999999 }}\n"
    );
    let (status, diagnostics) = lint_json("p.ssq.toml", &profile);
    assert_eq!((status, diagnostics.len()), (Some(1), 1), "{}", said(&diagnostics));
    assert_eq!(diagnostics[0]["code"], "SSQ001");
    assert!(said(&diagnostics).contains("integer out of range"), "{}", said(&diagnostics));
    assert_eq!((diagnostics[0]["line"].as_u64(), diagnostics[0]["column"].as_u64()), (Some(6), Some(29)));
}

fn messages_name_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let profile = temp_profile("p.ssq.toml", LICENSE);
    let missing = dir.path().join("nodir").join("x.html");
    let output = ssq_gen().arg("snippet").arg(&profile.path).arg("-o").arg(&missing).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("does not exist: create it first") && stderr.contains("nodir"), "{stderr}");

    let output = ssq_gen().arg("init").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is a folder: name the profile to write in it"));
    let output = ssq_gen().args(["init", "--force"]).arg(dir.path()).output().unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("is a folder"), "--force does not change that");

    let output = ssq_gen().arg("snippet").arg(&profile.path).arg("--check").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("it is a folder; name the file the block was written to"));
}

/// `init`'s starter points editors at the schema first, and tags no visitor with example labels.
fn the_starter_has_the_schema_line_and_no_live_examples() {
    let output = ssq_gen().args(["init", "-"]).output().unwrap();
    let starter = String::from_utf8(output.stdout).unwrap();
    assert_eq!(starter.lines().next(), Some("#:schema ./ssq-gen.schema.json"));
    for key in ["label_names", "description"] {
        let line = starter.lines().find(|line| line.contains(&format!("{key} ="))).unwrap();
        assert!(line.starts_with("# "), "{key} is written live: {line}");
    }
}

/// `--glob '!x'` leaves files out, as in ripgrep; hidden folders are walked with `--hidden`, and a
/// run that found profiles only there says so.
fn globs_negate_and_hidden_folders_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("site/a.ssq.toml", LICENSE);
    write("site/bad.ssq.toml", "[loader]\nlicense = \"g1\"\n");
    let lint = |args: &[&str]| ssq_gen().current_dir(dir.path()).arg("lint").args(args).output().unwrap();
    let output = lint(&["--glob", "!bad.ssq.toml", "site"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stdout).contains("checked 1 profile"));

    write("hidden/.config/chat.ssq.toml", LICENSE);
    let output = lint(&["hidden"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("1 profile in hidden files or folders were skipped: pass --hidden"), "{stderr}");
    let output = lint(&["--hidden", "hidden"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("checked 1 profile"));
}

/// The caret marks the character at fault, not the whole value, where the value is written plainly.
fn carets_mark_the_character_at_fault() {
    let login =
        format!("{LICENSE}[login]\nuser_id = \"b58e64cfxs2ym\"\nuser_name = \"x\"\nemail = \"zoe,x@example.com\"\n");
    let (_, diagnostics) = lint_json("p.ssq.toml", &login);
    assert_eq!(diagnostics[0]["code"], "SSQ208");
    assert!(said(&diagnostics).contains("(`,` at character 4)"), "{}", said(&diagnostics));
    assert_eq!((&diagnostics[0]["column"], &diagnostics[0]["end_column"]), (&Value::from(13), &Value::from(14)));
    let selector = format!("{LICENSE}[triggers]\nopen_on_click = [\"a:hovr\"]\n");
    let (_, diagnostics) = lint_json("p.ssq.toml", &selector);
    assert_eq!(diagnostics[0]["code"], "SSQ301");
    assert_eq!(diagnostics[0]["column"], 21, "at character 3, as the message says: {}", said(&diagnostics));
}

/// `lint -L` reports a link loop against the link, as SSQ000, in words.
fn a_link_loop_is_reported_against_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    std::fs::write(dir.path().join("site/a.ssq.toml"), LICENSE).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("site/up")).unwrap();
    let output = ssq_gen().current_dir(dir.path()).args(["lint", "-L", "--format", "json", "site"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let unreadable: Vec<&Value> =
        report["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "SSQ000").collect();
    assert_eq!(unreadable.len(), 1, "{report:#}");
    assert_eq!(unreadable[0]["file"], "site/up");
    let message = unreadable[0]["message"].as_str().unwrap();
    assert!(message.contains("a symbolic link loop") && !message.contains("IO error"), "{message}");
}

tests! {
    line_endings_do_not_change_the_block,
    empty_values_and_language_reasons_in_our_words,
    names_and_wording_a_person_recognizes,
    settings_with_no_effect_warn,
    every_bad_element_is_reported_in_one_run,
    custom_field_numbers_agree_with_javascripts_doubles ["python3"],
    messages_name_the_path,
    the_starter_has_the_schema_line_and_no_live_examples,
    globs_negate_and_hidden_folders_are_named,
    carets_mark_the_character_at_fault,
    a_link_loop_is_reported_against_the_link,
}
