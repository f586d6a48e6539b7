//! `[pages]` and `[consent]` in Chromium (tests/browser/driver.py's `drive` requests): which
//! paths load the widget, single-page-app routes, and nothing before consent, for each consent
//! manager, in both install forms. Each step's report says what the widget's stand-in received,
//! how many requests reached SaleSmartly's host, and what it stored.

use crate::browser::{count, drive_all, step};
use crate::support::*;
use serde_json::{Value, json};

/// The two install forms, with a launcher.
fn loaders() -> [&'static str; 2] {
    [
        "[loader]\nlicense = \"g1vfb1b\"\n",
        "[loader]\nscript_url = \"https://plugin-code.salesmartly.com/js/project_817643_847406_1788056247.js\"\n",
    ]
}

const LAUNCHER: &str = "[widget]\nhide_icon = true\n[launcher]\nopen_selector = \"#help-btn\"\n";

fn block(profile: &str, args: &[&str]) -> String {
    render_with("p.ssq.toml", profile, args)
}

/// Drives one spec: one report per step.
fn drive(spec: Value) -> Vec<Value> {
    drive_all(vec![spec]).pop().unwrap()
}

fn a_skipped_path_loads_nothing_and_an_open_path_opens_once() {
    for loader in loaders() {
        let profile = format!(
            "{loader}{LAUNCHER}[pages]\nskip = [\"/checkout/**\", \"/admin/**\"]\nopen = [\"/pricing\", \"/help/*\"]\n"
        );
        let block = block(&profile, &[]);
        let [skipped, pricing, help, plain] = drive_all(vec![
            json!({"block": block, "start": "/checkout/pay?step=2", "steps": [{"click": "#help-btn"}]}),
            json!({"block": block, "start": "/pricing", "steps": [{}]}),
            json!({"block": block, "start": "/help/returns", "steps": [{}]}),
            json!({"block": block, "start": "/", "steps": [{}]}),
        ])
        .try_into()
        .unwrap();
        assert_eq!(skipped[0]["vendor_requests"], 0, "{loader}: a skipped path makes no request");
        assert_eq!(skipped[0]["starts"], 0);
        for opened in [pricing, help] {
            assert_eq!(count(&opened[0], "chatOpen"), 1, "{loader}: {}", opened[0]);
        }
        assert_eq!(count(&plain[0], "chatOpen"), 0);
        assert_eq!(plain[0]["starts"], 1);
    }
}

/// pushState, replaceState, the back button and hash changes, with the Navigation API and,
/// with it hidden, through history's methods.
fn single_page_routes_count_as_arrivals() {
    let mut cases = Vec::new();
    for hide_navigation in [false, true] {
        for loader in loaders() {
            let profile = format!("{loader}{LAUNCHER}[pages]\nskip = [\"/checkout/**\"]\nopen = [\"/pricing\"]\n");
            let head = match hide_navigation {
                true => {
                    "<script nonce=\"helper\">Object.defineProperty(window, 'navigation', { value: undefined, configurable: true });</script>"
                }
                false => "",
            };
            let spec = json!({"block": block(&profile, &[]), "head": head, "start": "/", "steps": [
                step("history.pushState({}, '', '/pricing')"),
                step("history.replaceState({}, '', '/pricing?tab=2')"),
                step("location.hash = '#plans'"),
                step("history.pushState({}, '', '/about')"),
                step("history.back()"),
                step("history.pushState({}, '', '/checkout/pay')"),
                {"click": "#help-btn"},
                step("history.pushState({}, '', '/')"),
                {"click": "#help-btn"},
            ]});
            cases.push((format!("navigation hidden: {hide_navigation}, {loader}"), spec));
        }
    }
    // Leaving a skipped path loads the widget if it never loaded.
    let profile = format!("{}{LAUNCHER}[pages]\nskip = [\"/checkout/**\"]\n", loaders()[1]);
    let leaving = json!({"block": block(&profile, &[]), "start": "/checkout", "steps": [
        {}, step("history.pushState({}, '', '/thanks')"),
    ]});

    let (hows, mut specs): (Vec<_>, Vec<_>) = cases.into_iter().unzip();
    specs.push(leaving);
    let mut all = drive_all(specs);
    let reports = all.pop().unwrap();
    assert_eq!(reports[0]["vendor_requests"], 0);
    assert_eq!(reports[1]["starts"], 1, "{}", reports[1]);
    for (how, reports) in hows.iter().zip(all) {
        assert_eq!(count(&reports[0], "chatOpen"), 1, "{how}: arriving at /pricing");
        assert_eq!(count(&reports[1], "chatOpen"), 1, "{how}: replaceState keeps the path");
        assert_eq!(count(&reports[2], "chatOpen"), 1, "{how}: a hash change is no arrival");
        assert_eq!(count(&reports[4], "chatOpen"), 2, "{how}: back to /pricing arrives again");
        assert_eq!(count(&reports[5], "chatClose"), 1, "{how}: a skipped path closes the chat");
        assert_eq!(count(&reports[6], "chatOpen"), 2, "{how}: and its launcher is inert");
        assert_eq!(count(&reports[8], "chatOpen"), 3, "{how}: back on a normal path, it works");
    }
}

/// A router that kept `history.pushState` before the block ran (as `bind` keeps it) calls the
/// original, which no wrapper sees: where there is no Navigation API, the path is still noticed.
fn a_pushstate_captured_before_the_block_still_counts() {
    let hide = "Object.defineProperty(window, 'navigation', { value: undefined, configurable: true });";
    let mut specs = Vec::new();
    for loader in loaders() {
        let profile = format!("{loader}{LAUNCHER}[pages]\nskip = [\"/checkout/**\"]\nopen = [\"/pricing\"]\n");
        let head = format!("<script nonce=\"helper\">{hide} window.__push = history.pushState.bind(history);</script>");
        specs.push(json!({"block": block(&profile, &[]), "head": head, "start": "/", "steps": [
            step("window.__push({}, '', '/pricing')"),
            step("window.__push({}, '', '/checkout/pay')"),
            {"click": "#help-btn"},
        ]}));
    }
    for (loader, reports) in loaders().iter().zip(drive_all(specs)) {
        assert_eq!(count(&reports[0], "chatOpen"), 1, "{loader}: /help opens the chat: {}", reports[0]);
        assert_eq!(count(&reports[1], "chatClose"), 1, "{loader}: /checkout is skipped: {}", reports[1]);
        assert_eq!(count(&reports[2], "chatOpen"), 1, "{loader}: and its launcher is inert");
    }
}

/// The page's own pushState wrappers, installed before and after the block, keep working, and
/// pushState returns and throws what it did.
fn wrapping_history_is_invisible_to_the_page() {
    let profile = format!("{}{LAUNCHER}[pages]\nopen = [\"/pricing\"]\n", loaders()[0]);
    let wrapper = |name: &str| {
        format!(
            "(function () {{ var original = history.pushState; history.pushState = function () {{ window.__page = window.__page || {{}}; window.__page.{name} = (window.__page.{name} || 0) + 1; return original.apply(this, arguments); }}; }})();"
        )
    };
    let head = format!(
        "<script nonce=\"helper\">Object.defineProperty(window, 'navigation', {{ value: undefined, configurable: true }}); {}</script>",
        wrapper("before")
    );
    let check = "window.__page = window.__page || {}; window.__page.returned = String(history.pushState({}, '', '/pricing'));\
        try { history.pushState({}, '', 'https://elsewhere.example/'); window.__page.threw = 'no'; } catch (e) { window.__page.threw = e.name; }";
    let reports = drive(json!({"block": block(&profile, &[]), "head": head, "start": "/", "steps": [
        step(&wrapper("after")),
        step(check),
    ]}));
    let page = &reports[1]["page"];
    assert_eq!(page["before"], 2, "{page}");
    assert_eq!(page["after"], 2, "{page}");
    assert_eq!(page["returned"], "undefined");
    assert_eq!(page["threw"], "SecurityError");
    assert_eq!(count(&reports[1], "chatOpen"), 1);
}

/// How each consent manager is told to accept, reject and withdraw, as a page's code would.
struct Manager {
    cmp: &'static str,
    category: &'static str,
    /// Loads and configures it (before the block).
    head: &'static str,
    accept: &'static str,
    reject: &'static str,
    withdraw: &'static str,
}

const MANAGERS: &[Manager] = &[
    Manager {
        cmp: "event",
        category: "",
        head: "",
        accept: "document.dispatchEvent(new CustomEvent('ssq:consent'))",
        reject: "void 0",
        withdraw: "document.dispatchEvent(new CustomEvent('ssq:consent-withdrawn'))",
    },
    // The real vanilla-cookieconsent v3, from npm (tests/js's lock file). `hideFromBots: false`:
    // by default it does not run where navigator.webdriver is set, as under Playwright. It runs
    // once the page is parsed, after the block, as most sites start it.
    Manager {
        cmp: "cookieconsent",
        category: "functionality",
        head: r#"<script nonce="helper" src="https://cdn.example/cookieconsent.umd.js"></script>
<script nonce="helper">document.addEventListener("DOMContentLoaded", function () {
  CookieConsent.run({ hideFromBots: false, categories: { necessary: { enabled: true, readOnly: true }, functionality: {} },
  language: { default: "en", translations: { en: { consentModal: { title: "Cookies", acceptAllBtn: "Accept", acceptNecessaryBtn: "Reject" },
  preferencesModal: { title: "Preferences", sections: [] } } } } }); });</script>"#,
        accept: "CookieConsent.acceptCategory('all')",
        reject: "CookieConsent.acceptCategory([])",
        withdraw: "CookieConsent.acceptCategory([])",
    },
    // The real Klaro, from npm.
    Manager {
        cmp: "klaro",
        category: "salesmartly",
        head: r#"<script nonce="helper">window.klaroConfig = { storageMethod: "cookie", services: [{ name: "salesmartly", purposes: ["functional"] }] };</script>
<script nonce="helper" src="https://cdn.example/klaro.js"></script>"#,
        accept: "var m = klaro.getManager(); m.updateConsent('salesmartly', true); m.saveAndApplyConsents()",
        reject: "var m = klaro.getManager(); m.updateConsent('salesmartly', false); m.saveAndApplyConsents()",
        withdraw: "var m = klaro.getManager(); m.updateConsent('salesmartly', false); m.saveAndApplyConsents()",
    },
    // A stand-in written from Cookiebot's developer documentation
    // (https://www.cookiebot.com/en/developer/): `Cookiebot.consent.<category>` booleans, and the
    // `CookiebotOnAccept` / `CookiebotOnDecline` events on window.
    Manager {
        cmp: "cookiebot",
        category: "preferences",
        head: r#"<script nonce="helper">window.Cookiebot = { consent: { necessary: true, preferences: false, statistics: false, marketing: false } };</script>"#,
        accept: "Cookiebot.consent.preferences = true; window.dispatchEvent(new Event('CookiebotOnAccept'))",
        reject: "Cookiebot.consent.preferences = false; window.dispatchEvent(new Event('CookiebotOnDecline'))",
        withdraw: "Cookiebot.consent.preferences = false; window.dispatchEvent(new Event('CookiebotOnDecline'))",
    },
    // A stand-in written from OneTrust's documentation (my.onetrust.com, "Cookie consent: the
    // OnetrustActiveGroups variable and the OneTrustGroupsUpdated event"): the consented group
    // ids, comma-separated, and an event on window when they change.
    Manager {
        cmp: "onetrust",
        category: "C0003",
        head: r#"<script nonce="helper">window.OnetrustActiveGroups = ",C0001,";</script>"#,
        accept: "window.OnetrustActiveGroups = ',C0001,C0003,'; window.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: ['C0001', 'C0003'] }))",
        reject: "window.OnetrustActiveGroups = ',C0001,'; window.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: ['C0001'] }))",
        withdraw: "window.OnetrustActiveGroups = ',C0001,'; window.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: ['C0001'] }))",
    },
    // Google Consent Mode v2 as a consent manager drives it: `gtag('consent', 'default', …)` before
    // the block, `update` on the visitor's choice (developers.google.com/tag-platform/security/
    // guides/consent). gtag is the page's own two lines, as Google's snippet writes them.
    Manager {
        cmp: "consent-mode",
        category: "functionality_storage",
        head: CONSENT_MODE_DEFAULT,
        accept: "gtag('consent', 'update', { functionality_storage: 'granted' })",
        reject: "gtag('consent', 'update', { functionality_storage: 'denied', ad_storage: 'denied' })",
        withdraw: "gtag('consent', 'update', { functionality_storage: 'denied' })",
    },
    // Stand-ins written from each vendor's developer documentation (cited in the partials): each
    // loads after the block (once the page is parsed), keeps the visitor's choice in a cookie of
    // its own, and tells of a change with its documented event, once.
    Manager {
        cmp: "cookieyes",
        category: "functional",
        head: r#"<script nonce="helper">document.addEventListener("DOMContentLoaded", function () {
  function chose() { var m = document.cookie.match(/cky-functional=(yes|no)/); return m && m[1]; }
  window.getCkyConsent = function () { return { activeLaw: "gdpr", categories: { necessary: true, functional: chose() === "yes", analytics: false, performance: false, advertisement: false }, isUserActionCompleted: !!chose(), consentID: "c1", languageCode: "en" }; };
  window.__choose = function (yes) { document.cookie = "cky-functional=" + (yes ? "yes" : "no") + "; path=/";
    document.dispatchEvent(new CustomEvent("cookieyes_consent_update", { detail: { accepted: yes ? ["necessary", "functional"] : ["necessary"], rejected: yes ? [] : ["functional"] } })); };
  document.dispatchEvent(new CustomEvent("cookieyes_banner_load", { detail: window.getCkyConsent() })); });</script>"#,
        accept: "__choose(true)",
        reject: "__choose(false)",
        withdraw: "__choose(false)",
    },
    Manager {
        cmp: "complianz",
        category: "preferences",
        head: r#"<script nonce="helper">document.addEventListener("DOMContentLoaded", function () {
  window.cmplz_has_consent = function (category) { if (category === "functional") { return true; } return document.cookie.indexOf("cmplz_" + category + "=allow") >= 0; };
  window.__choose = function (yes) { document.cookie = "cmplz_preferences=" + (yes ? "allow" : "deny") + "; path=/";
    document.dispatchEvent(new CustomEvent("cmplz_status_change", { detail: { category: "preferences", value: yes ? "allow" : "deny" } })); }; });</script>"#,
        accept: "__choose(true)",
        reject: "__choose(false)",
        withdraw: "__choose(false)",
    },
    // The API's own logic (wp_has_consent: opt-in, so only `allow` in its cookie counts), as its
    // script defines it, with the consent type a consent plugin sets.
    Manager {
        cmp: "wp-consent-api",
        category: "preferences",
        head: r#"<script nonce="helper">document.addEventListener("DOMContentLoaded", function () {
  window.wp_consent_type = "optin";
  window.wp_has_consent = function (category) { var m = document.cookie.match(new RegExp("wp_consent_" + category + "=(allow|deny)")); return !!m && m[1] === "allow"; };
  window.__choose = function (yes) { document.cookie = "wp_consent_preferences=" + (yes ? "allow" : "deny") + "; path=/";
    var detail = {}; detail.preferences = yes ? "allow" : "deny";
    document.dispatchEvent(new CustomEvent("wp_listen_for_consent_change", { detail: detail })); }; });</script>"#,
        accept: "__choose(true)",
        reject: "__choose(false)",
        withdraw: "__choose(false)",
    },
    // Didomi's documented shape (developers.didomi.io/cmp/web-sdk): `didomiOnReady` callbacks,
    // `getCurrentUserStatus().vendors[id].enabled`, `on("consent.changed")`.
    Manager {
        cmp: "didomi",
        category: "c:salesmartly",
        head: r#"<script nonce="helper">document.addEventListener("DOMContentLoaded", function () {
  var listeners = [];
  function chose() { var m = document.cookie.match(/didomi-choice=(yes|no)/); return m && m[1]; }
  var Didomi = { isConsentRequired: function () { return true; },
    getCurrentUserStatus: function () { return { vendors: { "c:salesmartly": { id: "c:salesmartly", enabled: chose() === "yes" } }, purposes: {} }; },
    on: function (name, listener) { if (name === "consent.changed") { listeners.push(listener); } } };
  window.Didomi = Didomi;
  var waiting = window.didomiOnReady || [];
  window.didomiOnReady = { push: function (callback) { callback(Didomi); } };
  for (var i = 0; i < waiting.length; i++) { waiting[i](Didomi); }
  window.__choose = function (yes) { document.cookie = "didomi-choice=" + (yes ? "yes" : "no") + "; path=/";
    for (var j = 0; j < listeners.length; j++) { listeners[j]({ type: "consent.changed" }); } }; });</script>"#,
        accept: "__choose(true)",
        reject: "__choose(false)",
        withdraw: "__choose(false)",
    },
    // Shopify's Customer Privacy API as documented (shopify.dev/docs/api/customer-privacy):
    // `loadFeatures` answers asynchronously, then `customerPrivacy`'s getters;
    // `visitorConsentCollected` on document.
    Manager {
        cmp: "shopify",
        category: "preferences",
        head: r#"<script nonce="helper">document.addEventListener("DOMContentLoaded", function () {
  function chose() { var m = document.cookie.match(/shopify-preferences=(yes|no)/); return m && m[1]; }
  window.Shopify = { loadFeatures: function (features, callback) { setTimeout(function () {
    window.Shopify.customerPrivacy = { preferencesProcessingAllowed: function () { return chose() === "yes"; },
      analyticsProcessingAllowed: function () { return false; }, marketingAllowed: function () { return false; } };
    callback(); }, 50); } };
  window.__choose = function (yes) { document.cookie = "shopify-preferences=" + (yes ? "yes" : "no") + "; path=/";
    document.dispatchEvent(new CustomEvent("visitorConsentCollected", { detail: { preferencesAllowed: yes, analyticsAllowed: false, marketingAllowed: false } })); }; });</script>"#,
        accept: "__choose(true)",
        reject: "__choose(false)",
        withdraw: "__choose(false)",
    },
    // Usercentrics v3 as its browser API documents it (docs.usercentrics.com, `__ucCmp`):
    // `getConsentDetails()` resolves to the services, keyed by id, each with `name` and
    // `consent.given`; `UC_UI_INITIALIZED` when it is up, `UC_CONSENT` (detail: the same object)
    // on a choice. The service is named by its name.
    Manager {
        cmp: "usercentrics",
        category: "SaleSmartly",
        head: r#"<script nonce="helper">document.addEventListener("DOMContentLoaded", function () {
  function chose() { var m = document.cookie.match(/uc-salesmartly=(yes|no)/); return m && m[1]; }
  function details() { return { consent: { status: chose() === "yes" ? "SOME_ACCEPTED" : "SOME_DENIED", required: !chose() }, categories: {},
    services: { Hk2ns8a3X: { name: "SaleSmartly", category: "functional", essential: false, consent: { given: chose() === "yes", type: "EXPLICIT" } },
      H1Vl5NidjWX: { name: "Usercentrics Consent Management Platform", essential: true, consent: { given: true, type: "IMPLICIT" } } } }; }
  window.__ucCmp = { isInitialized: function () { return Promise.resolve(true); },
    getConsentDetails: function () { return new Promise(function (resolve) { setTimeout(function () { resolve(details()); }, 10); }); } };
  window.dispatchEvent(new CustomEvent("UC_UI_INITIALIZED"));
  window.__choose = function (yes) { document.cookie = "uc-salesmartly=" + (yes ? "yes" : "no") + "; path=/";
    window.dispatchEvent(new CustomEvent("UC_CONSENT", { detail: details() })); }; });</script>"#,
        accept: "__choose(true)",
        reject: "__choose(false)",
        withdraw: "__choose(false)",
    },
    // Usercentrics v2 (`UC_UI`, as public integrations such as nuxt/scripts read it):
    // `getServicesBaseInfo()`, each with `id`, `name` and `consent.status`; `UC_UI_CMP_EVENT` on a
    // choice. The service is named by its id.
    Manager {
        cmp: "usercentrics",
        category: "Hk2ns8a3X",
        head: r#"<script nonce="helper">document.addEventListener("DOMContentLoaded", function () {
  function chose() { var m = document.cookie.match(/uc-salesmartly=(yes|no)/); return m && m[1]; }
  window.UC_UI = { isInitialized: function () { return true; }, getServicesBaseInfo: function () {
    return [{ id: "H1Vl5NidjWX", name: "Usercentrics Consent Management Platform", consent: { status: true } },
      { id: "Hk2ns8a3X", name: "SaleSmartly", consent: { status: chose() === "yes" } }]; } };
  window.dispatchEvent(new CustomEvent("UC_UI_INITIALIZED"));
  window.__choose = function (yes) { document.cookie = "uc-salesmartly=" + (yes ? "yes" : "no") + "; path=/";
    window.dispatchEvent(new CustomEvent("UC_UI_CMP_EVENT", { detail: { source: "SECOND_LAYER", type: "SAVE" } })); }; });</script>"#,
        accept: "__choose(true)",
        reject: "__choose(false)",
        withdraw: "__choose(false)",
    },
    // iubenda's Cookie Solution as its guide documents it (iubenda.com/en/help/1205): the site's
    // `_iub.csConfiguration`, with a callback of its own, before iubenda_cs.js loads;
    // `_iub.cs.api.getPreferences().purposes`; `onReady` when it is up, `onPreferenceExpressed`
    // on a choice. No `category`: purpose 3, the default.
    Manager {
        cmp: "iubenda",
        category: "",
        head: r#"<script nonce="helper">var _iub = _iub || []; _iub.csConfiguration = { siteId: 1, cookiePolicyId: 2, lang: "en", perPurposeConsent: true,
  callback: { onPreferenceExpressed: function () { window.sitesOwnCallback = (window.sitesOwnCallback || 0) + 1; } } };
document.addEventListener("DOMContentLoaded", function () {
  function chose() { var m = document.cookie.match(/iub-3=(yes|no)/); return m && m[1]; }
  function preferences() { return { consent: chose() === "yes", purposes: { 1: true, 2: false, 3: chose() === "yes", 4: false, 5: false } }; }
  _iub.cs = { api: { getPreferences: preferences, isConsentGiven: function () { return chose() === "yes"; } } };
  var callback = _iub.csConfiguration.callback || {};
  if (typeof callback.onReady === "function") { callback.onReady(); }
  window.__choose = function (yes) { document.cookie = "iub-3=" + (yes ? "yes" : "no") + "; path=/";
    var callback = _iub.csConfiguration.callback || {};
    if (typeof callback.onPreferenceExpressed === "function") { callback.onPreferenceExpressed(preferences()); } }; });</script>"#,
        // The site's own callback still runs, chained: a step that throws fails the drive.
        accept: "__choose(true); if (!window.sitesOwnCallback) { throw new Error('the site callback did not run'); }",
        reject: "__choose(false)",
        withdraw: "__choose(false)",
    },
];

/// A manager's `default` call, denied, before the block: what Google asks every site to do.
const CONSENT_MODE_DEFAULT: &str = "<script nonce=\"helper\">window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments); }\n\
    gtag('consent', 'default', { ad_storage: 'denied', functionality_storage: 'denied', wait_for_update: 500 });</script>";

fn consent_profile(loader: &str, manager: &Manager) -> String {
    let category = match manager.category {
        "" => String::new(),
        category => format!("category = \"{category}\"\n"),
    };
    format!("{loader}{LAUNCHER}[consent]\ncmp = \"{}\"\n{category}", manager.cmp)
}

/// Before consent nothing reaches SaleSmartly and nothing is stored, and a click asks for it;
/// accepting sets up once; withdrawing closes the chat, forgets the visitor and stops.
fn nothing_before_consent_then_everything_once() {
    let mut cases = Vec::new();
    for manager in MANAGERS {
        for loader in loaders() {
            let how = format!("{} {}", manager.cmp, loader.lines().nth(1).unwrap());
            let spec = json!({
                "block": block(&consent_profile(loader, manager), &[]), "head": manager.head, "start": "/",
                "steps": [{"wait": 0.8}, {"click": "#help-btn"}, step(manager.accept), {"click": "#help-btn"},
                          step(manager.withdraw), {"click": "#help-btn"}],
            });
            cases.push((how, spec));
        }
    }
    let (hows, specs): (Vec<_>, Vec<_>) = cases.into_iter().unzip();
    for (how, reports) in hows.iter().zip(drive_all(specs)) {
        let before = &reports[1];
        assert_eq!(before["vendor_requests"], 0, "{how}: before consent");
        assert_eq!(before["storage_now"], before["storage_before"], "{how}: nothing stored before consent");
        assert_eq!(before["needed"], 1, "{how}: the click asked for consent");
        let accepted = &reports[3];
        assert_eq!(accepted["starts"], 1, "{how}: set up once: {accepted}");
        assert_eq!(accepted["widget_stored"], true, "{how}: the stand-in widget stores, so the check above can fail");
        assert_eq!(count(accepted, "chatOpen"), 1, "{how}: the launcher works");
        let withdrawn = &reports[4];
        let commands = withdrawn["commands"].as_array().unwrap();
        assert_eq!(commands[commands.len() - 2..], [json!("chatClose"), json!("clearUser")], "{how}: {withdrawn}");
        assert_eq!(reports[5]["commands"], withdrawn["commands"], "{how}: nothing more is sent");
        assert_eq!(reports[5]["needed"], 2, "{how}");
    }
}

fn a_rejection_or_no_manager_loads_nothing_and_a_returning_visitor_starts_at_once() {
    let mut specs = Vec::new();
    for manager in MANAGERS {
        let loader = loaders()[1];
        let block = block(&consent_profile(loader, manager), &[]);
        specs.push(json!({"block": block, "head": manager.head, "start": "/",
            "steps": [step(manager.reject), {"click": "#help-btn"}]}));

        // Consent given on an earlier page: the manager knows at once (for `event`, the page says
        // so with window.ssqConsent before the block; the stand-ins are set before it too).
        let returning_head = match manager.cmp {
            "event" => "<script nonce=\"helper\">window.ssqConsent = true;</script>".to_string(),
            "cookiebot" => manager.head.replace("preferences: false", "preferences: true"),
            "onetrust" => manager.head.replace(",C0001,", ",C0001,C0003,"),
            // The manager restores the stored choice right after its default.
            "consent-mode" => manager.head.replace("</script>", &format!("{};</script>", manager.accept)),
            _ => manager.head.to_string(),
        };
        let steps = match manager.cmp {
            "cookieconsent" | "klaro" | "cookieyes" | "complianz" | "wp-consent-api" | "didomi" | "shopify"
            | "usercentrics" | "iubenda" => {
                json!([step(manager.accept), {"reload": true, "wait": 0.8}])
            }
            _ => json!([{"wait": 0.8}]),
        };
        specs.push(json!({"block": block, "head": returning_head, "start": "/", "steps": steps}));

        // A manager that never loads (blocked, or left out of the page): nothing starts, a click
        // still asks, and nothing throws (drive_all fails on a page error).
        specs.push(json!({"block": block, "start": "/", "steps": [{"wait": 0.8}, {"click": "#help-btn"}]}));
    }
    let reports = drive_all(specs);
    for (manager, three) in MANAGERS.iter().zip(reports.chunks(3)) {
        let [rejected, returning, absent] = three else { unreachable!() };
        assert_eq!(rejected[1]["vendor_requests"], 0, "{}: rejected", manager.cmp);
        assert_eq!(rejected[1]["widget_stored"], false, "{}", manager.cmp);
        let last = returning.last().unwrap();
        assert_eq!(last["starts"], 1, "{}: a returning visitor: {last}", manager.cmp);
        assert_eq!(absent[1]["vendor_requests"], 0, "{}: no manager", manager.cmp);
        assert_eq!(absent[1]["needed"], 1, "{}: no manager, and a click asks", manager.cmp);
    }
}

/// Consent and the other gates combine: `interaction` waits for an interaction after consent, a
/// skipped path stays skipped, and a strict CSP (a nonce, or the printed hashes) still allows it.
fn consent_combines_with_load_modes_pages_and_csp() {
    let event = &MANAGERS[0];
    let profile = format!(
        "{}load = \"interaction\"\n{LAUNCHER}[consent]\ncmp = \"event\"\n[pages]\nskip = [\"/checkout/**\"]\n",
        loaders()[1]
    );
    let mut specs = vec![
        json!({"block": block(&profile, &[]), "start": "/", "steps": [
            step(event.accept), {"click": "#contact", "wait": 0.6},
        ]}),
        json!({"block": block(&profile, &[]), "start": "/checkout", "steps": [step(event.accept), {"click": "#help-btn"}]}),
    ];
    let mut hows = Vec::new();
    for loader in loaders() {
        let profile = consent_profile(loader, event);
        let nonced = block(&profile, &["--nonce", "helper"]);
        let csp = "script-src 'nonce-helper' https://plugin-code.salesmartly.com https://cdn.example";
        specs.push(json!({"block": nonced, "csp": csp, "start": "/", "steps": [{}, step(event.accept)]}));
        hows.push(format!("{loader} with a nonce"));

        let file = temp_profile("p.ssq.toml", &profile);
        let sources = ssq_gen().arg("csp").arg(&file.path).output().unwrap();
        let csp = format!("script-src {} 'nonce-helper'", String::from_utf8(sources.stdout).unwrap().trim());
        specs.push(json!({"block": block(&profile, &[]), "csp": csp, "start": "/", "steps": [{}, step(event.accept)]}));
        hows.push(format!("{loader} with the hashes"));
    }
    let all = drive_all(specs);
    let (interaction, skipped) = (&all[0], &all[1]);
    assert_eq!(interaction[0]["vendor_requests"], 0, "consent alone does not load in interaction mode");
    assert!(interaction[1]["vendor_requests"].as_u64().unwrap() > 0, "the first interaction after it does");
    assert_eq!(skipped[1]["vendor_requests"], 0, "consent on a skipped path loads nothing");
    for (how, reports) in hows.iter().zip(&all[2..]) {
        assert_eq!((&reports[0]["vendor_requests"], &reports[1]["starts"]), (&json!(0), &json!(1)), "{how}");
    }
}

/// Consent Mode as Google reads it: the last `update` decides, else the defaults; a default scoped
/// to a region counts only when it denies; a type no call names is denied; a page that replaces
/// `dataLayer`, or wraps its `push` after the block (as Tag Manager does), is still heard; and
/// `push` returns what it returned.
fn consent_mode_reads_the_data_layer_as_google_does() {
    let manager = MANAGERS.iter().find(|m| m.cmp == "consent-mode").unwrap();
    let block = block(&consent_profile(loaders()[0], manager), &[]);
    let gtag = "<script nonce=\"helper\">window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments); }";
    let head = |calls: &str| format!("{gtag}\n{calls}</script>");
    let update_granted = step("gtag('consent', 'update', { functionality_storage: 'granted' })");
    let cases = [
        // (how, head, steps, starts after each step; with one fewer, after the first and the last)
        (
            "GTM order: default denied before the block, update granted after it",
            head("gtag('consent', 'default', { functionality_storage: 'denied' });"),
            json!([{"wait": 0.6}, update_granted]),
            vec![0, 1],
        ),
        (
            "a default granted in some regions only is not consent",
            head("gtag('consent', 'default', { functionality_storage: 'granted', region: ['US-CA'] });"),
            json!([{"wait": 0.6}, update_granted]),
            vec![0, 1],
        ),
        (
            "a default denied in some regions outweighs a global grant",
            head(
                "gtag('consent', 'default', { functionality_storage: 'denied', region: ['DE', 'FR'] }); gtag('consent', 'default', { functionality_storage: 'granted' });",
            ),
            json!([{"wait": 0.6}]),
            vec![0],
        ),
        (
            "a global default granted is consent",
            head("gtag('consent', 'default', { functionality_storage: 'granted' });"),
            json!([{"wait": 0.6}]),
            vec![1],
        ),
        (
            "a default after an update withdraws nothing",
            head("gtag('consent', 'update', { functionality_storage: 'granted' });"),
            json!([{"wait": 0.6}, step("gtag('consent', 'default', { functionality_storage: 'denied' })")]),
            vec![1, 1],
        ),
        (
            "another type granted is not this one",
            head("gtag('consent', 'default', { ad_storage: 'granted', analytics_storage: 'granted' });"),
            json!([{"wait": 0.6}, step("gtag('consent', 'update', { ad_storage: 'granted' })")]),
            vec![0, 0],
        ),
        (
            "no dataLayer before the block; the manager's gtag arrives later",
            String::new(),
            json!([{"wait": 0.4}, step("window.dataLayer = window.dataLayer || []; window.gtag = function () { dataLayer.push(arguments); }; gtag('consent', 'update', { functionality_storage: 'granted' })")]),
            vec![0, 1],
        ),
        (
            "the page replaces dataLayer after the block",
            head("gtag('consent', 'default', { functionality_storage: 'denied' });"),
            json!([step("window.dataLayer = []"), {"wait": 0.5}, update_granted]),
            vec![0, 0, 1],
        ),
        (
            "the page replaces dataLayer and pushes at once",
            head("gtag('consent', 'default', { functionality_storage: 'denied' });"),
            json!([{"wait": 0.3}, step("window.dataLayer = []; gtag('consent', 'update', { functionality_storage: 'granted' })"), {"wait": 0.5}]),
            vec![0, 1],
        ),
        (
            "Tag Manager wraps push after the block, and odd entries are pushed",
            head("gtag('consent', 'default', { functionality_storage: 'denied' });"),
            json!([
                step(
                    "window.__page = {}; var inner = dataLayer.push; dataLayer.push = function () { window.__page.gtm = (window.__page.gtm || 0) + 1; return inner.apply(dataLayer, arguments); };\
                window.__page.returned = dataLayer.push(null, 7, { event: 'x' }, Object.defineProperty({}, 0, { get: function () { throw new Error('odd'); } }));"
                ),
                update_granted
            ]),
            vec![0, 1],
        ),
    ];
    let specs = cases
        .iter()
        .map(|(_, head, steps, _)| json!({"block": block, "head": head, "start": "/", "steps": steps}))
        .collect();
    for ((how, _, _, starts), reports) in cases.iter().zip(drive_all(specs)) {
        let mut seen: Vec<_> = reports.iter().map(|report| report["starts"].as_u64().unwrap()).collect();
        if seen.len() > starts.len() {
            seen = vec![seen[0], seen[seen.len() - 1]];
        }
        assert_eq!(&seen, starts, "{how}: {reports:?}");
        if how.starts_with("Tag Manager") {
            let page = &reports[1]["page"];
            assert_eq!(page["gtm"], 2, "{how}: the page's wrapper still runs: {page}");
            // The array held the default, the gtag call from the head, then four more.
            assert_eq!(page["returned"], 5, "{how}: push returns the array's new length: {page}");
        }
        if starts.contains(&0) {
            assert_eq!(reports[0]["vendor_requests"], 0, "{how}");
        }
    }
}

/// A switch toggled in Klaro's modal and not saved is no consent; saving it is, in both forms.
fn an_unsaved_klaro_choice_is_not_consent() {
    let klaro = MANAGERS.iter().find(|m| m.cmp == "klaro").unwrap();
    let specs = loaders()
        .iter()
        .map(|loader| {
            json!({"block": block(&consent_profile(loader, klaro), &[]), "head": klaro.head, "start": "/", "steps": [
                step("klaro.getManager().updateConsent('salesmartly', true)"), {"wait": 0.6}, {"click": "#help-btn"},
                step("klaro.getManager().saveAndApplyConsents()"),
            ]})
        })
        .collect();
    for (loader, reports) in loaders().iter().zip(drive_all(specs)) {
        assert_eq!(reports[2]["vendor_requests"], 0, "{loader}: toggled, not saved: {}", reports[2]);
        assert_eq!(reports[2]["needed"], 1, "{loader}: a click still asks for consent");
        assert_eq!(reports[3]["starts"], 1, "{loader}: saved: {}", reports[3]);
    }
}

/// A TCF CMP built on the IAB's own `@iabtechlabtcf/cmpapi` and `core` (npm, ES modules), behind
/// the IAB's stub, which queues calls until the CMP loads. TC strings are encoded by `core` with
/// the purposes the visitor chose, and kept in the `euconsent-v2` cookie for a returning visit.
const TCF_HEAD: &str = r#"<script type="importmap" nonce="helper">{"imports": {"@iabtechlabtcf/core": "https://cdn.example/tcf/core/index.js"}}</script>
<script nonce="helper">(function () { var queue = []; window.__tcfapi = function () { if (!arguments.length) { return queue; } queue.push([].slice.call(arguments)); }; })();</script>
<script type="module" nonce="helper">
import { CmpApi } from "https://cdn.example/tcf/cmpapi/index.js";
import { TCModel, TCString, GVL } from "@iabtechlabtcf/core";
const purposes = {};
for (let id = 1; id <= 11; id++) { purposes[id] = { id, name: "Purpose " + id, description: "", illustrations: [] }; }
const gvl = new GVL({ gvlSpecificationVersion: 3, vendorListVersion: 1, tcfPolicyVersion: 5, lastUpdated: "2026-01-01T00:00:00Z",
  purposes, specialPurposes: {}, features: {}, specialFeatures: {}, vendors: {}, stacks: {}, dataCategories: {} });
const cmp = new CmpApi(300, 1, true);
function encode(ids) { const model = new TCModel(gvl); model.cmpId = 300; model.cmpVersion = 1; model.purposeConsents.set(ids); return TCString.encode(model); }
window.__choose = function (ids) { const tc = encode(ids); document.cookie = "euconsent-v2=" + tc + "; path=/"; cmp.update(tc, false); };
window.__noGdpr = function () { cmp.update(null); };
const stored = document.cookie.match(/euconsent-v2=([^;]+)/);
if (stored) { cmp.update(stored[1], false); } else { cmp.update("", true); }
</script>"#;

/// TCF: nothing before consent to every purpose named, set-up once on it, withdrawal, a returning
/// visitor, GDPR not applying, a CMP that loads after the block with no stub, in both forms.
fn a_tcf_cmp_is_heard_through_the_iabs_own_api() {
    let mut specs = Vec::new();
    for loader in loaders() {
        let profile = format!("{loader}{LAUNCHER}[consent]\ncmp = \"tcf\"\npurposes = [1, 3]\n");
        let block = block(&profile, &[]);
        specs.push(json!({"block": block, "head": TCF_HEAD, "start": "/", "steps": [
            {"wait": 0.6}, step("__choose([1])"), {"click": "#help-btn"}, step("__choose([1, 3])"), {"click": "#help-btn"},
            step("__choose([3])"), {"reload": true, "wait": 0.3}, step("__choose([1, 3, 4])"), {"reload": true, "wait": 0.8},
        ]}));
        specs.push(
            json!({"block": block, "head": TCF_HEAD, "start": "/", "steps": [{"wait": 0.3}, step("__noGdpr()")]}),
        );
        // No stub: the CMP's module is added after the page loaded.
        let stub = TCF_HEAD.lines().nth(1).unwrap();
        // Its module, kept as text until a step adds it.
        let late = TCF_HEAD
            .replace(stub, "")
            .replace("<script type=\"module\" nonce=\"helper\">", "<script type=\"text/plain\" id=\"cmp\">");
        let add_cmp = "var s = document.createElement('script'); s.type = 'module'; s.nonce = 'helper'; s.textContent = document.getElementById('cmp').textContent; document.head.appendChild(s)";
        specs.push(json!({"block": block, "head": late, "start": "/", "steps": [
            {"wait": 1.0}, step(add_cmp), {"wait": 0.8}, step("__choose([1, 3])"),
        ]}));
    }
    let all = drive_all(specs);
    for (loader, runs) in loaders().iter().zip(all.chunks(3)) {
        let [main, no_gdpr, late] = runs else { unreachable!() };
        assert_eq!(main[0]["vendor_requests"], 0, "{loader}: before any choice");
        assert_eq!(main[2]["vendor_requests"], 0, "{loader}: purpose 1 only is not enough: {}", main[2]);
        assert_eq!(main[2]["needed"], 1, "{loader}: a click asks");
        assert_eq!(main[4]["starts"], 1, "{loader}: purposes 1 and 3: {}", main[4]);
        assert_eq!(count(&main[4], "chatOpen"), 1, "{loader}");
        let commands = main[5]["commands"].as_array().unwrap();
        assert_eq!(
            commands[commands.len() - 2..],
            [json!("chatClose"), json!("clearUser")],
            "{loader}: purpose 1 withdrawn"
        );
        assert_eq!(main[6]["starts"], 0, "{loader}: a returning visitor who withdrew: nothing: {}", main[6]);
        assert_eq!(main[8]["starts"], 1, "{loader}: a returning visitor who consented starts at once: {}", main[8]);
        assert_eq!(no_gdpr[1]["starts"], 1, "{loader}: gdprApplies false: {}", no_gdpr[1]);
        assert_eq!(late[1]["vendor_requests"], 0, "{loader}: a CMP loaded late, no choice yet");
        assert_eq!(late[3]["starts"], 1, "{loader}: a CMP with no stub, loaded after the block: {}", late[3]);
    }
}

/// The stand-in widget opens its window 100 ms after `chatOpen`, and says so with `onOpenChat`.
const OPENS_CHAT: &str = "<script nonce=\"helper\">window.__standInOpensChat = 100;</script>";

/// `launcher.page_events`: the page's own code opens, closes and sends with `ssq:open`,
/// `ssq:close` and `ssq:send`, as a click would: consent, `load` and `[pages]` apply, the text
/// waits for the chat window, and an odd event throws nothing.
fn the_page_opens_closes_and_sends_through_events() {
    let fire = |name: &str, detail: &str| {
        step(&format!("document.dispatchEvent(new CustomEvent('{name}', {{ detail: {detail} }}))"))
    };
    let sent = step(
        "window.__page = { sent: __ssqRecord.commands.filter(function (c) { return c[0] === 'sendTextMessage'; }) }",
    );
    let text = "Hi </script> \\u2028 {{ x }}";
    let mut specs = Vec::new();
    for loader in loaders() {
        let profile = format!(
            "{loader}load = \"interaction\"\n[widget]\nhide_icon = true\n[launcher]\npage_events = true\n[consent]\ncmp = \"event\"\n[pages]\nskip = [\"/checkout/**\"]\n"
        );
        let block = block(&profile, &[]);
        specs.push(json!({"block": block, "head": OPENS_CHAT, "start": "/", "steps": [
            fire("ssq:open", "null"),
            step("document.dispatchEvent(new CustomEvent('ssq:consent'))"),
            fire("ssq:open", "null"),
            {"wait": 0.3},
            fire("ssq:send", &format!("{{ text: {} }}", serde_json::to_string(text).unwrap())),
            fire("ssq:close", "null"),
            fire("ssq:send", "Object.defineProperty({}, 'text', { get: function () { throw new Error('odd'); } })"),
            fire("ssq:send", "{ text: 5 }"),
            sent.clone(),
            step("history.pushState({}, '', '/checkout/pay')"),
            fire("ssq:open", "null"),
        ]}));
        // A text sent while the chat is closed opens it, and waits for its window.
        let block = block.clone();
        specs.push(json!({"block": block, "head": OPENS_CHAT, "start": "/", "steps": [
            step("document.dispatchEvent(new CustomEvent('ssq:consent'))"),
            fire("ssq:send", "{ text: 'Which size fits me?' }"),
            {"wait": 0.5},
            sent.clone(),
        ]}));
    }
    let all = drive_all(specs);
    for (loader, pair) in loaders().iter().zip(all.chunks(2)) {
        let [events, closed] = pair else { unreachable!() };
        assert_eq!(events[0]["needed"], 1, "{loader}: before consent, ssq:open asks for it");
        assert_eq!(events[1]["vendor_requests"], 0, "{loader}: consent alone waits for an interaction");
        assert_eq!(events[2]["starts"], 1, "{loader}: ssq:open loads the widget: {}", events[2]);
        assert_eq!(count(&events[2], "chatOpen"), 1, "{loader}");
        assert_eq!(count(&events[5], "chatClose"), 1, "{loader}: ssq:close");
        assert_eq!(events[8]["page"]["sent"], json!([["sendTextMessage", text]]), "{loader}: one text, byte for byte");
        assert_eq!(count(&events[10], "chatOpen"), 1, "{loader}: a skipped path's ssq:open does nothing");
        let commands = closed[2]["commands"].as_array().unwrap();
        let at = |name: &str| commands.iter().position(|c| c == name);
        assert!(
            at("chatOpen") < at("sendTextMessage") && at("chatOpen").is_some(),
            "{loader}: opened first: {commands:?}"
        );
        assert_eq!(closed[3]["page"]["sent"], json!([["sendTextMessage", "Which size fits me?"]]), "{loader}");
    }
}

/// `window.ssqConsent` counts whenever it is set: after the block too, `false` withdraws, and a
/// page that declared it with `var` (which cannot be redefined) is still heard.
fn the_ssq_consent_flag_counts_whenever_it_is_set() {
    let event = &MANAGERS[0];
    let block = block(&consent_profile(loaders()[1], event), &[]);
    let declared = "<script nonce=\"helper\">var ssqConsent = false;</script>";
    let specs = vec![
        json!({"block": block, "start": "/", "steps": [
            {"wait": 0.6}, step("window.ssqConsent = true; window.__page = { readBack: window.ssqConsent }"), step("window.ssqConsent = false"),
        ]}),
        json!({"block": block, "head": declared, "start": "/", "steps": [
            {"wait": 0.6}, step("ssqConsent = true"), {"wait": 0.5}, step("ssqConsent = false"), {"wait": 0.5},
        ]}),
    ];
    let [set_later, declared] = drive_all(specs).try_into().unwrap();
    assert_eq!(set_later[0]["vendor_requests"], 0);
    assert_eq!(set_later[1]["starts"], 1, "set after the block: {}", set_later[1]);
    assert_eq!(set_later[1]["page"]["readBack"], true, "the page reads back what it set");
    let commands = set_later[2]["commands"].as_array().unwrap();
    assert_eq!(commands[commands.len() - 2..], [json!("chatClose"), json!("clearUser")], "false withdraws");
    assert_eq!(declared[0]["vendor_requests"], 0);
    assert_eq!(declared[2]["starts"], 1, "declared with var: {}", declared[2]);
    let commands = declared[4]["commands"].as_array().unwrap();
    assert_eq!(commands[commands.len() - 2..], [json!("chatClose"), json!("clearUser")], "declared: false withdraws");
}

/// Every manager under a strict CSP, in both install forms: a nonce policy (the block rendered
/// with `--nonce`), and the hashes `ssq-gen csp` prints. Consent then sets up once; nothing throws.
fn every_manager_starts_under_a_nonce_or_the_printed_hashes() {
    let tcf = Manager {
        cmp: "tcf",
        category: "",
        head: TCF_HEAD,
        accept: "__choose([1])",
        reject: "void 0",
        withdraw: "void 0",
    };
    let mut hows = Vec::new();
    let mut specs = Vec::new();
    for manager in MANAGERS.iter().chain([&tcf]) {
        for loader in loaders() {
            let profile = consent_profile(loader, manager);
            let steps = json!([{"wait": 0.8}, step(manager.accept)]);
            let nonce = "script-src 'nonce-helper' https://plugin-code.salesmartly.com https://cdn.example";
            specs.push(json!({"block": block(&profile, &["--nonce", "helper"]), "head": manager.head, "csp": nonce,
                "start": "/", "steps": steps}));
            hows.push(format!("{} {} with a nonce", manager.cmp, loader.lines().nth(1).unwrap()));
            let file = temp_profile("p.ssq.toml", &profile);
            let sources = String::from_utf8(ssq_gen().arg("csp").arg(&file.path).output().unwrap().stdout).unwrap();
            let hashes = format!("script-src {} https://cdn.example 'nonce-helper'", sources.trim());
            specs.push(json!({"block": block(&profile, &[]), "head": manager.head, "csp": hashes,
                "start": "/", "steps": steps}));
            hows.push(format!("{} {} with the hashes", manager.cmp, loader.lines().nth(1).unwrap()));
        }
    }
    for (how, reports) in hows.iter().zip(drive_all(specs)) {
        assert_eq!(reports[0]["vendor_requests"], 0, "{how}: nothing before consent");
        assert_eq!(reports[1]["starts"], 1, "{how}: set up once on consent: {}", reports[1]);
    }
}

fn the_profile_rules_for_pages_and_consent() {
    let cases = [
        ("[pages]\nskip = [\"https://shop.example/checkout?x=1\"]\n", "SSQ401", "did you mean `/checkout`?"),
        ("[pages]\nopen = [\"pricing\"]\n", "SSQ401", "did you mean `/pricing`?"),
        ("[pages]\nskip = [\"/a\"]\nopen = [\"/a\"]\n", "SSQ402", "in both `pages.skip` and `pages.open`"),
        ("[consent]\ncmp = \"klaro\"\n", "SSQ403", "needs a `category`"),
        ("[consent]\ncmp = \"cookiebot\"\ncategory = \" \"\n", "SSQ403", "blank"),
        ("[consent]\ncategory = \"x\"\n", "SSQ403", "has no `cmp`"),
        ("[consent]\ncmp = \"onetrst\"\ncategory = \"C0003\"\n", "SSQ006", "did you mean `onetrust`?"),
        (
            "[consent]\ncmp = \"consent-mode\"\ncategory = \"functionality\"\n",
            "SSQ403",
            "did you mean `functionality_storage`?",
        ),
        (
            "[consent]\ncmp = \"consent-mode\"\ncategory = \"chat\"\n",
            "SSQ403",
            "not one of `consent-mode`'s categories",
        ),
        ("[consent]\ncmp = \"tcf\"\npurposes = [12]\n", "SSQ004", "must be from 1 to 11"),
        ("[consent]\ncmp = \"shopify\"\ncategory = \"preference\"\n", "SSQ403", "did you mean `preferences`?"),
        ("[consent]\ncmp = \"tcf\"\npurposes = []\n", "SSQ403", "is empty"),
        ("[consent]\ncmp = \"tcf\"\npurposes = [1, 1]\n", "SSQ010", "repeats `1`"),
        ("[consent]\ncmp = \"iubenda\"\ncategory = \"6\"\n", "SSQ403", "is not one of `iubenda`'s categories"),
        ("[consent]\ncmp = \"usercentrics\"\n", "SSQ403", "needs a `category`"),
    ];
    // A category the manager always grants: a warning, and the block would indeed not wait.
    let always = [
        ("complianz", "functional"),
        ("wp-consent-api", "functional"),
        ("cookiebot", "necessary"),
        ("onetrust", "C0001"),
        ("iubenda", "1"),
    ];
    for (cmp, category) in always {
        let profile = format!("{}[consent]\ncmp = \"{cmp}\"\ncategory = \"{category}\"\n", loaders()[0]);
        let found = lint_findings("p.ssq.toml", &profile);
        assert_eq!(found.len(), 1, "{cmp}: {found:?}");
        assert_eq!(found[0]["code"], "SSQ404", "{cmp}");
        assert!(found[0]["message"].as_str().unwrap().contains("without asking"), "{cmp}");
    }
    for (section, code, says) in cases {
        let profile = temp_profile("p.ssq.toml", &format!("{}{section}", loaders()[0]));
        let output = ssq_gen().args(["lint", "--format", "json"]).arg(&profile.path).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{section}");
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        let found = &report["diagnostics"][0];
        assert_eq!(found["code"], code, "{section}: {report:#}");
        let text = format!("{} {}", found["message"], found["help"]);
        assert!(text.contains(says), "{section}: {text}");
    }
}

tests! {
    a_pushstate_captured_before_the_block_still_counts ["chromium", "python3", "playwright"],
    a_skipped_path_loads_nothing_and_an_open_path_opens_once ["chromium", "python3", "playwright"],
    single_page_routes_count_as_arrivals ["chromium", "python3", "playwright"],
    wrapping_history_is_invisible_to_the_page ["chromium", "python3", "playwright"],
    nothing_before_consent_then_everything_once ["chromium", "python3", "playwright", "cookieconsent", "klaro"],
    a_rejection_or_no_manager_loads_nothing_and_a_returning_visitor_starts_at_once ["chromium", "python3", "playwright", "cookieconsent", "klaro"],
    consent_combines_with_load_modes_pages_and_csp ["chromium", "python3", "playwright"],
    consent_mode_reads_the_data_layer_as_google_does ["chromium", "python3", "playwright"],
    the_ssq_consent_flag_counts_whenever_it_is_set ["chromium", "python3", "playwright"],
    an_unsaved_klaro_choice_is_not_consent ["chromium", "python3", "playwright", "klaro"],
    a_tcf_cmp_is_heard_through_the_iabs_own_api ["chromium", "python3", "playwright", "tcf-cmpapi"],
    the_page_opens_closes_and_sends_through_events ["chromium", "python3", "playwright"],
    every_manager_starts_under_a_nonce_or_the_printed_hashes ["chromium", "python3", "playwright", "cookieconsent", "klaro", "tcf-cmpapi"],
    the_profile_rules_for_pages_and_consent,
}
