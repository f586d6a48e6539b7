// Runs a generated snippet in Node with a minimal DOM and the vendor stand-ins, then prints what
// the widget received as JSON. Usage: node harness.js '<options JSON>' < snippet.html
//
// Options: { copies: 1, loader: "ok" | "blocked", gtag: false, before: "<page code run first>",
//            fire: { onUnRead: {num: 3} } }
// Every inline script is first parsed as ES5 by acorn: a syntax error or an ES2015+ construct fails.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const acorn = require("./vendor/acorn.js");

const options = Object.assign({ copies: 1, loader: "ok", gtag: false, before: "", fire: {} }, JSON.parse(process.argv[2] || "{}"));
const html = fs.readFileSync(0, "utf8");
const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
if (scripts.length === 0) throw new Error("no inline <script> in the snippet");
for (const body of scripts) acorn.parse(body, { ecmaVersion: 5, sourceType: "script" });

const standIns = {
  project: fs.readFileSync(path.join(__dirname, "..", "..", "templates", "preview", "project.js"), "utf8"),
  install: fs.readFileSync(path.join(__dirname, "..", "stand-ins", "install.js"), "utf8"),
};

// A DOM just large enough for the snippet and the vendor's install code.
const pending = [];
const requests = [];
const byId = {};
function makeElement(tag) {
  return { tagName: tag.toUpperCase(), parentNode: null, attributes: {}, setAttribute(k, v) { this.attributes[k] = String(v); } };
}
const head = makeElement("head");
const pageScript = makeElement("script");
pageScript.parentNode = head;
function insert(el) {
  el.parentNode = head;
  if (el.id) byId[el.id] = el;
  if (el.tagName === "SCRIPT" && el.src) {
    requests.push({ src: el.src, async: el.async === true, id: el.id || null, nonce: el.nonce || el.attributes.nonce || null });
    pending.push(el);
  }
  return el;
}
head.appendChild = insert;
head.insertBefore = (el) => insert(el);
const consoleLines = [];
const gtagCalls = [];
const window = {
  document: {
    head,
    documentElement: head,
    createElement: makeElement,
    getElementById: (id) => byId[id] || null,
    getElementsByTagName: (tag) => (tag.toLowerCase() === "script" ? [pageScript] : []),
  },
  console: { log: (...args) => consoleLines.push(args) },
  // Time does not pass here: the block's timers (the widget's onReady timeout) never fire.
  setTimeout: () => 0,
  clearTimeout: () => {},
};
if (options.gtag) window.gtag = (...args) => gtagCalls.push(args);
window.window = window;
const context = vm.createContext(window);

const errors = [];
function run(code, name) {
  try {
    vm.runInContext(code, context, { filename: name });
  } catch (err) {
    errors.push(`${name}: ${err && err.stack ? err.stack.split("\n")[0] : err}`);
  }
}
if (options.before) run(options.before, "page");
for (let copy = 0; copy < options.copies; copy++) scripts.forEach((s, i) => run(s, `snippet#${copy}.${i}`));

// The network: load what was inserted, in order, unless blocked.
while (pending.length > 0) {
  const el = pending.shift();
  if (options.loader === "blocked") continue;
  const vendor = /^https:\/\/plugin-code\.salesmartly\.com\//.test(el.src);
  if (!vendor) continue;
  run(/\/install\.js$/.test(el.src) ? standIns.install : standIns.project, el.src);
  if (typeof el.onload === "function") el.onload.call(el);
}

const record = window.__ssqRecord || { starts: 0, commands: [], listeners: {} };
for (const [event, payload] of Object.entries(options.fire)) {
  for (const listener of record.listeners[event] || []) {
    try { listener(JSON.parse(JSON.stringify(payload))); } catch (err) { errors.push(`${event}: ${err}`); }
  }
}

process.stdout.write(JSON.stringify({
  errors,
  requests,
  starts: record.starts,
  license: record.license === undefined ? null : record.license,
  settingAtStart: record.settingAtStart === undefined ? null : record.settingAtStart,
  commands: record.commands,
  dataLayer: window.dataLayer || null,
  gtag: gtagCalls,
  console: consoleLines,
  projectRuns: window.__standIn ? window.__standIn.projectRuns : 0,
  settingNow: window.__ssc ? window.__ssc.setting : null,
}));
