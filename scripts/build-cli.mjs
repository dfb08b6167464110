// Builds the ntm-plan command (`npm run build:cli`): dist-cli/ntm-plan.js holds the CLI, the engine and the readers;
// the large libraries a command needs only sometimes are bundled apart in dist-cli/vendor/ and loaded on first use
// (ExcelJS for an .xlsx, SheetJS for an .xls, docx for `report`), so that a run on a .csv parses none of them. HiGHS stays in
// node_modules, where it finds its .wasm.

import { build } from "esbuild";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The output folder: dist-cli, or another one given as the argument (the start-up test builds into a temporary one). */
const OUT = path.resolve(ROOT, process.argv[2] ?? "dist-cli");

/** Libraries bundled on their own: the name the sources import, and the file under dist-cli/vendor/. */
const VENDOR = { exceljs: "exceljs", docx: "docx", "@e965/xlsx": "xlsx" };

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
};

/** Points the main bundle's imports of a vendored library at its own file, loaded when first required. */
const vendorFiles = {
  name: "vendor-files",
  setup(b) {
    const names = Object.keys(VENDOR).join("|");
    b.onResolve({ filter: new RegExp(`^(${names})$`) }, (args) => ({
      path: `./vendor/${VENDOR[args.path]}.js`,
      external: true,
    }));
    // A path inside one of them would put that library back into the main bundle.
    b.onResolve({ filter: new RegExp(`^(${names})/`) }, (args) => ({
      errors: [{ text: `import a vendored library itself, not ${args.path}` }],
    }));
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: [path.join(ROOT, "src/cli/main.ts")],
    outfile: `${OUT}/ntm-plan.js`,
    external: ["highs"],
    // import("highs") becomes a require: the bundle is compiled with V8's code cache by bin/ntm-plan.js (vm.Script),
    // where an import() would need Node's ESM loader.
    supported: { "dynamic-import": false },
    plugins: [vendorFiles],
    // Fewer bytes to read and compile at each start; the source map gives readable stacks under NTM_DEBUG.
    minify: true,
    sourcemap: "linked",
  }),
  ...Object.entries(VENDOR).map(([name, file]) =>
    build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: ROOT },
      outfile: `${OUT}/vendor/${file}.js`,
      minify: true,
    })
  ),
]);
