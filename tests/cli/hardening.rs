//! Hostile file systems, closed pipes, interruptions and the everyday slips a new user makes: each
//! test fails without the behaviour it names.

use crate::support::*;
use predicates::prelude::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const GOOD: &str = "[loader]\nlicense = \"k7tq2mz\"\n";
const WARN: &str =
    "[loader]\nlicense = \"k7tq2mz\"\n[login]\nuser_id = \"x1\"\nuser_name = \"n\"\nemail = \"a@localhost\"\n";

/// Runs `command` to its end, or kills it after `limit` and fails: a hang is a bug here.
fn finishes_within(mut command: Command, limit: Duration) -> std::process::Output {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn bin() -> Command {
    Command::new(crate::support::binary())
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

fn output_into_a_device_writes_into_it_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    let profile = temp_profile("p.toml", GOOD);
    ssq_gen().arg("snippet").arg(&profile.path).args(["-o", "/dev/null"]).assert().code(0);
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

#[cfg(unix)]
fn output_into_a_fifo_reaches_its_reader() {
    use std::os::unix::fs::FileTypeExt;
    let profile = temp_profile("p.toml", GOOD);
    let fifo = profile.dir.path().join("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    ssq_gen().arg("snippet").arg(&profile.path).arg("-o").arg(&fifo).assert().code(0);
    assert!(reader.join().unwrap().contains("<script>"), "the reader got the snippet");
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
}

fn dash_is_standard_output_and_the_profile_is_never_overwritten() {
    let profile = temp_profile("p.toml", GOOD);
    ssq_gen()
        .current_dir(profile.dir.path())
        .args(["snippet", "p.toml", "-o", "-"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("<script>"));
    assert!(!profile.dir.path().join("-").exists());
    ssq_gen()
        .current_dir(profile.dir.path())
        .args(["snippet", "p.toml", "-o", "./p.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is the profile itself"));
    assert_eq!(fs::read_to_string(&profile.path).unwrap(), GOOD);
}

#[cfg(unix)]
fn links_found_while_walking_are_not_followed_unless_asked() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.ssq.toml");
    fs::write(&secret, "[loader]\nlicense = \"TOPSECRETTOKEN!\"\n").unwrap();
    let repo = tempfile::tempdir().unwrap();
    fs::write(repo.path().join("a.ssq.toml"), GOOD).unwrap();
    std::os::unix::fs::symlink(&secret, repo.path().join("leak.ssq.toml")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", repo.path().join("env.ssq.toml")).unwrap();
    let fifo = outside.path().join("pipe");
    mkfifo(&fifo);
    std::os::unix::fs::symlink(&fifo, repo.path().join("hang.ssq.toml")).unwrap();
    mkfifo(&repo.path().join("fifo.ssq.toml"));

    let mut lint = bin();
    lint.current_dir(repo.path()).args(["lint", "--format", "json", "."]).env("SSQ_CANARY", "CANARYVALUE");
    let output = finishes_within(lint, Duration::from_secs(20));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains("TOPSECRET") && !stdout.contains("CANARYVALUE"), "{stdout}");
    assert!(stdout.contains("\"files\": 1"), "only the regular file: {stdout}");

    // Asked to (-L), links to regular files are followed; the FIFO is still skipped.
    let mut follow = bin();
    follow.current_dir(repo.path()).args(["lint", "-L", "--format", "json", "."]);
    let output = finishes_within(follow, Duration::from_secs(20));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("leak.ssq.toml") && stdout.contains("\"files\": 3"), "{stdout}");
}

fn a_file_reached_twice_is_linted_once() {
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir(repo.path().join("site")).unwrap();
    fs::write(repo.path().join("site/a.ssq.toml"), WARN).unwrap();
    let output = ssq_gen()
        .current_dir(repo.path())
        .args(["lint", "site", "site/a.ssq.toml", "./site/a.ssq.toml"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.matches("warning[SSQ209]").count(), 1, "{stdout}");
    assert!(stdout.ends_with("checked 1 profile: 0 errors, 1 warning\n"), "{stdout}");
}

fn a_run_that_finds_nothing_fails_unless_asked() {
    let repo = tempfile::tempdir().unwrap();
    fs::write(repo.path().join("a.ssq.toml"), GOOD).unwrap();
    ssq_gen()
        .current_dir(repo.path())
        .args(["lint", "--glob", "*.chat.toml", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no profile found in . (looked for *.chat.toml)"));
    ssq_gen().current_dir(repo.path()).args(["lint", "--glob", "*.chat.toml", "--allow-empty", "."]).assert().code(0);
}

fn a_huge_file_report_stops_with_a_count_and_json_keeps_everything() {
    let keys: String = (0..5000).map(|i| format!("k{i} = \"v\"\n")).collect();
    let profile = temp_profile("p.ssq.toml", &format!("{GOOD}[login]\nuser_id = \"u\"\nuser_name = \"n\"\n{keys}"));
    let human = ssq_gen().arg("lint").arg(&profile.path).output().unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    assert_eq!(human.matches("error[SSQ005]").count(), 50, "the first 50 findings");
    assert!(human.contains("… and 4950 more findings in "), "{}", &human[human.len() - 300..]);
    assert!(human.ends_with("checked 1 profile: 5000 errors, 0 warnings\n"));
    let json = ssq_gen().arg("lint").arg("--format").arg("json").arg(&profile.path).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 5000);
}

#[cfg(target_os = "linux")]
fn write_failures_exit_2_and_never_panic() {
    let full = || fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    for args in [&["--help"][..], &["--version"], &["rules"], &["snippet", "--help"]] {
        let output = bin().args(args).stdout(full()).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("No space left"), "{args:?}");
    }
    let profile = temp_profile("p.toml", GOOD);
    let stale = profile.dir.path().join("snippet.html");
    fs::write(&stale, "old\n").unwrap();
    let output = bin().arg("snippet").arg(&profile.path).arg("--check").arg(&stale).stdout(full()).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    // Diagnostics that cannot be written lose nothing but themselves: the status still tells.
    let bad = temp_profile("bad.toml", "[loader]\nlicense = \"g1\"\n");
    let output = bin().arg("snippet").arg(&bad.path).stderr(full()).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "no panic when standard error is full");
}

#[cfg(unix)]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    // Enough output to fill the pipe after the reader has closed it.
    let repo = tempfile::tempdir().unwrap();
    for i in 0..300 {
        fs::write(repo.path().join(format!("p{i}.ssq.toml")), WARN).unwrap();
    }
    let mut child = bin()
        .current_dir(repo.path())
        .args(["lint", "."])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "", "no message, no panic");

    let profile = temp_profile("p.toml", GOOD);
    let stale = profile.dir.path().join("snippet.html");
    fs::write(&stale, "old\n".repeat(20_000)).unwrap();
    let mut child = bin()
        .arg("snippet")
        .arg(&profile.path)
        .arg("--check")
        .arg(&stale)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1), "the verdict stands: {}", String::from_utf8_lossy(&output.stderr));
}

#[cfg(unix)]
fn an_interrupted_write_leaves_no_temporary_file() {
    for signal in ["INT", "TERM"] {
        let profile = temp_profile("p.toml", GOOD);
        let target = profile.dir.path().join("snippet.html");
        let mut child = bin()
            .arg("snippet")
            .arg(&profile.path)
            .arg("-o")
            .arg(&target)
            .env("SSQ_GEN_TEST_HOLD_MS", "5000")
            .spawn()
            .unwrap();
        let temporary = || {
            fs::read_dir(profile.dir.path())
                .unwrap()
                .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with(".ssq-gen-"))
                .count()
        };
        let start = Instant::now();
        while temporary() == 0 {
            assert!(start.elapsed() < Duration::from_secs(20), "the write never started");
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(Command::new("kill").args([format!("-{signal}"), child.id().to_string()]).status().unwrap().success());
        let status = child.wait().unwrap();
        assert!(!status.success(), "SIG{signal}");
        assert_eq!(temporary(), 0, "SIG{signal} left the temporary file");
        assert!(!target.exists(), "nothing half-written");
    }
}

fn check_does_not_depend_on_how_the_path_is_typed() {
    let profile = temp_profile("profile.toml", GOOD);
    let dir = profile.dir.path();
    ssq_gen().current_dir(dir).args(["snippet", "profile.toml", "-o", "chat.html"]).assert().code(0);
    ssq_gen().current_dir(dir).args(["snippet", "./profile.toml", "--check", "chat.html"]).assert().code(0);
    ssq_gen().arg("snippet").arg(&profile.path).arg("--check").arg(dir.join("chat.html")).assert().code(0);
    let html = fs::read_to_string(dir.join("chat.html")).unwrap();
    assert!(!html.contains(&dir.display().to_string()), "no folder of the author's in public HTML");

    // A missing FILE is one line that says how to create it.
    let missing =
        ssq_gen().current_dir(dir).args(["snippet", "profile.toml", "--check", "nope.html"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(missing.stdout, b"");
    let stderr = String::from_utf8(missing.stderr).unwrap();
    assert_eq!(stderr, "error: nope.html does not exist: write it with `ssq-gen snippet profile.toml -o nope.html`\n");

    // A CRLF checkout says so.
    fs::write(dir.join("crlf.html"), html.replace('\n', "\r\n")).unwrap();
    ssq_gen()
        .current_dir(dir)
        .args(["snippet", "profile.toml", "--check", "crlf.html"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("differs only in its line endings (CRLF)"));
}

fn init_picks_the_format_from_the_name() {
    let dir = tempfile::tempdir().unwrap();
    ssq_gen().current_dir(dir.path()).args(["init", "site.json"]).assert().code(0);
    let json: serde_json::Value = serde_json::from_slice(&fs::read(dir.path().join("site.json")).unwrap()).unwrap();
    assert!(json["loader"].is_object());
    ssq_gen()
        .current_dir(dir.path())
        .args(["init", "x.toml", "--json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--json with a `.toml` name"));
    assert!(!dir.path().join("x.toml").exists());
}

fn a_new_output_file_honours_the_umask() {
    let profile = temp_profile("p.toml", GOOD);
    let out = profile.dir.path().join("out.html");
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 077 && exec '{}' snippet '{}' -o '{}'",
            crate::support::binary().display(),
            profile.path.display(),
            out.display()
        ))
        .status()
        .unwrap();
    assert!(status.success());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
}

fn csp_covers_the_logout_block() {
    let profile = temp_profile("p.toml", GOOD);
    let hash_of = |args: &[&str]| {
        let snippet = ssq_gen().arg("snippet").arg(&profile.path).args(args).output().unwrap().stdout;
        let snippet = String::from_utf8(snippet).unwrap();
        let body = &snippet[snippet.find("<script>").unwrap() + "<script>".len()..snippet.find("</script>").unwrap()];
        use base64::Engine as _;
        use sha2::Digest as _;
        format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(body)))
    };
    let csp = |args: &[&str]| {
        String::from_utf8(ssq_gen().arg("csp").arg(&profile.path).args(args).output().unwrap().stdout).unwrap()
    };
    assert!(csp(&[]).starts_with(&hash_of(&[])));
    assert!(csp(&["--logout"]).starts_with(&hash_of(&["--logout"])));
    assert_ne!(hash_of(&[]), hash_of(&["--logout"]));
}

fn nonces_are_base64_or_a_template_placeholder_kept_as_written() {
    let profile = temp_profile("p.toml", GOOD);
    ssq_gen().arg("snippet").arg(&profile.path).args(["--nonce", "==abc"]).assert().code(2);
    ssq_gen().arg("snippet").arg(&profile.path).args(["--nonce", "{{ \"x\" }}"]).assert().code(2);
    for placeholder in ["{{ csp_nonce }}", "<%= content_security_policy_nonce %>", "<?= $nonce ?>"] {
        ssq_gen()
            .arg("snippet")
            .arg(&profile.path)
            .args(["--nonce", placeholder])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(format!("<script nonce=\"{placeholder}\">")));
    }
}

fn the_man_page_holds_every_subcommand_and_option() {
    let page = String::from_utf8(ssq_gen().arg("man").output().unwrap().stdout).unwrap();
    assert!(
        !page.contains("ssq\\-gen\\-snippet(1)") && !page.contains("ssq-gen-snippet(1)"),
        "no page that does not exist"
    );
    for option in ["check", "format", "nonce", "deny\\-warnings", "allow\\-empty", "logout", "glob"] {
        assert!(page.contains(&format!("\\-\\-{option}")), "--{option} missing from the man page");
    }
    ssq_gen().args(["help", "--help"]).assert().code(0).stdout(predicate::str::contains("Usage: ssq-gen help"));
    ssq_gen().args(["help", "lint"]).assert().code(0).stdout(predicate::str::contains("Usage: ssq-gen lint"));
}

/// `--color` and `-q` are listed where they change something, and nowhere else; being global,
/// they are still accepted everywhere.
fn global_flags_are_listed_where_they_mean_something() {
    for (command, listed) in [("lint", true), ("snippet", true), ("man", false), ("schema", false), ("lsp", false)] {
        for how in [vec![command, "--help"], vec!["help", command]] {
            let help = String::from_utf8(ssq_gen().args(&how).output().unwrap().stdout).unwrap();
            assert_eq!(help.contains("--color"), listed, "{how:?}:\n{help}");
            assert_eq!(help.contains("--quiet"), listed, "{how:?}:\n{help}");
        }
    }
    ssq_gen().args(["completions", "--help"]).assert().code(0).stdout(predicate::str::contains("--color").not());
    ssq_gen().args(["man", "-q", "--color", "never"]).assert().code(0).stdout(predicate::str::contains(".TH"));
    ssq_gen().args(["--color", "never", "schema"]).assert().code(0).stdout(predicate::str::contains("$schema"));
}

/// `man ssq-gen` is the whole reference: every profile section and key, the exit statuses and the
/// environment, in roff that groff reads without a warning (characters past ASCII escaped).
fn the_man_page_holds_the_profile_reference_and_reads_cleanly() {
    let page = String::from_utf8(ssq_gen().arg("man").output().unwrap().stdout).unwrap();
    for heading in [".SH PROFILE", ".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH \"SEE ALSO\"", ".B NO_COLOR"] {
        assert!(page.contains(heading), "{heading} missing from the man page");
    }
    for section in ssq_gen::profile::schema::SECTIONS {
        assert!(page.contains(&format!(".SS [{}]\n", section.name)), "[{}]", section.name);
        for key in section.keys {
            assert!(page.contains(&format!(".B {}\n", key.name.replace('-', "\\-"))), "{}.{}", section.name, key.name);
        }
    }
    assert!(page.is_ascii(), "troff reads bytes: everything past ASCII is escaped");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ssq-gen.1");
    std::fs::write(&file, &page).unwrap();
    let groff = std::process::Command::new("groff").args(["-man", "-Tutf8", "-ww", "-z"]).arg(&file).output().unwrap();
    assert!(groff.status.success() && groff.stderr.is_empty(), "{}", String::from_utf8_lossy(&groff.stderr));
}

fn github_annotations_escape_control_characters() {
    let profile = temp_profile("p.ssq.json", "{\"loader\": {\"license\": \"k7tq2mz\", \"x\\u001b[31m\": 1}}");
    let output = ssq_gen().args(["lint", "--format", "github"]).arg(&profile.path).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("SSQ005") && !stdout.contains('\u{1b}'), "{stdout:?}");
    assert!(stdout.contains("\\u{1b}[31m"), "{stdout:?}");
}

fn sarif_validates_against_the_sarif_2_1_0_schema_and_says_when_it_truncates() {
    let schema: serde_json::Value = serde_json::from_str(include_str!("../data/sarif-2.1.0-rtm.5.json")).unwrap();
    let validate = |document: &serde_json::Value| {
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.add_resource("sarif.json", schema.clone()).unwrap();
        let index = compiler.compile("sarif.json", &mut schemas).unwrap();
        schemas.validate(document, index).map_err(|err| format!("{err:#}")).unwrap();
    };
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir(repo.path().join("sub")).unwrap();
    fs::write(repo.path().join("sub/a.ssq.toml"), "[loader]\nlicense = \"é1\"\n").unwrap();
    let labels: String = (0..26_000).map(|_| "\"vip\", ").collect();
    let many = format!("{GOOD}[login]\nuser_id = \"x1\"\nuser_name = \"n\"\nlabel_names = [{labels}]\n");
    fs::write(repo.path().join("many.ssq.toml"), many).unwrap();

    let output = ssq_gen()
        .current_dir(repo.path())
        .args(["lint", "--format", "sarif", "sub/../sub/a.ssq.toml"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    validate(&sarif);
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let location = &run["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"], serde_json::json!({"uri": "sub/a.ssq.toml", "uriBaseId": "%SRCROOT%"}));
    // `%SRCROOT%` is the folder lint ran in, so that a reader elsewhere (a step with
    // `working-directory:`) resolves the paths; the folder's URI, read back, is that folder.
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap();
    let folder = root.strip_prefix("file://").and_then(|path| path.strip_suffix('/')).unwrap();
    assert_eq!(fs::canonicalize(folder).unwrap(), fs::canonicalize(repo.path()).unwrap(), "{root}");
    assert!(run["tool"]["driver"]["rules"][0]["helpUri"].as_str().unwrap().ends_with("#ssq000"));

    let output =
        ssq_gen().current_dir(repo.path()).args(["lint", "--format", "sarif", "many.ssq.toml"]).output().unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    validate(&sarif);
    let run = &sarif["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), 25_000);
    let note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].as_str().unwrap();
    // 25,999 repeated labels (SSQ212), and SSQ012 for the 152 KiB they make inline.
    assert!(note.starts_with("1000 results left out"), "{note}");
}

fn error_messages_point_where_a_person_looks() {
    let lint = |name: &str, text: &str| {
        let profile = temp_profile(name, text);
        let output =
            ssq_gen().current_dir(profile.dir.path()).args(["lint", "--format", "json", name]).output().unwrap();
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()["diagnostics"].clone()
    };
    // A byte-order mark is not a column.
    let at =
        |d: &serde_json::Value| (d["code"].as_str().unwrap().to_string(), d["line"].as_u64(), d["column"].as_u64());
    let bom = lint("p.toml", "\u{feff}[loader]\n");
    assert_eq!(at(&bom[0]), ("SSQ101".into(), Some(1), Some(2)), "`loader` is the second column");
    let bom = lint("p.toml", "\u{feff}[loader]\nlicense = 5\n");
    assert_eq!(bom.as_array().unwrap().len(), 1, "the wrong type alone: {bom}");
    assert_eq!(at(&bom[0]), ("SSQ004".into(), Some(2), Some(11)));
    let human = ssq_gen().arg("lint").arg(temp_profile("p.toml", "\u{feff}[loader]\n").path).output().unwrap();
    assert!(String::from_utf8(human.stdout).unwrap().contains("p.toml:1:2\n"), "the human report agrees");
    // "$schema" must be a string.
    let schema = lint("p.json", r#"{"$schema": 5, "loader": {"license": "k7tq2mz"}}"#);
    assert_eq!(schema[0]["code"], "SSQ004");
    // TOML's duplicate key is the same finding as JSON's.
    let duplicate = lint("p.toml", "[loader]\nlicense = \"k7tq2mz\"\nlicense = \"k7tq2mz\"\n");
    assert_eq!((duplicate[0]["code"].as_str(), duplicate[0]["line"].as_u64()), (Some("SSQ007"), Some(3)));
    // A typo stands for the key it misspells.
    let typo = lint("p.toml", "[loader]\nlicense = \"k7tq2mz\"\n[login]\nuser_id = \"x1\"\nusr_name = \"n\"\n");
    assert_eq!(typo.as_array().unwrap().len(), 1, "{typo}");
    assert_eq!(typo[0]["message"], "unknown key `login.usr_name`");
    assert_eq!(typo[0]["help"], "did you mean `user_name`?");
    // An unknown section is called a section.
    let section = lint("p.toml", "[loader]\nlicense = \"k7tq2mz\"\n[logn]\n");
    assert_eq!(section[0]["message"], "unknown section `[logn]`");
    // A trailing comma is marked where it is.
    let comma = lint("p.json", "{\"loader\": {\"license\": \"k7tq2mz\",\n}}");
    assert_eq!((comma[0]["line"].as_u64(), comma[0]["column"].as_u64()), (Some(1), Some(33)));
    // An extension is not a keypad letter.
    let extension = lint(
        "p.toml",
        "[loader]\nlicense = \"k7tq2mz\"\n[login]\nuser_id = \"x1\"\nuser_name = \"n\"\nphone = \"+44 7911 123456 ext 5\"\n",
    );
    assert_eq!(extension[0]["message"], "`login.phone` ends with the extension `ext 5`");
    // Tabs and line breaks are CSS whitespace in a selector, not stray control characters.
    let selector = lint(
        "p.json",
        r#"{"loader": {"license": "k7tq2mz"}, "widget": {"hide_icon": true}, "launcher": {"open_selector": ".a\t.b\n.c"}}"#,
    );
    assert_eq!(selector, serde_json::json!([]), "{selector}");
}

fn cannot_write_names_the_target_not_a_temporary_file() {
    let profile = temp_profile("p.toml", GOOD);
    let locked = profile.dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let target = locked.join("out.html");
    // A folder that cannot hold a new file: here, one that is a file's name.
    let output =
        ssq_gen().arg("snippet").arg(&profile.path).arg("-o").arg(profile.path.join("out.html")).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr.contains(".ssq-gen-") && stderr.contains("p.toml/out.html"), "{stderr}");
    assert!(!target.exists());
}

/// `lint --format sarif emptydir > e.sarif` must still give the upload step a valid document: exit
/// status 2 as before, the reason on standard error and in the document.
fn a_run_that_cannot_start_still_writes_a_whole_document() {
    let schema: serde_json::Value = serde_json::from_str(include_str!("../data/sarif-2.1.0-rtm.5.json")).unwrap();
    let empty = tempfile::tempdir().unwrap();
    let run = |format: &str| {
        let output = ssq_gen().args(["lint", "--format", format]).arg(empty.path()).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{format}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("no profile found in"), "{format}: {stderr}");
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap_or_else(|err| panic!("{format}: {err}"))
    };
    let json = run("json");
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(json["summary"]["files"], 0);
    assert!(json["error"].as_str().unwrap().starts_with("no profile found in"), "{json}");
    let sarif = run("sarif");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("sarif.json", schema).unwrap();
    let index = compiler.compile("sarif.json", &mut schemas).unwrap();
    schemas.validate(&sarif, index).map_err(|err| format!("{err:#}")).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert!(notification["message"]["text"].as_str().unwrap().starts_with("no profile found in"));
    assert_eq!(sarif["runs"][0]["results"], serde_json::json!([]));
    // The format for people prints the reason only, on standard error; GitHub's gets an error
    // annotation, which a workflow's log and summary show.
    let output = ssq_gen().args(["lint", "--format", "human"]).arg(empty.path()).output().unwrap();
    assert_eq!((output.status.code(), output.stdout.len()), (Some(2), 0));
    let output = ssq_gen().args(["lint", "--format", "github"]).arg(empty.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("::error title=ssq-gen::no profile found in ") && stdout.lines().count() == 1,
        "{stdout}"
    );
}

/// A key present but misspelt or of the wrong type gives one finding, never a second one about its
/// absence; a badge alone is not a second chat button.
fn one_mistake_gives_one_finding() {
    let cases: [(&str, &str, &[&str]); 7] = [
        ("p.toml", "[loader]\nscript_url = 42\n", &["SSQ004"]),
        ("p.toml", "[loader]\nscirpt_url = \"x\"\n", &["SSQ005"]),
        ("p.toml", "loader = \"g1vfb1b\"\n", &["SSQ004"]),
        ("p.json", r#"{"loader": null}"#, &["SSQ004"]),
        (
            "p.toml",
            "[loader]\nlicense = \"g1vfb1b\"\n[widget]\nhideIcon = true\n[launcher]\nopen_selector = \"#h\"\n",
            &["SSQ005"],
        ),
        ("p.toml", "[loader]\nlicense = \"g1vfb1b\"\n[launcher]\nbadge_selector = \"#b\"\n", &[]),
        // The control: no loader at all is still SSQ101.
        ("p.toml", "[widget]\nhide_icon = false\n", &["SSQ101"]),
    ];
    for (name, text, want) in cases {
        let profile = temp_profile(name, text);
        let output = ssq_gen().args(["lint", "--format", "json"]).arg(&profile.path).output().unwrap();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let codes: Vec<&str> =
            report["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
        assert_eq!(codes, want, "{text:?}");
    }
}

tests! {
    one_mistake_gives_one_finding,
    a_run_that_cannot_start_still_writes_a_whole_document,
    output_into_a_device_writes_into_it_and_never_replaces_it,
    output_into_a_fifo_reaches_its_reader,
    dash_is_standard_output_and_the_profile_is_never_overwritten,
    links_found_while_walking_are_not_followed_unless_asked,
    a_file_reached_twice_is_linted_once,
    a_run_that_finds_nothing_fails_unless_asked,
    a_huge_file_report_stops_with_a_count_and_json_keeps_everything,
    write_failures_exit_2_and_never_panic,
    a_reader_that_goes_away_ends_the_run_quietly,
    an_interrupted_write_leaves_no_temporary_file,
    check_does_not_depend_on_how_the_path_is_typed,
    init_picks_the_format_from_the_name,
    a_new_output_file_honours_the_umask,
    csp_covers_the_logout_block,
    nonces_are_base64_or_a_template_placeholder_kept_as_written,
    the_man_page_holds_every_subcommand_and_option,
    global_flags_are_listed_where_they_mean_something,
    the_man_page_holds_the_profile_reference_and_reads_cleanly ["groff"],
    github_annotations_escape_control_characters,
    sarif_validates_against_the_sarif_2_1_0_schema_and_says_when_it_truncates,
    error_messages_point_where_a_person_looks,
    cannot_write_names_the_target_not_a_temporary_file,
}
