// Renders a login-data fragment with Handlebars or EJS, as a site would:
// `node render-login-data.js ENGINE FRAGMENT DATA`. DATA is a JSON object: the template's data.
// With SSQ_RENDER_PAGE set, FRAGMENT is a whole page.
"use strict";
const fs = require("fs");

const [engine, fragmentPath, dataPath] = process.argv.slice(2);
const fragment = fs.readFileSync(fragmentPath, "utf8");
const data = JSON.parse(fs.readFileSync(dataPath, "utf8"));

let out;
if (engine === "handlebars") {
  const Handlebars = require("handlebars");
  // The helper exactly as the fragment's comment tells the site to register it.
  // A whole page (SSQ_RENDER_PAGE) registers nothing.
  if (!process.env.SSQ_RENDER_PAGE) {
    const helper = fragment.split("\n").find((line) => line.startsWith("Handlebars.registerHelper("));
    if (!helper) throw new Error("the fragment gives no helper to register");
    new Function("Handlebars", helper)(Handlebars);
  }
  out = Handlebars.compile(fragment)(data);
} else if (engine === "ejs") {
  out = require("ejs").render(fragment, data);
} else {
  throw new Error(`unknown engine ${engine}`);
}
process.stdout.write(out);
