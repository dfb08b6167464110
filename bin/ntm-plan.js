#!/usr/bin/env node
// Entry point of the ntm-plan command; the TypeScript sources are compiled to dist-cli/ by `npm run build:cli`.
"use strict";
const { main } = require("../dist-cli/src/cli/main.js");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
