//! Every rule, fired by a profile written to trip it, with its code, position and exit status.

use crate::support::*;
use std::collections::BTreeSet;

const LOADER: &str = "[loader]\nlicense = \"g1vfb1b\"\n";
/// LOADER, then a [login] whose fourth line (line 6 of the file) is the key under test.
const LOGIN: &str = "[loader]\nlicense = \"g1vfb1b\"\n[login]\nuser_id = \"b58e64cfxs2ym\"\nuser_name = \"x\"\n";

struct Case {
    name: &'static str,
    file: &'static str,
    text: Vec<u8>,
    code: &'static str,
    /// `line:column` of the finding, or `line:` where only the line is certain (syntax errors).
    at: &'static str,
    /// A piece of the message or help that must be there.
    says: &'static str,
}

fn case(
    name: &'static str,
    text: impl Into<Vec<u8>>,
    code: &'static str,
    at: &'static str,
    says: &'static str,
) -> Case {
    Case { name, file: "p.toml", text: text.into(), code, at, says }
}

fn json(mut c: Case) -> Case {
    c.file = "p.json";
    c
}

fn cases() -> Vec<Case> {
    let login = |line: &str| format!("{LOGIN}{line}\n");
    vec![
        case("toml syntax", "[loader\n", "SSQ001", "1:", "invalid TOML"),
        json(case(
            "json syntax",
            "{\"loader\": {\"license\": \"g1vfb1b\",}}",
            "SSQ001",
            "1:",
            "invalid JSON: trailing comma",
        )),
        case("not utf-8", b"[loader]\nlicense = \"g1\xff\"\n".to_vec(), "SSQ002", "2:14", "not UTF-8"),
        case("too large", vec![b' '; 1024 * 1024 + 1], "SSQ003", "1:1", "larger than"),
        case("wrong type", format!("{LOADER}[widget]\nhide_icon = \"yes\"\n"), "SSQ004", "4:13", "must be a boolean"),
        json(case(
            "wrong type in a list",
            r#"{"loader": {"license": "g1vfb1b"}, "login": {"user_id": "a1", "user_name": "b", "label_names": ["x", 2]}}"#,
            "SSQ004",
            "1:102",
            "login.label_names[1]",
        )),
        case("unknown key", login("user_nmae = \"y\""), "SSQ005", "6:1", "did you mean `user_name`?"),
        case(
            "unknown section",
            format!("{LOADER}[widgets]\nhide_icon = true\n"),
            "SSQ005",
            "3:2",
            "did you mean `widget`?",
        ),
        case(
            "unknown action",
            format!("{LOADER}[events]\non_unread = \"datalyer\"\n"),
            "SSQ006",
            "4:13",
            "did you mean `datalayer`?",
        ),
        case(
            "unknown event",
            format!("{LOADER}[events]\non_unred = \"console\"\n"),
            "SSQ005",
            "4:1",
            "did you mean `on_unread`?",
        ),
        json(case(
            "duplicate key",
            r#"{"loader": {"license": "g1vfb1b", "license": "abcd"}}"#,
            "SSQ007",
            "1:35",
            "defined more than once",
        )),
        case("control character", login("description = \"ok\\u0007\""), "SSQ008", "6:15", "U+0007"),
        case(
            "open on interaction",
            format!("{LOADER}load = \"interaction\"\n[widget]\nopen_on_load = true\n"),
            "SSQ105",
            "5:16",
            "first keypress",
        ),
        case("placeholder left in", login("email = \"visitor@example.com\""), "SSQ009", "6:9", "still the example"),
        case("both loaders", format!("{LOADER}script_url = \"{SCRIPT_URL}\"\n"), "SSQ101", "2:1", "both"),
        case("no loader key", "[loader]\n", "SSQ101", "1:2", "neither"),
        case("no loader section", "[widget]\nhide_icon = true\n", "SSQ101", "1:1", "no `[loader]`"),
        case(
            "http script url",
            "[loader]\nscript_url = \"http://plugin-code.salesmartly.com/js/project_1_2_3.js\"\n",
            "SSQ102",
            "2:14",
            "https",
        ),
        case("bad license", "[loader]\nlicense = \"g1\"\n", "SSQ103", "2:11", "4–32"),
        case(
            "foreign script url",
            "[loader]\nscript_url = \"https://cdn.example.com/chat.js\"\n",
            "SSQ104",
            "2:14",
            "not a SaleSmartly project script",
        ),
        case(
            "missing user_name",
            format!("{LOADER}[login]\nuser_id = \"b58e64cfxs2ym\"\n"),
            "SSQ201",
            "3:2",
            "no `user_name`",
        ),
        case(
            "blank user_id",
            format!("{LOADER}[login]\nuser_id = \"  \"\nuser_name = \"x\"\n"),
            "SSQ201",
            "4:11",
            "blank",
        ),
        case("malformed language", login("language = \"english please\""), "SSQ202", "6:12", "not a BCP 47"),
        case("unsupported language", login("language = \"sw-KE\""), "SSQ203", "6:12", "English"),
        case("language case", login("language = \"zh-cn\""), "SSQ203", "6:12", "`zh-CN`"),
        case("phone letters", login("phone = \"+1-800-FLOWERS\""), "SSQ204", "6:9", "letters"),
        case(
            "invalid phone",
            login("phone = \"+86 159 2014 12345678\""),
            "SSQ204",
            "6:9",
            "not a valid number for +86",
        ),
        case("national phone", login("phone = \"020 7946 0958\""), "SSQ205", "6:9", "no country calling code"),
        case(
            "phone without plus",
            login("phone = \"8615920141234\""),
            "SSQ206",
            "6:9",
            "+8615920141234, a number of +86 (CN)",
        ),
        case(
            "unknown region",
            login("phone = \"020 7946 0958\"\nphone_region = \"UK\""),
            "SSQ207",
            "7:16",
            "`GB` (not `UK`)",
        ),
        case("invalid email", login("email = \"not-an-email\""), "SSQ208", "6:9", "no `@`"),
        case("dotless email", login("email = \"test@test\""), "SSQ209", "6:9", "without a dot"),
        case(
            "user_id is an email",
            format!("{LOADER}[login]\nuser_id = \"jane@example.com\"\nuser_name = \"x\"\n"),
            "SSQ210",
            "4:11",
            "email address",
        ),
        case(
            "user_id is digits",
            format!("{LOADER}[login]\nuser_id = \"1234567\"\nuser_name = \"x\"\n"),
            "SSQ210",
            "4:11",
            "numeric",
        ),
        case("blank label", login("label_names = [\"vip\", \" \"]"), "SSQ211", "6:23", "blank"),
        case("duplicate label", login("label_names = [\"vip\", \"vip\"]"), "SSQ212", "6:23", "listed twice"),
        case(
            "a fixed visitor with from_page",
            format!("{LOADER}[login]\nfrom_page = true\nuser_name = \"Ann\"\n"),
            "SSQ213",
            "5:13",
            "would merge every visitor into one",
        ),
        case(
            "blank custom-field option",
            login("custom_fields_ext = { \"10003\" = [\"shoes\", \"\"] }"),
            "SSQ214",
            "6:43",
            "`login.custom_fields_ext.10003[1]` is blank",
        ),
        json(case(
            "blank custom-field id",
            r#"{"loader": {"license": "g1vfb1b"}, "login": {"from_page": true, "custom_fields_ext": {" ": 1}}}"#,
            "SSQ214",
            "1:87",
            "blank custom-field id",
        )),
        json(case(
            "control character in a custom-field id",
            r#"{"loader": {"license": "g1vfb1b"}, "login": {"from_page": true, "custom_fields_ext": {"a\u0007": 1}}}"#,
            "SSQ008",
            "1:87",
            "custom-field id in `login.custom_fields_ext` contains the control character U+0007",
        )),
        json(case(
            "duplicate custom-field id",
            r#"{"loader": {"license": "g1vfb1b"}, "login": {"from_page": true, "custom_fields_ext": {"7": 1, "7": 2}}}"#,
            "SSQ007",
            "1:95",
            "`login.custom_fields_ext.7` is defined more than once",
        )),
        case(
            "bad selector",
            format!("{LOADER}[widget]\nhide_icon = true\n[launcher]\nopen_selector = \"#help-btn >\"\n"),
            "SSQ301",
            "6:17",
            "at character 12",
        ),
        case(
            "bad selector in a list",
            format!("{LOADER}[triggers]\nopen_on_click = [\".ok\", \"a:hovr\"]\n"),
            "SSQ301",
            "4:25",
            "unknown pseudo-class `:hovr`",
        ),
        case(
            "launcher with the vendor icon",
            format!("{LOADER}[launcher]\nopen_selector = \"#help-btn\"\n"),
            "SSQ302",
            "3:2",
            "two chat buttons",
        ),
    ]
}

fn every_rule_fires_where_it_should() {
    let mut failures = Vec::new();
    for case in cases() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(case.file);
        std::fs::write(&path, &case.text).unwrap();
        let output = ssq_gen().arg("snippet").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let rule = ssq_gen::diagnostics::registry::RULES.iter().find(|r| r.code == case.code).expect("a known code");
        let (tag, status) = match rule.severity {
            ssq_gen::diagnostics::Severity::Error => ("error", 1),
            ssq_gen::diagnostics::Severity::Warning => ("warning", 0),
        };
        let location = format!("--> {}:{}", path.display(), case.at);
        let ok = stderr.contains(&format!("{tag}[{}]", case.code))
            && stderr.contains(&location)
            && stderr.contains(case.says)
            && output.status.code() == Some(status)
            && output.stdout.is_empty() == (status != 0);
        if !ok {
            failures
                .push(format!("{} (want {tag}[{}] at {}, exit {status}):\n{stderr}", case.name, case.code, case.at));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn the_table_covers_every_rule() {
    // SSQ000 (unreadable) comes from `lint`, and tests/cli/lint.rs covers it.
    let tested: BTreeSet<_> = cases().iter().map(|c| c.code).chain(["SSQ000"]).collect();
    let all: BTreeSet<_> = ssq_gen::diagnostics::registry::RULES.iter().map(|r| r.code).collect();
    assert_eq!(tested, all);
}

fn a_profile_with_many_findings_reports_them_all_in_source_order() {
    let text = format!(
        "{LOADER}[login]\nuser_nmae = \"y\"\nuser_id = \"a@b.com\"\nphone = \"+1-800-FLOWERS\"\nemail = \"x\"\n"
    );
    let profile = temp_profile("p.toml", &text);
    let output = ssq_gen().arg("snippet").arg(&profile.path).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let order: Vec<_> = ["SSQ005", "SSQ210", "SSQ204", "SSQ208"].iter().map(|c| stderr.find(c)).collect();
    assert!(order.iter().all(Option::is_some), "{stderr}");
    assert!(!stderr.contains("SSQ201"), "the typo `user_nmae` stands for the missing `user_name`:\n{stderr}");
    assert!(order.windows(2).all(|w| w[0] < w[1]), "not in source order:\n{stderr}");
}

tests! {
    every_rule_fires_where_it_should,
    the_table_covers_every_rule,
    a_profile_with_many_findings_reports_them_all_in_source_order,
}
