//! `ssq-gen audit`: a corpus of hand-written installs (tests/fixtures/audit/, one file per
//! engine: HTML, PHP, Blade, Liquid, Twig, ERB, EJS, Handlebars, JSX, Vue, Svelte; each with the findings it must give, `LINE:COLUMN CODE`, in `NAME.expected`), read
//! in-process; the same corpus through the binary in all four formats; every block ssq-gen
//! writes, which must give nothing; and hostile files, which must never panic.

use crate::support::*;
use serde_json::Value;
use ssq_gen::input::source::Source;
use ssq_gen::snippet::form::Form;
use ssq_gen::snippet::{RenderOptions, render};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit")
}

fn pages() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_none_or(|ext| ext != "expected"))
        .collect();
    found.sort();
    found
}

/// Each audit code with a corpus page whose expected findings have it, first pages first.
pub fn cases() -> Vec<(String, PathBuf)> {
    let mut cases = Vec::new();
    for page in pages() {
        let name = page.file_name().unwrap().to_str().unwrap().to_string();
        let expected = std::fs::read_to_string(page.with_file_name(format!("{name}.expected"))).unwrap();
        for line in expected.lines() {
            cases.push((line.split(' ').nth(1).unwrap().to_string(), page.clone()));
        }
    }
    cases
}

/// `LINE:COLUMN CODE`, one line per finding, in source order.
fn findings(name: &str, bytes: Vec<u8>) -> String {
    let checked = ssq_gen::audit::audit(Source::from_bytes(name.to_string(), bytes, None));
    let lines: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| {
            let at = checked.source.position(d.span.start);
            format!("{}:{} {}\n", at.line, at.column, d.rule.code)
        })
        .collect();
    lines.concat()
}

fn the_corpus_gives_exactly_its_expected_findings() {
    let mut codes = std::collections::BTreeSet::new();
    for page in pages() {
        let name = page.file_name().unwrap().to_str().unwrap();
        let expected = std::fs::read_to_string(page.with_file_name(format!("{name}.expected"))).unwrap();
        assert_eq!(findings(name, std::fs::read(&page).unwrap()), expected, "{name}");
        codes.extend(expected.lines().map(|line| line.split(' ').nth(1).unwrap().to_string()));
    }
    // SSQ510 is `import`'s (tests/cli/import.rs).
    let all: Vec<String> = (501..=511).filter(|n| *n != 510).map(|n| format!("SSQ{n}")).collect();
    assert_eq!(codes.into_iter().collect::<Vec<_>>(), all, "every audit rule has a case");
}

fn every_format_reports_the_corpus() {
    let expected: usize = pages()
        .iter()
        .map(|page| {
            std::fs::read_to_string(
                page.with_extension(format!("{}.expected", page.extension().unwrap().to_str().unwrap())),
            )
            .unwrap()
            .lines()
            .count()
        })
        .sum();
    let run = |format: &str| ssq_gen().current_dir(corpus()).args(["audit", "--format", format]).output().unwrap();
    let json = run("json");
    assert_eq!(json.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), expected);
    let errors = diagnostics.iter().filter(|d| d["severity"] == "error").count();
    assert_eq!(report["summary"]["files"], pages().len());
    assert_eq!(report["summary"]["errors"], errors);

    let github = String::from_utf8(run("github").stdout).unwrap();
    assert_eq!(github.lines().filter(|line| line.starts_with("::error file=")).count(), errors, "{github}");
    assert_eq!(github.lines().filter(|line| line.starts_with("::warning file=")).count(), expected - errors);

    let sarif: Value = serde_json::from_slice(&run("sarif").stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), expected);

    let human = run("human");
    let said = String::from_utf8(human.stdout).unwrap();
    assert!(
        said.ends_with(&format!("checked {} files: {errors} errors, {} warnings\n", pages().len(), expected - errors)),
        "{said}"
    );
    assert!(said.contains("theme.liquid:8:49") && said.contains("ssq-gen login-data liquid"), "{said}");

    // --ignore takes a warning away; an error cannot be ignored; --deny-warnings fails on one.
    let ignored = ssq_gen()
        .current_dir(corpus())
        .args(["audit", "--format", "json", "--ignore", "SSQ501,SSQ509", "shop.html"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&ignored.stdout).unwrap();
    assert!(report["diagnostics"].as_array().unwrap().iter().all(|d| d["code"] != "SSQ501" && d["code"] != "SSQ509"));
    ssq_gen().current_dir(corpus()).args(["audit", "--ignore", "SSQ506", "."]).assert().code(2);
    let warnings_only = temp_profile(
        "only.html",
        "<script async src=\"https://plugin-code.salesmartly.com/js/project_1_2_3.js\"></script>\n<script src=\"https://plugin-code.salesmartly.com/js/project_1_2_3.js\" async></script>\n",
    );
    ssq_gen().arg("audit").arg(&warnings_only.path).assert().code(0);
    ssq_gen().args(["audit", "--deny-warnings"]).arg(&warnings_only.path).assert().code(1);
    // Nothing to read: exit 2, saying what was looked for.
    let empty = tempfile::tempdir().unwrap();
    let output = ssq_gen().arg("audit").arg(empty.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("*.liquid"));
}

/// ssq-gen's own blocks, in every form, for profiles that use every part: nothing to find.
fn the_blocks_ssq_gen_writes_give_nothing() {
    let loaders = [
        "[loader]\nlicense = \"g1vfb1b\"\n",
        "[loader]\nscript_url = \"https://plugin-code.salesmartly.com/js/project_1_2_3.js\"\n",
    ];
    let rest = [
        "",
        "[login]\nuser_id = \"u-1\"\nuser_name = \"Zoë\"\n[widget]\nhide_icon = true\n",
        "[login]\nfrom_page = true\n[triggers]\nsend_on_click = { \"#ask\" = \"Hi\" }\nopen_on_click = [\"#help\"]\n[events]\non_unread = \"datalayer\"\n",
        "[consent]\ncmp = \"event\"\n[pages]\nskip = [\"/checkout\"]\n[launcher]\npage_events = true\n",
    ];
    for loader in loaders {
        for more in rest {
            let text = format!("{loader}{more}");
            let checked = ssq_gen::check(Source::from_bytes("p.ssq.toml".into(), text.clone().into_bytes(), None));
            let valid = checked.profile.unwrap_or_else(|| panic!("{text}: {:?}", checked.diagnostics));
            for (form, name) in [
                (Form::Html, "chat.html"),
                (Form::Js, "chat.js"),
                (Form::Next, "chat.tsx"),
                (Form::WordPress, "chat.php"),
            ] {
                for logout in [false, true] {
                    let options =
                        RenderOptions { profile_name: "p.ssq.toml", form, logout, ..RenderOptions::default() };
                    let snippet = render(&valid, &options).unwrap();
                    assert_eq!(findings(name, snippet.text.into_bytes()), "", "{name} of\n{text}");
                }
            }
        }
    }
}

/// Binary, huge, deeply nested, unterminated and invalid input: read or skipped, never a panic.
fn hostile_files_never_panic() {
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("binary.js", (0..=255u8).cycle().take(70_000).collect()),
        ("invalid.html", b"<script>ssq.push([\"chatOpen\xff\"])</script>".to_vec()),
        ("huge.html", format!("<script>{}</script>", "ssq.push([\"chatOpen\"]);\n".repeat(60_000)).into_bytes()),
        ("deep.js", format!("ssq.push({}{});", "[".repeat(20_000), "]".repeat(20_000)).into_bytes()),
        ("open.html", b"<script>ssq.push([\"chatOpen\", \"unterminated".to_vec()),
        ("tag.liquid", b"<script>ssq.push([\"setLoginInfo\", { user_name: \"{{ customer.name".to_vec()),
        ("comment.php", b"<script>/* ssq.push([\"hide\"]) <?php echo $x".to_vec()),
        (
            "attrs.html",
            b"<button onclick=ssq.push([\"chatOpen\"]) onclick=\"x\" @click='ssq.push([\"hide\"])'".to_vec(),
        ),
        ("empty.vue", Vec::new()),
        // Nesting without brackets: unary operators, a long chain.
        ("unary.js", format!("x = {}1; ssq.push([\"hide\"]);", "!".repeat(200_000)).into_bytes()),
        ("chain.js", format!("x = 1{}; ssq.push([\"hide\"]);", "+a".repeat(100_000)).into_bytes()),
    ];
    cases.push(("bom.html", [&[0xef, 0xbb, 0xbf][..], b"<script>ssq.push([\"set\"])</script>"].concat()));
    for (name, bytes) in cases {
        let result = std::panic::catch_unwind(|| findings(name, bytes.clone()));
        let found = result.unwrap_or_else(|_| panic!("{name} panicked"));
        // What could not be read says so, with why, instead of passing in silence.
        if matches!(name, "binary.js" | "invalid.html" | "huge.html" | "deep.js") {
            assert!(found.contains("SSQ511"), "{name}: {found}");
        }
    }
    // Through the binary, a folder of them: findings or nothing, exit 0 or 1, never 101.
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("a.js"), (0..=255u8).cycle().take(5000).collect::<Vec<u8>>()).unwrap();
    std::fs::write(folder.path().join("b.html"), "<script>ssq.push([\"hide\"])").unwrap();
    let output = ssq_gen().arg("audit").arg(folder.path()).output().unwrap();
    assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
}

tests! {
    the_corpus_gives_exactly_its_expected_findings,
    every_format_reports_the_corpus,
    the_blocks_ssq_gen_writes_give_nothing,
    hostile_files_never_panic,
}
