//! A page whose CSP requires Trusted Types (`require-trusted-types-for 'script'`), in Chromium: the
//! block inserts its loader through its own policy, `ssq-gen`, which accepts that one URL; where
//! the page does not allow the policy, nothing throws, one warning says what to add, and the chat
//! is unavailable. The vendor's project script assigns `src` with a string itself, which such a
//! page refuses: that limit is shown here too, as the README says.

use crate::browser::{Browser, Network, Page};
use crate::support::*;
use serde_json::json;

/// Warnings and `ssq:unavailable`, recorded from before the block runs.
const WATCH: &str = "<script>window.__warns = []; console.warn = function (m) { window.__warns.push(String(m)); }; window.__unavailable = []; document.addEventListener('ssq:unavailable', function (e) { window.__unavailable.push(e.detail.reason); });</script>";

fn page(loader: &str, policy: &str) -> Page {
    let profile = format!("[loader]\n{loader}\n[launcher]\nopen_selector = \"#help\"\n[widget]\nhide_icon = true\n");
    page_of(render("p.toml", &profile), WATCH, policy)
}

fn page_of(block: String, watch: &str, policy: &str) -> Page {
    let mut page = Page::with(block);
    page.snippets.insert(0, watch.to_string());
    page.csp = Some(format!("require-trusted-types-for 'script'; {policy}"));
    page.after =
        "window.__probe.notes.warns = window.__warns; window.__probe.notes.unavailable = window.__unavailable;".into();
    page
}

fn the_block_loads_through_its_own_policy_or_says_what_to_add() {
    let browser = Browser::start();
    let license = "license = \"g1vfb1b\"";
    // The policy allowed (what `csp --trusted-types` prints): the widget starts, nothing thrown.
    let directive = String::from_utf8(ssq_gen().args(["csp", "--trusted-types"]).output().unwrap().stdout).unwrap();
    assert_eq!(directive, "trusted-types ssq-gen\n");
    let report = browser.load("tt-license.html", &page(license, directive.trim()), Network::Normal);
    assert_eq!(report["probe"]["errors"], json!([]), "tt-license");
    assert_eq!(report["probe"]["violations"], json!([]), "tt-license: no Trusted Types violation");
    assert_eq!(report["starts"], 1, "tt-license: the widget starts");
    assert_eq!(report["probe"]["notes"]["unavailable"], json!([]));
    assert_eq!(report["settingAtStart"], json!({"hideIcon": true}));

    // Not allowed: no exception, one warning naming the directive, and the chat is unavailable.
    let report = browser.load("tt-refused.html", &page(license, "trusted-types other"), Network::Normal);
    assert_eq!(report["probe"]["errors"], json!([]), "tt-refused: nothing thrown");
    assert_eq!(report["starts"], 0);
    let warns = report["probe"]["notes"]["warns"].as_array().unwrap();
    assert_eq!(warns.len(), 1, "{warns:?}");
    assert!(warns[0].as_str().unwrap().contains("add `trusted-types ssq-gen`"), "{warns:?}");
    assert_eq!(report["probe"]["notes"]["unavailable"], json!(["error"]));

    // The project script form: the block's own insert passes its policy, and then the vendor's
    // script assigns install.js's URL as a string, which the page refuses, in the vendor's code.
    let script = format!("script_url = \"{SCRIPT_URL}\"");
    let report = browser.load("tt-script.html", &page(&script, directive.trim()), Network::Normal);
    assert_eq!(report["standIn"]["projectRuns"], 1, "the block's insert passed its policy: {report}");
    // Its error is cross-origin ("Script error."); the violation says what it was.
    let violations = report["probe"]["violations"].to_string();
    assert!(violations.contains("require-trusted-types-for"), "the vendor's own assignment is refused: {violations}");
    assert_eq!(report["probe"]["errors"], json!(["Script error."]), "and only the vendor's script threw");
    assert_eq!(report["starts"], 0);
}

/// `loader.trusted_types_default`: the block creates the page's `default` policy just before it
/// loads, so the vendor's string assignments pass, for SaleSmartly's origins only; with the
/// directive `csp --trusted-types PROFILE` prints, under a nonce policy too, in both forms. A page
/// that does not allow it gets one warning; a page with a default policy of its own keeps it.
fn the_opt_in_default_policy_lets_the_vendors_scripts_load_and_nothing_else() {
    let browser = Browser::start();
    // After the widget started: what the default policy does with other strings.
    let probe_default = "window.__probe.notes.violations = window.__probe.violations.slice(); var s = document.createElement('script'); \
        try { s.src = 'https://evil.example/x.js'; window.__probe.notes.other = 'assigned'; } catch (e) { window.__probe.notes.other = e.name; } \
        try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); window.__probe.notes.html = 'assigned'; } catch (e) { window.__probe.notes.html = e.name; }";
    let nonce = "R4nd0m+N0nce/==";
    for (form, loader) in install_forms() {
        let file = temp_profile(
            "p.ssq.toml",
            &format!("[loader]\n{loader}\ntrusted_types_default = true\n[launcher]\nopen_selector = \"#help\"\n"),
        );
        let directive = ssq_gen().args(["csp", "--trusted-types"]).arg(&file.path).output().unwrap();
        let directive = String::from_utf8(directive.stdout).unwrap();
        assert_eq!(directive, "trusted-types ssq-gen default\n", "{form}");
        let text = std::fs::read_to_string(&file.path).unwrap();

        let mut allowed = page_of(render("p.toml", &text), WATCH, directive.trim());
        allowed.after.push_str(probe_default);
        let nonced_watch = WATCH.replace("<script>", &format!("<script nonce=\"{nonce}\">"));
        let mut nonced = page_of(render_with("p.toml", &text, &["--nonce", nonce]), &nonced_watch, directive.trim());
        nonced.nonce = Some(nonce.into());
        nonced.csp = Some(format!("script-src 'nonce-{nonce}' 'strict-dynamic'; {}", nonced.csp.unwrap()));
        let refused = page_of(render("p.toml", &text), WATCH, "trusted-types ssq-gen");
        // The page's own default policy, made before the block: it stays the page's.
        let own = "<script>window.__own = trustedTypes.createPolicy('default', { createScriptURL: function (u) { window.__probe.notes.ownPolicy = (window.__probe.notes.ownPolicy || 0) + 1; return u; } });</script>";
        let mut theirs = page_of(render("p.toml", &text), WATCH, directive.trim());
        theirs.snippets.insert(1, own.into());

        let reports = browser.load_all(&[
            (&format!("tt-default-{form}.html"), &allowed, Network::Normal),
            (&format!("tt-default-nonce-{form}.html"), &nonced, Network::Normal),
            (&format!("tt-default-refused-{form}.html"), &refused, Network::Normal),
            (&format!("tt-default-theirs-{form}.html"), &theirs, Network::Normal),
        ]);
        // Before the page tried other strings (which are refused, and reported as violations).
        let violations = [&reports[0]["probe"]["notes"]["violations"], &reports[1]["probe"]["violations"]];
        for ((case, report), violations) in ["allowed", "nonce"].iter().zip(&reports).zip(violations) {
            assert_eq!(report["probe"]["errors"], json!([]), "{form} {case}");
            assert_eq!(violations, &json!([]), "{form} {case}: no Trusted Types violation");
            assert_eq!(report["starts"], 1, "{form} {case}: the widget starts: {report}");
            assert_eq!(report["probe"]["notes"]["warns"], json!([]), "{form} {case}");
        }
        let notes = &reports[0]["probe"]["notes"];
        assert_eq!(notes["other"], "TypeError", "{form}: another origin's script URL is refused");
        assert_eq!(notes["html"], "TypeError", "{form}: the default policy makes no HTML");

        let refused = &reports[2];
        let warns = refused["probe"]["notes"]["warns"].as_array().unwrap();
        assert_eq!(warns.len(), 1, "{form}: {warns:?}");
        assert!(warns[0].as_str().unwrap().contains("add `trusted-types ssq-gen default`"), "{warns:?}");

        let theirs = &reports[3];
        assert_eq!(theirs["probe"]["errors"], json!([]), "{form}: the page's own policy: nothing thrown");
        assert_eq!(theirs["probe"]["notes"]["warns"], json!([]), "{form}");
        assert_eq!(theirs["starts"], 1, "{form}: {theirs}");
        if form == "script" {
            assert!(theirs["probe"]["notes"]["ownPolicy"].as_u64().unwrap() >= 1, "{form}: the page's policy was used");
        }
    }
}

tests! {
    the_block_loads_through_its_own_policy_or_says_what_to_add ["chromium", "python3", "openssl"],
    the_opt_in_default_policy_lets_the_vendors_scripts_load_and_nothing_else ["chromium", "python3", "openssl"],
}
