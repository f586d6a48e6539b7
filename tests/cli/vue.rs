//! The README's Vue recipe, in Chromium with Vue 3 and vue-router from npm (tests/js's lock file,
//! their ES module builds behind an import map, as a Vite build would bundle them): the html block
//! in `index.html` sets up once and follows the router's navigations (`[pages]`); the same block in
//! a component's template never runs, since Vue's compiler drops `<script>` elements.

use crate::browser::{count, drive_all, step};
use crate::support::*;
use serde_json::json;

const PROFILE: &str = "[loader]\nscript_url = \"https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js\"\n\
    [widget]\nhide_icon = true\n[launcher]\nopen_selector = \"#help-btn\"\n[pages]\nskip = [\"/checkout\"]\nopen = [\"/pricing\"]\n";

/// A Vue app with four routes in history mode; `TEMPLATE` is its root component's template.
const APP: &str = r#"<script type="importmap" nonce="helper">{"imports": {"vue": "https://cdn.example/vue.js", "vue-router": "https://cdn.example/vue-router.js"}}</script>
<script type="module" nonce="helper">
import { createApp, h } from "vue";
import { createRouter, createWebHistory, RouterView } from "vue-router";
const page = (name) => ({ render: () => h("main", { id: "page" }, name) });
const router = createRouter({ history: createWebHistory(), routes: ["/", "/about", "/pricing", "/checkout"].map((path) => ({ path, component: page(path) })) });
const app = createApp({ components: { RouterView }, template: TEMPLATE });
app.config.warnHandler = (message) => { window.__page = window.__page || {}; (window.__page.warnings = window.__page.warnings || []).push(message); };
app.use(router);
window.__router = router;
const root = document.createElement("div");
document.body.appendChild(root);
app.mount(root);
</script>"#;

fn the_block_in_index_html_follows_vue_routers_navigations() {
    let block = render("p.ssq.toml", PROFILE);
    let app = APP.replace("TEMPLATE", "'<RouterView />'");
    // The same block pasted into the root component's template (in a string, so `</` is escaped).
    let in_template =
        format!("'<div><RouterView />' + {} + '</div>'", serde_json::to_string(&block).unwrap().replace("</", "<\\/"));
    let in_component = APP.replace("TEMPLATE", &in_template);
    let [routed, dropped] = drive_all(vec![
        json!({"block": block, "head": app, "start": "/", "steps": [
            {"wait": 0.8},
            step("__router.push('/about')"),
            step("__router.push('/pricing')"),
            step("__router.push('/checkout')"),
            {"click": "#help-btn"},
            step("__router.back()"),
            step("__router.push('/')"),
        ]}),
        json!({"block": "", "head": in_component, "start": "/", "steps": [{"wait": 1.0}, step("__router.push('/pricing')")]}),
    ])
    .try_into()
    .unwrap();
    assert_eq!(routed[0]["starts"], 1, "set up once: {}", routed[0]);
    assert_eq!(routed[1]["path"], "/about");
    for (i, report) in routed.iter().enumerate() {
        assert_eq!(report["starts"], 1, "step {i}: still one set-up: {report}");
    }
    assert_eq!(count(&routed[2], "chatOpen"), 1, "router.push to an open path opens the chat");
    assert_eq!(count(&routed[3], "chatClose"), 1, "to a skip path closes it");
    assert_eq!(count(&routed[4], "chatOpen"), 1, "and its launcher is inert there");
    assert_eq!(count(&routed[5], "chatOpen"), 2, "back to /pricing opens it again");

    assert_eq!(dropped[1]["starts"], 0, "a block in a component template never runs: {}", dropped[1]);
    assert_eq!(dropped[1]["vendor_requests"], 0);
    let warnings = dropped[1]["page"]["warnings"].to_string();
    assert!(warnings.contains("ignored"), "Vue says it dropped the script: {warnings}");
}

tests! {
    the_block_in_index_html_follows_vue_routers_navigations ["chromium", "python3", "playwright", "vue"],
}
