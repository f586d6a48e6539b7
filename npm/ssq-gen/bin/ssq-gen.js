#!/usr/bin/env node
// The `ssq-gen` command of the npm package: runs the native binary of this platform's package
// (`@ssq-gen/cli-<platform>-<arch>`, an optional dependency npm installs only where its `os`
// and `cpu` match), as esbuild and biome do. SSQ_GEN_BINARY names another binary.
"use strict";
const { spawnSync } = require("child_process");

const packageName = `@ssq-gen/cli-${process.platform}-${process.arch}`;
const executable = process.platform === "win32" ? "ssq-gen.exe" : "ssq-gen";

function binary() {
  if (process.env.SSQ_GEN_BINARY) return process.env.SSQ_GEN_BINARY;
  try {
    return require.resolve(`${packageName}/bin/${executable}`);
  } catch (_) {
    process.stderr.write(
      `ssq-gen: no binary for ${process.platform}-${process.arch}: ${packageName} is not installed.\n` +
        "It is an optional dependency: reinstall without --no-optional / --omit=optional, or use\n" +
        "another install (cargo binstall ssq-gen, pip install ssq-gen, or a release archive).\n",
    );
    process.exit(2);
  }
}

const result = spawnSync(binary(), process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  process.stderr.write(`ssq-gen: cannot run ${binary()}: ${result.error.message}\n`);
  process.exit(2);
}
if (result.signal) {
  // Die of the same signal, so that the caller sees what the binary saw.
  process.kill(process.pid, result.signal);
}
process.exit(result.status === null ? 2 : result.status);
