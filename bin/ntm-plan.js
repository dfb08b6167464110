#!/usr/bin/env node
// Entry point of the ntm-plan command; `npm run build:cli` bundles the TypeScript sources into dist-cli/ntm-plan.js
// (one file loads much faster than hundreds of modules; HiGHS stays outside the bundle to find its .wasm).
//
// Start-up: compiling the bundle is a large part of a short run (batch runs over a hundred district files start it a
// hundred times), so the bundle is compiled with V8's code cache, kept beside it in dist-cli/. The cache is keyed by
// the bundle's size, modification time and inode, Node's version and the architecture (V8 also refuses a cache made
// for another source length or other flags); a refused cache, or a folder that cannot be written, only means
// compiling as usual. NTM_PLAN_NO_CACHE=1 turns it off.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const bundle = path.join(__dirname, "..", "dist-cli", "ntm-plan.js");

function loadWithCodeCache(file) {
  const Module = require("node:module");
  const vm = require("node:vm");
  const source = fs.readFileSync(file, "utf8");
  const stat = fs.statSync(file);
  const key = Buffer.from(
    `ntm-plan ${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs} ${stat.ino}\n`,
    "latin1"
  );
  const cacheFile = path.join(path.dirname(file), ".ntm-plan.v8cache");
  let cachedData;
  try {
    const stored = fs.readFileSync(cacheFile);
    if (stored.subarray(0, key.length).equals(key)) cachedData = stored.subarray(key.length);
  } catch {
    // No cache yet.
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  /** After a run, when the functions it used are compiled too: written whole (temporary file, then rename). */
  const save = () => {
    if (cachedData && !script.cachedDataRejected) return;
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, Buffer.concat([key, script.createCachedData()]));
      fs.renameSync(temporary, cacheFile);
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing was written.
      }
    }
  };
  return { exports: mod.exports, save };
}

/** The bundle loaded by Node as usual: without the cache, or under NTM_DEBUG with stacks mapped to the sources. */
function loadPlain(file) {
  if (process.env.NTM_DEBUG) process.setSourceMapsEnabled(true);
  return { exports: require(file), save: () => undefined };
}

/** Not built yet (e.g. `npm install --ignore-scripts` after a pull): say what to run, not Node's stack. */
function notBuilt() {
  const root = path.resolve(__dirname, "..");
  process.stderr.write(
    `ntm-plan chưa được dựng (thiếu dist-cli/ntm-plan.js): hãy chạy \`npm run build:cli\` (hoặc \`npm install\`) trong ${root}. / ` +
      `ntm-plan is not built (dist-cli/ntm-plan.js is missing): run \`npm run build:cli\` (or \`npm install\`) in ${root}.\n`
  );
  process.exitCode = 2;
}

if (!fs.existsSync(bundle)) notBuilt();
else {
  const loaded =
    process.env.NTM_PLAN_NO_CACHE || process.env.NTM_DEBUG
      ? loadPlain(bundle)
      : loadWithCodeCache(bundle);
  loaded.exports.main(process.argv.slice(2)).then((code) => {
    loaded.save();
    process.exitCode = code;
  });
}
