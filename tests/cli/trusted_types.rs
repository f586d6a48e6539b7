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
    let mut page = Page::with(render("p.toml", &profile));
    page.snippets.insert(0, WATCH.to_string());
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

tests! {
    the_block_loads_through_its_own_policy_or_says_what_to_add ["chromium", "python3", "openssl"],
}
