//! `ssq-gen preview`'s page: the block `snippet` prints for a profile, inserted exactly once into a
//! page rendered through minijinja (`templates/preview/page.html.j2`), with the data its panel reads.
//! Nothing is ever substituted inside the block, so the page runs the bytes `snippet` prints.

use super::{RenderOptions, environment};
use crate::profile::ValidProfile;
use crate::profile::valid::Loader;
use minijinja::Error;
use minijinja::value::{Serde, Value};
use serde_json::json;

const PAGE_TEMPLATE: &str = "preview/page.html.j2";

/// The panel's script, and the stand-ins for the vendor's scripts: served as they are.
pub const PREVIEW_JS: &str = include_str!("../../templates/preview/preview.js");
pub const WIDGET_JS: &str = include_str!("../../templates/preview/widget.js");
pub const PROJECT_JS: &str = include_str!("../../templates/preview/project.js");

/// A page to serve, and the `script-src` sources `ssq-gen csp` prints for its block.
#[derive(Debug)]
pub struct Page {
    pub html: String,
    pub csp: String,
}

/// The page around the block `snippet` prints for `profile`. `generation` counts the good
/// profiles seen: the page reloads when the server's changes.
pub fn page(profile: &ValidProfile, display_name: &str, live: bool, generation: u64) -> Result<Page, Error> {
    let options = RenderOptions { profile_name: display_name, ..RenderOptions::default() };
    let block = super::render(profile, &options)?;
    let csp = super::csp::sources(profile, &block);
    let script_url = match profile.loader() {
        Loader::ScriptUrl(url) => Some(url.as_str()),
        Loader::License(_) => None,
    };
    let elements: Vec<_> = profile
        .page_elements()
        .into_iter()
        .map(|(what, selector)| json!({"what": what, "selector": selector}))
        .collect();
    let consent = profile.consent().map(|consent| json!({"cmp": consent.cmp, "category": consent.category}));
    let pages = profile.pages();
    let data = json!({
        "consent": consent,
        "pages": !pages.skip.is_empty() || !pages.open.is_empty(),
        "live": live,
        "script_url": script_url,
        "from_page": profile.login_from_page(),
        "elements": elements,
        "generation": generation,
    });
    let html = fill(display_name, live, &data, Some(block.text.trim_end()))?;
    Ok(Page { html, csp })
}

/// Before any good profile: the diagnostics (which the panel fetches), and a reload once the
/// profile is fixed.
pub fn waiting_page() -> Result<String, Error> {
    let data = json!({"live": false, "script_url": null, "from_page": false, "elements": [], "generation": 0});
    fill("the profile has errors", false, &data, None)
}

fn fill(name: &str, live: bool, data: &serde_json::Value, block: Option<&str>) -> Result<String, Error> {
    environment().get_template(PAGE_TEMPLATE)?.render(minijinja::context! {
        name => name,
        live => live,
        waiting => block.is_none(),
        data => Value::from(Serde(data)),
        // `snippet`'s own output, every value in it escaped for its context.
        block => block,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name or a value that looks like the page's own placeholders is text, never a place
    /// to insert something: the block appears once, as `snippet` renders it.
    #[test]
    fn the_block_is_inserted_once_and_nothing_inside_it_changes() {
        let block = "<script>var x = \"{{ block }}\"; var g = \"ssq-preview-generation\";</script>";
        let data = json!({"generation": 7});
        let html = fill("{{BLOCK}} <b>&", false, &data, Some(block)).unwrap();
        assert_eq!(html.matches(block).count(), 1, "{html}");
        assert!(html.contains("<title>ssq-gen preview: {{BLOCK}} &lt;b&gt;&amp;</title>"), "{html}");
        assert!(!html.contains("<b>&"), "{html}");
        assert!(html.contains(r#"{"generation":7}"#), "{html}");
    }

    /// The panel's consent toggle plays every manager the block can wait for.
    #[test]
    fn every_consent_manager_has_a_player_in_the_panel() {
        use crate::sdk::{Cmp, Word};
        for word in Cmp::WORDS {
            assert!(
                PREVIEW_JS.contains(&format!("\n    \"{word}\": {{\n")),
                "templates/preview/preview.js plays no `{word}`"
            );
        }
    }
}
