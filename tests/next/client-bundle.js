// Bundles a React client component for a plain page, as a site's bundler would, for
// tests/cli/import.rs: TypeScript's transpiler turns JSX and ES modules into CommonJS, and a small
// CommonJS loader holds them with React's production builds from this folder's node_modules.
//   node client-bundle.js COMPONENT.jsx > bundle.js
// The bundle defines window.__mount(props): it renders the component's default export, with
// props, into #root.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const modules = [];
const ids = new Map();

/** Adds `file` and what it requires; returns its index. */
function add(file) {
  if (ids.has(file)) return ids.get(file);
  const id = modules.length;
  ids.set(file, id);
  modules.push(null);
  let code = fs.readFileSync(file, "utf8");
  if (/\.[jt]sx$/.test(file)) {
    const compilerOptions = {
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2017,
      esModuleInterop: true,
    };
    code = ts.transpileModule(code, { compilerOptions, fileName: file }).outputText;
  }
  const requires = {};
  for (const [, , name] of code.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)) {
    const resolved = require.resolve(name, { paths: [path.dirname(file), __dirname] });
    // React's entry points choose a build by NODE_ENV, which is "production" here.
    if (!resolved.endsWith(".development.js")) requires[name] = add(resolved);
  }
  modules[id] = `[function (module, exports, require) {\n${code}\n}, ${JSON.stringify(requires)}]`;
  return id;
}

const component = add(path.resolve(process.argv[2]));
const react = add(require.resolve("react", { paths: [__dirname] }));
const client = add(require.resolve("react-dom/client", { paths: [__dirname] }));
const bundle = `(function () {
var process = { env: { NODE_ENV: "production" } };
var modules = [${modules.join(",\n")}];
var cache = {};
function load(id) {
  if (cache[id]) return cache[id].exports;
  var module = cache[id] = { exports: {} };
  modules[id][0].call(module.exports, module, module.exports, function (name) { return load(modules[id][1][name]); });
  return module.exports;
}
window.__mount = function (props) {
  var React = load(${react});
  load(${client}).createRoot(document.getElementById("root")).render(React.createElement(load(${component}).default, props));
};
})();
`;
// The bundle goes inline in a page: no `</script` may end its element early.
process.stdout.write(bundle.replace(/<\/script/gi, "<\\/script"));
