#!/usr/bin/env node
// Entry point of the ntm-plan command; `npm run build:cli` bundles the TypeScript sources into dist-cli/ntm-plan.js
// (one file loads much faster than hundreds of modules; HiGHS stays outside the bundle to find its .wasm).
"use strict";
const { main } = require("../dist-cli/ntm-plan.js");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
