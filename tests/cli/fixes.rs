//! What CI users control: ignoring warnings (`--ignore`, `[lint] ignore`), `ssq-gen rules CODE`, and
//! `lint --fix` / `--diff` / `--unsafe-fixes`, through the real binary.

use crate::support::*;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;

/// A self-hosted script: SSQ104 warns forever.
const SELF_HOSTED: &str = "[loader]\nscript_url = \"https://cdn.shop.example/salesmartly.js\"\n";

fn lint(args: &[&str], profile: &TempProfile) -> std::process::Output {
    ssq_gen().arg("lint").args(args).arg(&profile.path).output().unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn ignored_warnings_neither_show_nor_fail_the_run() {
    let profile = temp_profile("shop.ssq.toml", SELF_HOSTED);
    let denied = lint(&["--deny-warnings"], &profile);
    assert_eq!(denied.status.code(), Some(1));
    assert!(stdout(&denied).contains("warning[SSQ104]"), "{}", stdout(&denied));

    for args in [&["--deny-warnings", "--ignore", "SSQ104"][..], &["--deny-warnings", "--ignore=SSQ203,SSQ104"]] {
        let ignored = lint(args, &profile);
        assert_eq!(ignored.status.code(), Some(0), "{args:?}: {}", stdout(&ignored));
        assert!(!stdout(&ignored).contains("SSQ104"), "{}", stdout(&ignored));
        assert!(stdout(&ignored).contains("0 errors, 0 warnings"), "{}", stdout(&ignored));
    }

    // The same, from the profile; `[lint]` does not reach the page.
    let text = format!("{SELF_HOSTED}[lint]\nignore = [\"SSQ104\"]\n");
    let profile = temp_profile("shop.ssq.toml", &text);
    let output = lint(&["--deny-warnings", "--format", "json"], &profile);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    let snippet = ssq_gen().arg("snippet").arg(&profile.path).arg("--deny-warnings").output().unwrap();
    assert!(snippet.status.success(), "{}", stderr(&snippet));
    let block = stdout(&snippet);
    assert!(block.contains("cdn.shop.example") && !block.contains("SSQ104") && !block.contains("ignore"), "{block}");
    assert_eq!(stderr(&snippet), "", "an ignored warning is not mentioned either");
}

fn errors_cannot_be_ignored_and_unknown_codes_get_a_did_you_mean() {
    let profile = temp_profile("p.ssq.toml", "[loader]\nlicense = \"g1\"\n");
    for (args, says) in [
        (&["--ignore", "SSQ103"][..], "SSQ103 (license) is an error, and errors cannot be ignored"),
        (&["--ignore", "SQ104"], "--ignore SQ104: not a rule ssq-gen has: did you mean `SSQ104`?"),
        // A did-you-mean offers only what --ignore takes: SSQ2O4 is close to an error.
        (&["--ignore", "SSQ2O4"], "SSQ204 (phone) is close, but it is an error, and errors cannot be ignored"),
        (&["--ignore", "script-url-shap"], "did you mean `script-url-shape`?"),
    ] {
        let output = lint(args, &profile);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains(says), "{args:?}: {}", stderr(&output));
        assert_eq!(stdout(&output), "", "a usage error lints nothing");
    }
    // A code in any case, its number, or the rule's name: the same rule.
    let self_hosted = temp_profile("p.ssq.toml", SELF_HOSTED);
    for ignore in ["SSQ104", "ssq104", "104", "script-url-shape", "Script-URL-Shape"] {
        let output = lint(&["--ignore", ignore, "--deny-warnings"], &self_hosted);
        assert_eq!(output.status.code(), Some(0), "--ignore {ignore}: {}", stderr(&output));
        ssq_gen()
            .args(["rules", ignore])
            .assert()
            .code(0)
            .stdout(predicate::str::starts_with("SSQ104 script-url-shape"));
    }
    ssq_gen()
        .args(["snippet", "--ignore", "SSQ204"])
        .arg(&profile.path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("errors cannot be ignored"));

    // In the profile: each bad entry is an error at its place, and the good ones still apply.
    let text = format!("{SELF_HOSTED}[lint]\nignore = [\"SSQ204\", \"SSQ104\", \"SSQ99\"]\n");
    let profile = temp_profile("p.ssq.toml", &text);
    let output = lint(&["--format", "json"], &profile);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<_> =
        report["diagnostics"].as_array().unwrap().iter().map(|d| (d["code"].clone(), d["field"].clone())).collect();
    assert_eq!(
        found,
        [
            (Value::from("SSQ006"), Value::from("lint.ignore[0]")),
            (Value::from("SSQ006"), Value::from("lint.ignore[2]"))
        ]
    );
    assert!(report["diagnostics"][0]["help"].as_str().unwrap().contains("errors cannot be ignored"));
}

/// `rules CODE` for a person, and every rule's examples from `rules --format json`: the files of
/// the one set of rule examples (src/diagnostics/examples/), which tests/cli/rules_table.rs runs.
fn rules_explains_a_rule_and_its_examples_hold() {
    let text = ssq_gen().args(["rules", "SSQ104"]).output().unwrap();
    let text = stdout(&text);
    for part in [
        "SSQ104 script-url-shape (warning)",
        "Why: ",
        "How to fix it: ",
        "Fails (toml):\n    [loader]\n",
        "Passes (toml):",
        "Can it be ignored? yes",
    ] {
        assert!(text.contains(part), "{part:?} in:\n{text}");
    }
    let text = stdout(&ssq_gen().args(["rules", "SSQ204"]).output().unwrap());
    assert!(text.contains("Can it be ignored? no"), "{text}");
    ssq_gen().args(["rules", "SSQ2O4"]).assert().code(2).stderr(predicate::str::contains("did you mean `SSQ204`?"));

    let table: Value =
        serde_json::from_slice(&ssq_gen().args(["rules", "--format", "json"]).output().unwrap().stdout).unwrap();
    let rules = table.as_array().unwrap();
    assert_eq!(rules.len(), ssq_gen::diagnostics::registry::RULES.len());
    let examples_folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diagnostics/examples");
    let is_its_file = |example: &Value| {
        let text = fs::read_to_string(examples_folder.join(example["file"].as_str().unwrap())).unwrap();
        example["text"] == text.as_str()
            && example["file"].as_str().unwrap().ends_with(example["format"].as_str().unwrap())
    };
    let mut examples = 0;
    for rule in rules {
        let code = rule["code"].as_str().unwrap();
        assert_eq!(rule["ignorable"], rule["severity"] == "warning", "{code}");
        if rule["fails"].is_null() {
            assert!(rule["example"].is_string(), "{code} has neither examples nor a description");
            continue;
        }
        examples += 1;
        assert!(is_its_file(&rule["fails"]) && is_its_file(&rule["passes"]), "{code}: {rule:#}");
    }
    assert!(examples >= 30, "{examples} rules with examples");
}

/// A profile with a comment on nearly every line, and one of each fix.
const MESSY: &str = "# the shop's chat
[loader]
license = \"g1vfb1b\"   # from the dashboard
hide_icon = true      # oops, belongs in [widget]

[login]
user_id = \"b58e64cfxs2ym\"
usr_name = \"Zo\u{eb} \u{1f600}\"  # typo
language = 'en_us'    # single quotes stay
phone = \"020 7946 0958\"
phone_region = \"gb\"
label_names = [
  \"vip\",  # first
  \"trial\",
  \"vip\",
]

[launcher]
open_selector = \"#help\"
";

/// `MESSY` after the safe fixes: only the fixed bytes differ.
fn safe_fixed() -> String {
    let text = MESSY.replace("'en_us'", "'en-US'").replace("\"gb\"", "\"GB\"");
    text.replace("  \"trial\",\n  \"vip\",\n", "  \"trial\",\n")
}

/// And after the unsafe ones: the key renamed, the misplaced key moved with its comment.
fn all_fixed() -> String {
    let moved = "hide_icon = true      # oops, belongs in [widget]\n";
    let text = safe_fixed().replace("usr_name", "user_name").replace(moved, "");
    format!("{text}\n[widget]\n{moved}")
}

fn fix_edits_only_the_bytes_it_fixes() {
    let profile = temp_profile("shop.ssq.toml", MESSY);
    let output = lint(&["--fix"], &profile);
    assert_eq!(fs::read_to_string(&profile.path).unwrap(), safe_fixed());
    assert_eq!(output.status.code(), Some(1), "the unsafe findings remain: {}", stdout(&output));
    assert!(
        stdout(&output).contains("checked 1 profile: fixed 3, 2 remaining (2 errors, 0 warnings)"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("fixable with `ssq-gen lint --fix --unsafe-fixes`: rename the key to `user_name`")
    );

    let output = lint(&["--fix", "--unsafe-fixes"], &profile);
    assert_eq!(fs::read_to_string(&profile.path).unwrap(), all_fixed());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("fixed 2, 0 remaining"), "{}", stdout(&output));
    // What is left renders, and a second --fix has nothing to do.
    ssq_gen().arg("snippet").arg(&profile.path).assert().success();
    let again = lint(&["--fix", "--unsafe-fixes"], &profile);
    assert!(stdout(&again).contains("checked 1 profile: 0 errors, 0 warnings"), "{}", stdout(&again));
    assert_eq!(fs::read_to_string(&profile.path).unwrap(), all_fixed());
}

fn fix_in_json_keeps_the_layout() {
    let text = "{\n  \"$schema\": \"./nowhere.schema.json\",\n  \"loader\": {\"license\": \"g1vfb1b\", \"hide_icon\": true},\n  \"widget\": {\n    \"open_on_load\": false\n  },\n  \"login\": {\"user_id\": \"b58e64cfxs2ym\", \"user_nme\": \"x\", \"language\": \"zh-cn\", \"label_names\": [\"a\", \"a\"]}\n}\n";
    let expected = "{\n  \"$schema\": \"./nowhere.schema.json\",\n  \"loader\": {\"license\": \"g1vfb1b\"},\n  \"widget\": {\n    \"hide_icon\": true,\n    \"open_on_load\": false\n  },\n  \"login\": {\"user_id\": \"b58e64cfxs2ym\", \"user_name\": \"x\", \"language\": \"zh-CN\", \"label_names\": [\"a\"]}\n}\n";
    let profile = temp_profile("shop.ssq.json", text);
    let output = lint(&["--fix", "--unsafe-fixes"], &profile);
    assert_eq!(fs::read_to_string(&profile.path).unwrap(), expected);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    serde_json::from_str::<Value>(expected).unwrap();
}

fn diff_shows_the_fixes_and_writes_nothing() {
    let profile = temp_profile("shop.ssq.toml", MESSY);
    let output = lint(&["--diff"], &profile);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&profile.path).unwrap(), MESSY, "--diff writes nothing");
    let diff = stdout(&output);
    let name = profile.path.display().to_string();
    assert!(diff.starts_with(&format!("--- {name}\n+++ {name}\n@@ ")), "{diff}");
    for line in [
        "-language = 'en_us'    # single quotes stay",
        "+language = 'en-US'    # single quotes stay",
        "-  \"vip\",\n ]",
    ] {
        assert!(diff.contains(line), "{line:?} in:\n{diff}");
    }
    assert!(!diff.contains("user_name"), "unsafe fixes only with --unsafe-fixes:\n{diff}");
    assert!(stderr(&output).contains("3 fixes to apply in 1 profile"), "{}", stderr(&output));

    // Applying the diff with patch(1) gives what --fix writes.
    let patched = profile.dir.path().join("patched.toml");
    fs::write(&patched, MESSY).unwrap();
    let mut patch = std::process::Command::new("patch")
        .arg(&patched)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(patch.stdin.as_mut().unwrap(), diff.as_bytes()).unwrap();
    assert!(patch.wait().unwrap().success());
    assert_eq!(fs::read_to_string(&patched).unwrap(), safe_fixed());

    let clean = temp_profile("clean.ssq.toml", "[loader]\nlicense = \"g1vfb1b\"\n");
    let output = lint(&["--diff"], &clean);
    assert_eq!((output.status.code(), stdout(&output)), (Some(0), String::new()));

    ssq_gen()
        .args(["lint", "--fix", "-"])
        .write_stdin(MESSY)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use --diff"));
    ssq_gen()
        .args(["lint", "--diff", "-"])
        .write_stdin(MESSY)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+phone_region = \"GB\""));
    ssq_gen().args(["lint", "--unsafe-fixes"]).arg(&clean.path).assert().code(2);
}

/// A file another program saves while `--fix` works on it keeps what that program wrote.
fn a_file_changed_during_the_run_is_not_written() {
    let profile = temp_profile("shop.ssq.toml", MESSY);
    let child = std::process::Command::new(crate::support::binary())
        .args(["lint", "--fix"])
        .arg(&profile.path)
        // Test builds wait this long with the fixed file written aside, before the rename.
        .env("SSQ_GEN_TEST_HOLD_MS", "1500")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let theirs = format!("{MESSY}# saved by the editor\n");
    fs::write(&profile.path, &theirs).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(fs::read_to_string(&profile.path).unwrap(), theirs);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("changed on disk"), "{}", stderr(&output));
    let leftovers: Vec<_> =
        fs::read_dir(profile.dir.path()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left: {leftovers:?}");
}

/// Every format says what is fixable; the JSON edits, applied by this test's own code, give what
/// `--fix` writes.
fn every_format_says_what_is_fixable() {
    let profile = temp_profile("shop.ssq.toml", MESSY);
    let report: Value = serde_json::from_slice(&lint(&["--format", "json"], &profile).stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let fixes: Vec<&Value> = diagnostics.iter().map(|d| &d["fix"]).filter(|f| !f.is_null()).collect();
    assert_eq!(fixes.len(), 5, "{report:#}");
    let lines: Vec<&str> = MESSY.split_inclusive('\n').collect();
    // Line and column (1-based, in characters, end exclusive) to a byte offset.
    let offset = |line: &Value, column: &Value| -> usize {
        let (line, column) = (line.as_u64().unwrap() as usize, column.as_u64().unwrap() as usize);
        let before: usize = lines[..line - 1].iter().map(|l| l.len()).sum();
        before + lines.get(line - 1).map_or(0, |l| l.chars().take(column - 1).map(char::len_utf8).sum())
    };
    let mut edits: Vec<(usize, usize, String)> = fixes
        .iter()
        .filter(|fix| fix["applicability"] == "safe")
        .flat_map(|fix| fix["edits"].as_array().unwrap())
        .map(|e| {
            (
                offset(&e["line"], &e["column"]),
                offset(&e["end_line"], &e["end_column"]),
                e["content"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort();
    let mut text = MESSY.to_string();
    for (start, end, content) in edits.into_iter().rev() {
        text.replace_range(start..end, &content);
    }
    assert_eq!(text, safe_fixed());

    let sarif: Value = serde_json::from_slice(&lint(&["--format", "sarif"], &profile).stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let with_fixes: Vec<_> = results.iter().filter(|r| r["fixes"].is_array()).collect();
    assert_eq!(with_fixes.len(), 5);
    let replacement = &with_fixes[0]["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert!(replacement["deletedRegion"]["startLine"].is_u64() && replacement["insertedContent"]["text"].is_string());

    let github = stdout(&lint(&["--format", "github"], &profile));
    assert_eq!(github.matches("fixable with `ssq-gen lint --fix").count(), 5, "{github}");
}

/// In JSON a misplaced key's finding speaks JSON, and its fix moves the key even when the object it
/// belongs in is not there yet.
fn a_misplaced_json_key_moves_into_a_new_object() {
    let profile = temp_profile("p.ssq.json", "{\"loader\": {\"license\": \"g1vfb1b\", \"open_on_load\": true}}\n");
    let output = lint(&[], &profile);
    assert!(stdout(&output).contains("help: move it to the `\"widget\"` object"), "{}", stdout(&output));
    let output = lint(&["--fix", "--unsafe-fixes"], &profile);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let fixed: Value = serde_json::from_str(&std::fs::read_to_string(&profile.path).unwrap()).unwrap();
    assert_eq!(fixed, serde_json::json!({"loader": {"license": "g1vfb1b"}, "widget": {"open_on_load": true}}));
}

tests! {
    a_misplaced_json_key_moves_into_a_new_object,
    ignored_warnings_neither_show_nor_fail_the_run,
    errors_cannot_be_ignored_and_unknown_codes_get_a_did_you_mean,
    rules_explains_a_rule_and_its_examples_hold,
    fix_edits_only_the_bytes_it_fixes,
    fix_in_json_keeps_the_layout,
    diff_shows_the_fixes_and_writes_nothing ["patch"],
    a_file_changed_during_the_run_is_not_written,
    every_format_says_what_is_fixable,
}
