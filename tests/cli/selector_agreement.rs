//! Selectors judged as the browser judges them: rule SSQ301's verdict against headless Chromium's
//! `querySelector` and `Element.matches` (throws or not), over the corpus of tests/selectors/ (1,087
//! selectors from css-what's collection of the qwery, Sizzle and nwmatcher suites, the WPT selector
//! parsing tests, and selectors real sites use), all in one page load.

use crate::browser::{Browser, Network, Page, clean};

/// Refused on purpose, though the browser accepts them: pseudo-elements never match a clicked
/// element (README, rule SSQ301), whatever their spelling.
fn refused_by_policy(selector: &str) -> bool {
    let lower = selector.to_ascii_lowercase();
    lower.contains("::")
        || [":before", ":after", ":first-line", ":first-letter"].iter().any(|legacy| lower.contains(legacy))
}

fn ssq301_agrees_with_chromium() {
    let corpus: Vec<(String, String)> = serde_json::from_str(include_str!("../selectors/corpus.json")).unwrap();
    let selectors: Vec<&str> = corpus.iter().map(|(selector, _)| selector.as_str()).collect();
    // JSON inside a <script>: no `<` may open a tag.
    let list = serde_json::to_string(&selectors).unwrap().replace('<', "\\u003c");
    let browser = Browser::start();
    let mut page = Page::with(String::new());
    page.before = format!(
        r#"p.notes.accepted = {list}.map(function (s) {{
            try {{ document.querySelector(s); document.documentElement.matches(s); return true; }} catch (e) {{ return false; }}
        }});"#
    );
    let report = browser.load("selectors.html", &page, Network::Normal);
    clean(&report);
    let chromium: Vec<bool> =
        report["probe"]["notes"]["accepted"].as_array().unwrap().iter().map(|v| v.as_bool().unwrap()).collect();
    assert_eq!(chromium.len(), selectors.len());

    let (mut agree, mut false_accepts, mut false_rejects, mut policy) = (0, Vec::new(), Vec::new(), 0);
    for ((selector, source), &browser_accepts) in corpus.iter().zip(&chromium) {
        let ours = ssq_gen::checks::selector::validate(selector).is_ok();
        match (ours, browser_accepts) {
            (a, b) if a == b => agree += 1,
            (false, true) if refused_by_policy(selector) => policy += 1,
            (true, false) => false_accepts.push(format!("{selector:?} ({source})")),
            _ => false_rejects.push(format!("{selector:?} ({source})")),
        }
    }
    let judged = selectors.len() - policy;
    let agreement = agree as f64 / judged as f64 * 100.0;
    eprintln!(
        "selector agreement with Chromium: {agreement:.2} % of {judged} ({} false accepts, {} false rejects; {policy} pseudo-elements refused by policy)",
        false_accepts.len(),
        false_rejects.len()
    );
    assert!(selectors.len() >= 1000);
    assert!(false_accepts.is_empty(), "accepted, but Chromium throws:\n{}", false_accepts.join("\n"));
    assert!(agreement >= 99.0, "{agreement:.2} %; refused, but Chromium accepts:\n{}", false_rejects.join("\n"));
}

tests! {
    ssq301_agrees_with_chromium ["chromium", "python3", "openssl"],
}
