/* ssq-gen preview: the page's own script, run before the block. It sends the block's SaleSmartly
   scripts to the preview's stand-ins (unless --live), logs every command, event and analytics
   call in window.ssqPreview.log, builds the elements the profile's selectors name, draws the
   panel with its controls, and reloads the page when the profile changes. */
(function (w, d) {
  var data = JSON.parse(d.getElementById("ssq-preview-data").textContent);
  var started = Date.now();
  var preview = w.ssqPreview = {
    log: [],
    record: function (kind, name, payload) {
      var entry = { kind: kind, name: name, payload: payload, at: Date.now() - started };
      preview.log.push(entry);
      show(entry);
    },
    agentMessage: function (text) { widget().agentMessage(String(text)); },
    visitorMessage: function (text) { widget().visitorMessage(String(text)); },
    setUnread: function (n) { widget().setUnread(Number(n)); },
    ready: function () { widget().ready(); }
  };

  function widget() {
    if (!preview.widget) { throw new Error("the widget has not loaded yet"); }
    return preview.widget;
  }

  /* The block's scripts: the profile's project script and the vendor's install.js load the
     stand-ins instead. The block itself is not changed: its script elements are. */
  function standIn(url) {
    if (data.live) { return url; }
    var text = String(url);
    if (data.script_url && text === data.script_url) { return "/__ssq-preview/project.js"; }
    if (/^https:\/\/plugin-code\.salesmartly\.com\//.test(text)) {
      return /\/js\/project_/.test(text) ? "/__ssq-preview/project.js" : "/__ssq-preview/widget.js";
    }
    return url;
  }
  var src = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, "src");
  Object.defineProperty(HTMLScriptElement.prototype, "src", {
    configurable: true,
    enumerable: src.enumerable,
    get: function () { return src.get.call(this); },
    set: function (url) { src.set.call(this, standIn(url)); }
  });
  var setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (this instanceof HTMLScriptElement && String(name).toLowerCase() === "src") { value = standIn(value); }
    return setAttribute.call(this, name, value);
  };

  /* What reaches analytics: dataLayer pushes and gtag calls, as Google would receive them. */
  var dataLayer = w.dataLayer = w.dataLayer || [];
  var push = dataLayer.push;
  dataLayer.push = function () {
    for (var i = 0; i < arguments.length; i++) { preview.record("analytics", "dataLayer.push", arguments[i]); }
    return push.apply(this, arguments);
  };
  w.gtag = w.gtag || function () {
    preview.record("analytics", "gtag", Array.prototype.slice.call(arguments));
  };

  /* [consent]: the profile's consent manager, played by the panel's toggle: one player per `cmp`,
     which installs a stand-in of the manager's API (`install`) and tells the block of a change the
     way the manager does (`tell`). For `event` the toggle fires the events. */
  var consent = { given: false, watchers: [] };
  var players = {
    "event": {
      install: function () {},
      tell: function (given) { d.dispatchEvent(new CustomEvent(given ? "ssq:consent" : "ssq:consent-withdrawn")); }
    },
    "cookieconsent": {
      install: function (category) {
        w.CookieConsent = { acceptedCategory: function (c) { return c === category && consent.given; } };
      },
      tell: function () { w.dispatchEvent(new CustomEvent("cc:onChange")); }
    },
    "klaro": {
      install: function (category) {
        var manager = { config: { services: [{ name: category }] }, confirmed: true, savedConsents: {},
          watch: function (watcher) { consent.watchers.push(watcher); } };
        w.klaro = { getManager: function () { return manager; } };
      },
      tell: function (given, category) {
        w.klaro.getManager().savedConsents[category] = given;
        for (var i = 0; i < consent.watchers.length; i++) { consent.watchers[i].update(null, "saveConsents", {}); }
      }
    },
    "cookiebot": {
      install: function () { w.Cookiebot = { consent: {} }; },
      tell: function (given, category) {
        w.Cookiebot.consent[category] = given;
        w.dispatchEvent(new Event(given ? "CookiebotOnAccept" : "CookiebotOnDecline"));
      }
    },
    "onetrust": {
      install: function () { w.OnetrustActiveGroups = ",C0001,"; },
      tell: function (given, category) {
        w.OnetrustActiveGroups = given ? ",C0001," + category + "," : ",C0001,";
        w.dispatchEvent(new CustomEvent("OneTrustGroupsUpdated", { detail: w.OnetrustActiveGroups.split(",") }));
      }
    },
    "consent-mode": {
      install: function (category) {
        var defaults = {};
        defaults[category] = "denied";
        w.dataLayer.push(["consent", "default", defaults]);
      },
      tell: function (given, category) {
        var update = {};
        update[category] = given ? "granted" : "denied";
        w.dataLayer.push(["consent", "update", update]);
      }
    },
    "cookieyes": {
      install: function (category) {
        w.getCkyConsent = function () {
          var categories = { necessary: true };
          categories[category] = consent.given;
          return { categories: categories, isUserActionCompleted: consent.given };
        };
      },
      tell: function () { d.dispatchEvent(new CustomEvent("cookieyes_consent_update", { detail: {} })); }
    },
    "complianz": {
      install: function (category) {
        w.cmplz_has_consent = function (c) { return c === category && consent.given; };
      },
      tell: function (given, category) {
        d.dispatchEvent(new CustomEvent("cmplz_status_change", { detail: { category: category, value: given ? "allow" : "deny" } }));
      }
    },
    "wp-consent-api": {
      install: function (category) {
        w.wp_has_consent = function (c) { return c === category && consent.given; };
      },
      tell: function (given, category) {
        var detail = {};
        detail[category] = given ? "allow" : "deny";
        d.dispatchEvent(new CustomEvent("wp_listen_for_consent_change", { detail: detail }));
      }
    },
    "tcf": {
      install: function () {
        var listeners = [];
        w.__tcfapi = function (command, version, callback) {
          if (command === "addEventListener") { listeners.push(callback); callback(tcData("tcloaded"), true); }
        };
        var tcData = function (status) {
          return { eventStatus: status, gdprApplies: true, purpose: { consents: consent.given ? purposes() : {} } };
        };
        var purposes = function () {
          var all = {};
          for (var id = 1; id <= 11; id++) { all[id] = true; }
          return all;
        };
        consent.tellTcf = function () {
          for (var i = 0; i < listeners.length; i++) { listeners[i](tcData("useractioncomplete"), true); }
        };
      },
      tell: function () { consent.tellTcf(); }
    },
    "didomi": {
      install: function (category) {
        var listeners = [];
        var didomi = {
          isConsentRequired: function () { return true; },
          getCurrentUserStatus: function () {
            var vendors = {};
            vendors[category] = { id: category, enabled: consent.given };
            return { vendors: vendors, purposes: {} };
          },
          on: function (name, listener) { if (name === "consent.changed") { listeners.push(listener); } }
        };
        consent.tellDidomi = function () { for (var i = 0; i < listeners.length; i++) { listeners[i](); } };
        w.didomiOnReady = { push: function (callback) { callback(didomi); } };
      },
      tell: function () { consent.tellDidomi(); }
    },
    "shopify": {
      install: function (category) {
        var allowed = function (name) { return function () { return name === category && consent.given; }; };
        w.Shopify = { loadFeatures: function (features, callback) {
          w.Shopify.customerPrivacy = { preferencesProcessingAllowed: allowed("preferences"),
            analyticsProcessingAllowed: allowed("analytics"), marketingAllowed: allowed("marketing") };
          callback(null);
        } };
      },
      tell: function () { d.dispatchEvent(new CustomEvent("visitorConsentCollected", { detail: {} })); }
    },
    "usercentrics": {
      install: function (category) {
        consent.ucDetails = function () {
          return { consent: { status: consent.given ? "SOME_ACCEPTED" : "SOME_DENIED" },
            services: { preview: { name: category, consent: { given: consent.given, type: "EXPLICIT" } } }, categories: {} };
        };
        w.__ucCmp = { getConsentDetails: function () { return Promise.resolve(consent.ucDetails()); } };
      },
      tell: function () { w.dispatchEvent(new CustomEvent("UC_CONSENT", { detail: consent.ucDetails() })); }
    },
    "iubenda": {
      install: function (category) {
        consent.iubPreferences = function () {
          var purposes = {};
          purposes[category] = consent.given;
          return { consent: consent.given, purposes: purposes };
        };
        w._iub = w._iub || [];
        w._iub.cs = { api: { getPreferences: consent.iubPreferences } };
      },
      tell: function () {
        var callbacks = (w._iub.csConfiguration && w._iub.csConfiguration.callback) || {};
        if (typeof callbacks.onPreferenceExpressed === "function") { callbacks.onPreferenceExpressed(consent.iubPreferences()); }
      }
    }
  };
  var player = data.consent ? players[data.consent.cmp] : null;
  if (player) { player.install(data.consent.category); }
  function setConsent(given) {
    consent.given = given;
    preview.record("consent", given ? "given" : "withdrawn", data.consent);
    if (player) { player.tell(given, data.consent.category); }
  }
  preview.consent = setConsent;
  preview.go = function (path) { history.pushState({}, "", path); preview.record("route", "pushState", path); };
  d.addEventListener("ssq:consent-needed", function () { preview.record("event", "ssq:consent-needed", null); });

  /* A from_page profile: the page data the login-data fragment writes, from the panel's form. */
  if (data.from_page) {
    var visitor = null;
    try { visitor = JSON.parse(sessionStorage.getItem("ssq-preview-visitor") || "null"); } catch (e) { visitor = null; }
    var pageData = d.createElement("script");
    pageData.type = "application/json";
    pageData.id = "ssq-login";
    pageData.textContent = JSON.stringify(visitor);
    d.head.appendChild(pageData);
  }

  function element(tag, attributes, text) {
    var el = d.createElement(tag);
    for (var name in attributes) { setAttribute.call(el, name, attributes[name]); }
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  /* An element a selector matches, for `tag#id.class[attr=value]` compounds joined by spaces or
     `>`; anything else (pseudo-classes, lists) is listed instead. The browser has the last word:
     an element that does not match its selector is not kept. */
  function build(selector, what) {
    var parts = selector.trim().split(/\s*>\s*|\s+/);
    var compound = /^([a-zA-Z][\w-]*)?((?:#[\w-]+|\.[\w-]+|\[[\w-]+(?:=(?:"[^"]*"|'[^']*'|[\w-]+))?\])*)$/;
    var outer = null, inner = null;
    for (var i = 0; i < parts.length; i++) {
      var match = compound.exec(parts[i]);
      if (!match || !parts[i]) { return null; }
      var last = i === parts.length - 1;
      var tag = match[1] || (last ? (what === "badge" ? "span" : "button") : "div");
      var el = element(tag, tag === "a" ? { href: "#" } : {});
      if (tag === "button") { el.type = "button"; }
      var pieces = match[2].match(/#[\w-]+|\.[\w-]+|\[[^\]]+\]/g) || [];
      for (var j = 0; j < pieces.length; j++) {
        var piece = pieces[j];
        if (piece[0] === "#") { el.id = piece.slice(1); }
        else if (piece[0] === ".") { el.classList.add(piece.slice(1)); }
        else {
          var attr = /^\[([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([\w-]+)))?\]$/.exec(piece);
          setAttribute.call(el, attr[1], attr[2] || attr[3] || attr[4] || "");
        }
      }
      if (inner) { inner.appendChild(el); } else { outer = el; }
      inner = el;
    }
    inner.textContent = what === "badge" ? "" : what + " \u2014 " + selector;
    if (what === "badge") { inner.hidden = true; }
    var box = element("div", { "class": "ssq-preview-element" });
    box.appendChild(outer);
    // The badge is hidden at 0 unread, as the block leaves it: say where it is meanwhile.
    if (what === "badge") {
      box.appendChild(element("small", { "class": "ssq-preview-caption" }, " badge \u2014 " + selector + ": the unread count, hidden at 0"));
    }
    d.getElementById("ssq-preview-elements").appendChild(box);
    var matches = false;
    try { matches = inner.matches(selector); } catch (e) { matches = false; }
    if (!matches) { box.parentNode.removeChild(box); return null; }
    return inner;
  }

  var logBody;
  function show(entry) {
    if (!logBody) { return; }
    var row = element("tr", { "class": "ssq-preview-" + entry.kind });
    row.appendChild(element("td", {}, "+" + entry.at + " ms"));
    row.appendChild(element("td", {}, entry.kind));
    row.appendChild(element("td", {}, entry.name));
    row.appendChild(element("td", {}, entry.payload === null ? "" : JSON.stringify(entry.payload, null, 1)));
    logBody.appendChild(row);
  }

  function button(label, action, id) {
    var b = element("button", { type: "button", id: id }, label);
    b.addEventListener("click", action);
    return b;
  }

  function panel() {
    var aside = d.getElementById("ssq-preview-panel");
    var controls = d.getElementById("ssq-preview-controls");
    var text = element("input", { id: "ssq-preview-text", value: "Hello from the shop!", "aria-label": "Message text" });
    var unread = element("input", { id: "ssq-preview-unread", type: "number", value: "3", min: "0", "aria-label": "Unread count" });
    controls.appendChild(text);
    controls.appendChild(button("Agent message", function () { preview.agentMessage(text.value); }, "ssq-preview-agent"));
    controls.appendChild(button("Visitor message", function () { preview.visitorMessage(text.value); }, "ssq-preview-visitor"));
    controls.appendChild(unread);
    controls.appendChild(button("Set unread", function () { preview.setUnread(unread.value); }, "ssq-preview-set-unread"));
    controls.appendChild(button("Ready", function () { preview.ready(); }, "ssq-preview-ready"));
    if (data.pages) {
      var where = element("input", { id: "ssq-preview-path", value: location.pathname, "aria-label": "Path" });
      controls.appendChild(element("br", {}));
      controls.appendChild(where);
      controls.appendChild(button("Go (pushState)", function () { preview.go(where.value); }, "ssq-preview-go"));
    }
    if (data.consent) {
      controls.appendChild(element("br", {}));
      controls.appendChild(button("Give consent (" + data.consent.cmp + ")", function () { setConsent(true); }, "ssq-preview-consent"));
      controls.appendChild(button("Withdraw consent", function () { setConsent(false); }, "ssq-preview-withdraw"));
    }
    if (data.from_page) {
      var form = d.getElementById("ssq-preview-login");
      form.hidden = false;
      var saved = JSON.parse(d.getElementById("ssq-login").textContent) || {};
      var fields = ["user_id", "user_name", "email", "phone", "language"];
      var inputs = {};
      for (var i = 0; i < fields.length; i++) {
        inputs[fields[i]] = element("input", { name: fields[i], placeholder: fields[i], value: saved[fields[i]] || "" });
        form.appendChild(inputs[fields[i]]);
      }
      var read = function () {
        var visitor = {};
        for (var key in inputs) { if (inputs[key].value) { visitor[key] = inputs[key].value; } }
        return visitor;
      };
      form.appendChild(button("Page data: this visitor, reload", function () {
        sessionStorage.setItem("ssq-preview-visitor", JSON.stringify(read()));
        location.reload();
      }, "ssq-preview-page-data"));
      form.appendChild(button("Page data: nobody, reload", function () {
        sessionStorage.setItem("ssq-preview-visitor", "null");
        location.reload();
      }, "ssq-preview-no-page-data"));
      form.appendChild(button("ssq:login", function () {
        d.dispatchEvent(new CustomEvent("ssq:login", { detail: read() }));
      }, "ssq-preview-login-event"));
      form.appendChild(button("ssq:logout", function () {
        d.dispatchEvent(new CustomEvent("ssq:logout"));
      }, "ssq-preview-logout-event"));
    }
    var unbuilt = [];
    for (var j = 0; j < data.elements.length; j++) {
      var item = data.elements[j];
      if (!build(item.selector, item.what)) { unbuilt.push(item.what + ": " + item.selector); }
    }
    var list = d.getElementById("ssq-preview-unbuilt");
    for (var k = 0; k < unbuilt.length; k++) { list.appendChild(element("li", {}, unbuilt[k])); }
    list.parentNode.hidden = unbuilt.length === 0;
    logBody = d.querySelector("#ssq-preview-log tbody");
    for (var n = 0; n < preview.log.length; n++) { show(preview.log[n]); }
    aside.hidden = false;
  }

  /* Live reload: a new good block reloads the page; a profile with errors shows them, and the
     last good block keeps running. The server answers once there is news (`since`). */
  function poll(since) {
    var request = new XMLHttpRequest();
    request.open("GET", "/__ssq-preview/state" + (since === undefined ? "" : "?since=" + since));
    request.onload = function () {
      var state = JSON.parse(request.responseText);
      if (state.generation !== data.generation) { location.reload(); return; }
      var box = d.getElementById("ssq-preview-diagnostics");
      box.textContent = state.diagnostics || "";
      box.hidden = !state.diagnostics;
      poll(state.revision);
    };
    request.onerror = function () { setTimeout(function () { poll(since); }, 1000); };
    request.send();
  }

  d.addEventListener("DOMContentLoaded", function () {
    panel();
    poll();
  });
})(window, document);
