// Parses each PHP file named on the command line as PHP 7.4 with glayzzle's php-parser (pinned in
// tests/js's lock file), an implementation of its own: syntax that PHP 7.4 would refuse (match,
// named arguments, `?->`, attributes) is refused here too. Prints one line per refusal; exit 1 if any.
"use strict";
const fs = require("fs");
const path = require("path");
const { Engine } = require(path.join(__dirname, "..", "js", "node_modules", "php-parser"));

let refused = 0;
for (const file of process.argv.slice(2)) {
  const parser = new Engine({ parser: { version: "7.4", suppressErrors: false, extractDoc: false }, ast: {} });
  try {
    parser.parseCode(fs.readFileSync(file, "utf8"), file);
  } catch (error) {
    refused += 1;
    console.log(file + ": " + error.message);
  }
}
process.exit(refused ? 1 : 0);
