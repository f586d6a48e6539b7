//! `snippet --format wordpress`: the plugin file is PHP that PHP accepts (`php -l`) and that an
//! independent parser reads as PHP 7.4, for every example profile and for hostile profile names;
//! and in a real WordPress (Debian's package, a private MariaDB, `php -S`; tests/wordpress/site.py)
//! Chromium sees the block once per front-end page, the logged-in visitor byte for byte, the
//! `ssq_gen_login` filter's fields, nothing in the admin, the login page, a feed or the REST API,
//! and a CSP nonce added through `wp_inline_script_attributes`.

use crate::support::*;
use serde_json::{Value, json};
use ssq_gen::input::source::Source;
use ssq_gen::snippet::{RenderOptions, render};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The plugin for `profile` (a path), written by the binary as a user would.
fn plugin(profile: &Path, out: &Path) {
    ssq_gen().args(["snippet", "--format", "wordpress"]).arg(profile).arg("-o").arg(out).assert().success();
}

fn examples() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".ssq.toml"))
        .collect();
    found.sort();
    found
}

fn the_plugin_is_php_7_4_for_every_example_and_hostile_name() {
    let folder = tempfile::tempdir().unwrap();
    let mut profiles = examples();
    let extra = [
        (
            "license.ssq.toml",
            "[loader]\nlicense = \"g1vfb1b\"\n[consent]\ncmp = \"wp-consent-api\"\ncategory = \"preferences\"\n",
        ),
        // A file name that tries to end PHP, or to start a header line of its own (a file name
        // has no `/`: `*/` in the header comment is escape.rs's to test).
        ("x ?> <?php exit; \n * Version: 9.9.ssq.toml", "[loader]\nlicense = \"g1vfb1b\"\n[login]\nfrom_page = true\n"),
        (
            "it's \\ $x.ssq.toml",
            "[loader]\nlicense = \"g1vfb1b\"\n[triggers]\nsend_on_click = { \"#a\" = \"it's \\\\ '; ?> $x\" }\n",
        ),
    ];
    for (name, text) in extra {
        let path = folder.path().join(name);
        std::fs::write(&path, text).unwrap();
        profiles.push(path);
    }
    let mut written = Vec::new();
    for (i, profile) in profiles.iter().enumerate() {
        let out = folder.path().join(format!("plugin-{i}.php"));
        plugin(profile, &out);
        let linted = Command::new("php").arg("-l").arg(&out).output().unwrap();
        assert!(linted.status.success(), "php -l, {}: {}", profile.display(), String::from_utf8_lossy(&linted.stdout));
        let text = std::fs::read_to_string(&out).unwrap();
        // WordPress reads the header line by line: one of each, whatever the profile is called.
        for field in ["Plugin Name:", "Version:", "Requires at least:", "Requires PHP:"] {
            let lines = text
                .lines()
                .take(12)
                .filter(|line| line.trim_start_matches([' ', '\t', '/', '*', '#', '@']).starts_with(field));
            assert_eq!(lines.count(), 1, "{field} in {}", profile.display());
        }
        written.push(out);
    }
    // --check guards the plugin as it guards the html block: it knows the form by its opening.
    let accounts_plugin = &written[0];
    ssq_gen().arg("snippet").arg(&profiles[0]).arg("--check").arg(accounts_plugin).assert().code(0);
    let text = std::fs::read_to_string(accounts_plugin).unwrap();
    let edited = folder.path().join("edited.php");
    std::fs::write(&edited, text.replace("static $printed = false;", "static $printed = true;")).unwrap();
    ssq_gen().arg("snippet").arg(&profiles[0]).arg("--check").arg(&edited).assert().code(1);
    // --nonce: WordPress writes the element; the message says where the nonce comes from.
    let refused =
        ssq_gen().args(["snippet", "--format", "wordpress", "--nonce", "abc"]).arg(&profiles[0]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("wp_inline_script_attributes"));

    // The script the plugin prints is the html form's, byte for byte: PHP itself says so.
    let accounts = &profiles[0];
    let printed = Command::new("php")
        .arg("-r")
        .arg(format!(
            "define('ABSPATH', '/'); function add_action($h, $f) {{ $GLOBALS['f'] = $f; }} function add_filter() {{}} \
             function is_admin() {{ return false; }} function is_feed() {{ return false; }} function is_embed() {{ return false; }} \
             function wp_doing_ajax() {{ return false; }} function wp_get_current_user() {{ return new class {{ function exists() {{ return false; }} }}; }} \
             function apply_filters($n, $v) {{ return $v; }} function wp_print_inline_script_tag($js) {{ echo $js; }} \
             include {}; ($GLOBALS['f'])();",
            php_quoted(&written[0])
        ))
        .output()
        .unwrap();
    assert!(printed.status.success(), "{}", String::from_utf8_lossy(&printed.stderr));
    let printed = String::from_utf8(printed.stdout).unwrap();
    let script = html_script(accounts);
    assert!(printed.ends_with(&script), "the plugin prints the html form's script:\n{printed}");
    assert!(printed.contains("<script type=\"application/json\" id=\"ssq-login\">null</script>"), "{printed}");

    // With `cmp = "wp-consent-api"`, the plugin declares itself to the WP Consent API, by the
    // hook its documentation names: `wp_consent_api_registered_{plugin_basename(__FILE__)}`.
    let consent_plugin = &written[profiles.len() - 3];
    let registered = Command::new("php")
        .arg("-r")
        .arg(format!(
            "define('ABSPATH', '/'); function add_action() {{}} \
             function plugin_basename($file) {{ return 'salesmartly-chat-ssq-gen/' . basename($file); }} \
             function add_filter($hook, $callback) {{ echo $hook, ' ', $callback, \"\\n\"; }} include {};",
            php_quoted(consent_plugin)
        ))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&registered.stdout);
    let name = consent_plugin.file_name().unwrap().to_str().unwrap();
    assert_eq!(said, format!("wp_consent_api_registered_salesmartly-chat-ssq-gen/{name} __return_true\n"));

    // The plugin leaves out a locale exactly when SSQ202 would refuse its BCP 47 form: the
    // plugin's own pattern, run by PHP, against ssq-gen's check (ICU's parser), over WordPress
    // locales, the odd ones included.
    let text = std::fs::read_to_string(&written[0]).unwrap();
    let start = text.find("preg_match( '").unwrap() + "preg_match( '".len();
    let pattern = &text[start..start + text[start..].find("', $language )").unwrap()];
    let locales = [
        "en_US",
        "pt_BR",
        "pt_PT_ao90",
        "de_DE_formal",
        "de_CH_informal",
        "nl_NL_formal",
        "es_ES",
        "zh_CN",
        "zh_TW",
        "fr_FR",
        "ary",
        "haz",
        "fur",
        "skr",
        "sah",
        "bel",
        "tl",
        "ca",
        "eo",
        "sr_RS",
        "tt_RU",
        "ug_CN",
        "kab",
        "kir",
        "snd",
        "szl",
        "dsb",
        "hsb",
        "rhg",
        "ckb",
        "azb",
        "art_xemoji",
        "fa_AF",
        "es_419",
        "ca_valencia",
        "en",
        "",
        "english",
        "x_klingon",
        "de_DE_1901",
        "sl_SI_rozaj_biske",
    ];
    let array = locales.map(|l| format!("'{l}'")).join(", ");
    let pattern = pattern.replace('\'', "\\'");
    let script = format!(
        "foreach (array({array}) as $l) {{ echo preg_match('{pattern}', str_replace('_', '-', $l)) ? 'y' : 'n'; }}"
    );
    let kept = Command::new("php").arg("-r").arg(&script).output().unwrap();
    let kept = String::from_utf8(kept.stdout).unwrap();
    assert_eq!(kept.len(), locales.len(), "{kept}");
    for (locale, verdict) in locales.iter().zip(kept.chars()) {
        let ours = ssq_gen::checks::language::classify(&locale.replace('_', "-")).is_ok();
        assert_eq!(
            verdict == 'y',
            ours,
            "{locale:?}: the plugin keeps it: {}, SSQ202 accepts it: {ours}",
            verdict == 'y'
        );
    }

    // An independent parser, in PHP 7.4 mode, refuses what 7.4 would (it is not vacuous).
    let parse = |files: &[PathBuf]| {
        Command::new("node").arg(root().join("tests/wordpress/php74.js")).args(files).output().unwrap()
    };
    let parsed = parse(&written);
    assert!(parsed.status.success(), "{}", String::from_utf8_lossy(&parsed.stdout));
    let newer = folder.path().join("php8.php");
    std::fs::write(&newer, "<?php\n$a = $b?->c;\n").unwrap();
    assert!(!parse(&[newer]).status.success(), "a PHP 8 operator is refused");
}

fn php_quoted(path: &Path) -> String {
    format!("'{}'", path.to_str().unwrap().replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The `<script>` element's content of the html form, rendered in-process.
fn html_script(profile: &Path) -> String {
    let text = std::fs::read(profile).unwrap();
    let checked = ssq_gen::check(Source::from_bytes("p.ssq.toml".into(), text, None));
    let valid = checked.profile.expect("a valid example");
    render(&valid, &RenderOptions { profile_name: "p.ssq.toml", ..RenderOptions::default() }).unwrap().script
}

fn set_up_login(report: &Value, who: &str) -> Value {
    let calls = report[who]["calls"].as_array().unwrap();
    let logins: Vec<&Value> = calls.iter().filter(|call| call[0] == "setLoginInfo").collect();
    assert_eq!(logins.len(), 1, "{who}: one setLoginInfo: {calls:?}");
    logins[0][1].clone()
}

fn a_real_wordpress_runs_the_plugin() {
    let folder = tempfile::tempdir().unwrap();
    let profile = root().join("examples/accounts.ssq.toml");
    let file = folder.path().join("salesmartly-chat-ssq-gen.php");
    plugin(&profile, &file);
    let report_file = folder.path().join("report.json");
    let output = Command::new("python3")
        .arg(root().join("tests/wordpress/site.py"))
        .arg("--plugin")
        .arg(&file)
        .arg("--report")
        .arg(&report_file)
        .output()
        .unwrap();
    assert!(output.status.success(), "site.py:\n{}", String::from_utf8_lossy(&output.stderr));
    let report: Value = serde_json::from_slice(&std::fs::read(&report_file).unwrap()).unwrap();
    let script = html_script(&profile);

    let pages = ["anonymous", "anonymous_csp", "zoe", "zoe_next_page", "zoe_csp", "anna", "anna_next_page", "anna_csp"];
    for page in pages {
        let at = &report[page];
        assert_eq!(at["blocks"], 1, "{page}: the block once: {at}");
        assert_eq!(at["starts"], 1, "{page}: the widget set up once");
        assert_eq!(at["block_text"], json!(script), "{page}: the html form's script, byte for byte");
    }
    // Anonymous: no visitor.
    assert_eq!(report["anonymous"]["login_element"], "null");
    assert!(report["anonymous"]["calls"].as_array().unwrap().iter().all(|call| call[0] != "setLoginInfo"));

    // Logged in: the display name byte for byte, an id that is not the user's number, the same on
    // the next page, another for another user; the filter's phone and labels; the locale.
    let ids = report["ids"].as_array().unwrap();
    let zoe = set_up_login(&report, "zoe");
    assert_eq!(zoe["user_name"], report["names"]["zoe"], "byte for byte");
    assert_eq!(zoe["email"], "zoe@example.com");
    assert_eq!(zoe["language"], "pt-BR", "WordPress's pt_BR as a BCP 47 tag");
    assert_eq!(zoe["phone"], "+16502530000", "the ssq_gen_login filter's phone, in E.164");
    assert_eq!(zoe["label_names"], json!(["member", "editor", "wordpress"]));
    let user_id = zoe["user_id"].as_str().unwrap();
    assert!(user_id.len() == 64 && user_id.chars().all(|c| c.is_ascii_hexdigit()), "an HMAC-SHA256: {user_id}");
    let as_number = user_id.parse::<u64>().ok();
    assert!(!ids.iter().any(|id| id.as_u64() == as_number), "never the user's ID");
    assert_eq!(set_up_login(&report, "zoe_next_page")["user_id"], zoe["user_id"], "stable across pages");
    let anna = set_up_login(&report, "anna");
    assert_eq!(anna["user_name"], report["names"]["anna"]);
    assert_ne!(anna["user_id"], zoe["user_id"], "another user, another id");
    assert_eq!(anna["label_names"], json!(["member", "wordpress"]), "array_filter()'s gap re-indexed: a list");
    assert_eq!(anna["language"], "en-US", "no locale of her own: the profile's default");

    // Nothing where the front end is not.
    for page in ["login_page", "feed", "rest", "zoe_admin", "anna_admin"] {
        assert_eq!(report[page]["status"], 200, "{page}");
        assert_eq!(report[page]["has_block"], false, "{page}: no block");
    }

    // Under `script-src 'nonce-…' 'strict-dynamic'`: the nonce reached the element through
    // WordPress's filter, the block ran (above), and nothing of ours was refused.
    for page in ["anonymous_csp", "zoe_csp", "anna_csp"] {
        let at = &report[page];
        assert!(at["block_nonce"].as_str().is_some_and(|nonce| nonce.len() >= 16), "{page}: {}", at["block_nonce"]);
        for violation in at["violations"].as_array().unwrap() {
            let blocked = violation["blocked"].as_str().unwrap_or_default();
            let sample = violation["sample"].as_str().unwrap_or_default();
            let ours = blocked.contains("salesmartly")
                || (blocked == "inline" && !sample.is_empty() && script.starts_with(sample));
            assert!(!ours, "{page}: {violation}");
        }
    }
    // PHP said nothing about the plugin.
    let log = report["php_log"].as_str().unwrap();
    assert!(!log.lines().any(|line| line.contains("salesmartly-chat-ssq-gen")), "{log}");
}

/// `login-data php --help`'s WordPress hook, run as written (WordPress's functions stubbed) with the
/// fragment the example writes: it prints the visitor, not `null`.
fn the_login_data_php_help_example_works_as_written() {
    let help = ssq_gen().args(["login-data", "php", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let start = help.find("  add_action('wp_footer'").expect("the hook");
    let end = start + help[start..].find("});").expect("its end") + 3;
    let hook = &help[start..end];
    let example = help.lines().find(|line| line.contains("login-data php -o")).expect("the example");
    let target = example.split_whitespace().last().unwrap();
    assert_eq!(Path::new(target).file_name().unwrap(), "ssq-login.php", "the file the hook includes");

    let folder = tempfile::tempdir().unwrap();
    let fragment = folder.path().join("ssq-login.php");
    ssq_gen().args(["login-data", "php", "-o"]).arg(&fragment).assert().success();
    let stubs = format!(
        "function add_action($hook, $f) {{ $GLOBALS['hooks'][$hook] = $f; }} function wp_salt($s) {{ return 'salt'; }} \
         function get_theme_file_path($file) {{ return {dir} . '/' . $file; }} \
         function wp_get_current_user() {{ return new class {{ public $ID = 7; public $display_name = 'Zoë </script>'; function exists() {{ return true; }} }}; }}",
        dir = php_quoted(folder.path())
    );
    let script = format!("{stubs}\n{hook}\n($GLOBALS['hooks']['wp_footer'])();");
    let run = Command::new("php").arg("-r").arg(&script).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let printed = String::from_utf8(run.stdout).unwrap();
    let json = printed.split("id=\"ssq-login\">").nth(1).and_then(|rest| rest.split("</script>").next()).unwrap();
    let visitor: Value = serde_json::from_str(json).unwrap();
    assert_eq!(visitor["user_name"], "Zo\u{eb} </script>", "{printed}");
    assert_eq!(visitor["user_id"].as_str().map(str::len), Some(64), "{printed}");
}

tests! {
    the_login_data_php_help_example_works_as_written ["php"],
    a_real_wordpress_runs_the_plugin ["php", "php-mysql", "wordpress", "wordpress-theme", "mariadb", "chromium", "python3", "playwright"],
    the_plugin_is_php_7_4_for_every_example_and_hostile_name ["php", "node", "php-parser"],
}
