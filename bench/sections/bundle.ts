// Task pane bundle sizes read from dist/ (built by `npm run build`): initial scripts vs the lazily loaded solver.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { formatBytes } from "../measure";
import type { Report } from "../report";

const INITIAL_LIMIT = 400 * 1024;
/** Issue #23: the pane's first paint within 200 KB gzip of scripts, the rest loaded lazily. */
const FIRST_PAINT_LIMIT = 200 * 1024;

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
}

/** Scripts the task pane page loads at start (its <script src>), excluding Office.js served from office-js/. */
function initialScripts(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  // Minified HTML leaves attribute values unquoted: src=taskpane.js.
  const srcs = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]
  );
  const local = srcs
    .filter((s) => !/^https?:/.test(s) && !s.includes("office-js/"))
    .map((s) => s.replace(/^\.?\//, "").split("?")[0]);
  return local.includes("taskpane.js") ? local : ["taskpane.js", ...local];
}

/** Text that only the HiGHS loader contains, so a chunk holding it is the solver. */
function holdsSolver(file: string): boolean {
  const text = fs.readFileSync(file, "utf8");
  return text.includes("highs.wasm") || text.includes("Highs_create");
}

export function benchBundle(report: Report, root: string): void {
  const dist = path.join(root, "dist");
  if (
    !fs.existsSync(path.join(dist, "taskpane.js")) ||
    !fs.existsSync(path.join(dist, "taskpane.html"))
  ) {
    report.note("dist/ is missing (run `npm run build` first): bundle sizes skipped.");
    report.target({
      target: "initial task-pane JS < 400 KB gzip, solver lazy",
      measured: "dist/ missing",
      pass: null,
    });
    return;
  }
  const initial = initialScripts(dist).filter((f) => fs.existsSync(path.join(dist, f)));
  const initialSizes = initial.map((f) => ({
    f,
    raw: fs.statSync(path.join(dist, f)).size,
    gz: gzipSize(path.join(dist, f)),
  }));
  const initialGz = initialSizes.reduce((s, x) => s + x.gz, 0);
  const initialRaw = initialSizes.reduce((s, x) => s + x.raw, 0);
  report.add({
    section: "bundle",
    case: "task pane initial JS (scripts in taskpane.html)",
    medianMs: NaN,
    runs: 0,
    detail: `${formatBytes(initialGz)} gzip (${formatBytes(initialRaw)} raw): ${initialSizes.map((x) => `${x.f} ${formatBytes(x.gz)}`).join(", ")}`,
  });
  const chunks = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith(".js") && !initial.includes(f) && !["web.js"].includes(f));
  const solverChunks = chunks.filter((f) => holdsSolver(path.join(dist, f)));
  const solverInInitial = initial.filter((f) => holdsSolver(path.join(dist, f)));
  const wasm = path.join(dist, "highs.wasm");
  const solverGz = solverChunks.reduce((s, f) => s + gzipSize(path.join(dist, f)), 0);
  const wasmGz = fs.existsSync(wasm) ? gzipSize(wasm) : 0;
  report.add({
    section: "bundle",
    case: "lazy solver chunk(s) + highs.wasm",
    medianMs: NaN,
    runs: 0,
    detail:
      solverChunks.length > 0
        ? `${solverChunks.map((f) => `${f} ${formatBytes(gzipSize(path.join(dist, f)))}`).join(", ")}; highs.wasm ${fs.existsSync(wasm) ? formatBytes(wasmGz) : "missing"} gzip; total ${formatBytes(solverGz + wasmGz)}`
        : `no separate chunk holds the HiGHS loader${solverInInitial.length > 0 ? ` (it is in ${solverInInitial.join(", ")})` : ""}; highs.wasm ${fs.existsSync(wasm) ? formatBytes(wasmGz) : "missing"} gzip`,
  });
  const other = chunks.filter((f) => !solverChunks.includes(f));
  if (other.length > 0) {
    report.add({
      section: "bundle",
      case: "other lazy chunks",
      medianMs: NaN,
      runs: 0,
      detail: other.map((f) => `${f} ${formatBytes(gzipSize(path.join(dist, f)))}`).join(", "),
    });
  }
  report.target({
    target: "initial task-pane JS < 400 KB gzip",
    measured: `${formatBytes(initialGz)} gzip (${initial.join(" + ")})`,
    pass: initialGz < INITIAL_LIMIT,
  });
  report.target({
    target: "initial task-pane JS ≤ 200 KB gzip (issue #23), the rest lazy",
    measured: `${formatBytes(initialGz)} gzip: ${initialSizes.map((x) => `${x.f} ${formatBytes(x.gz)}`).join(" + ")}`,
    pass: initialGz <= FIRST_PAINT_LIMIT,
  });
  const lazy = solverInInitial.length === 0 && solverChunks.length > 0;
  report.target({
    target: "solver (HiGHS) loaded only when used",
    measured:
      solverInInitial.length > 0
        ? `HiGHS loader in the initial ${solverInInitial.join(", ")}`
        : lazy
          ? `HiGHS loader only in ${solverChunks.join(", ")}`
          : "no script of this build holds the HiGHS loader (the task pane does not plan yet)",
    pass: solverInInitial.length > 0 ? false : lazy ? true : null,
  });
}
