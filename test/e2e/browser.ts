// Shared setup for the browser tests: build once, serve over http on 127.0.0.1, headless Debian Chromium.

import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import type { Server } from "http";
import { tmpdir } from "os";
import path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require("../../scripts/serve-static.js") as {
  serveStatic(
    root: string,
    port?: number,
    options?: { prefix?: string; onRequest?: (url: string) => void }
  ): Promise<{ server: Server; url: string }>;
};

function webpack(args: string[]): void {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), ...args],
    {
      cwd: ROOT,
      stdio: "pipe",
      timeout: 300_000,
    }
  );
}

/** True when `dist` was built by this run (the test files of one run share a process: jest --runInBand). */
function builtThisRun(dist: string): boolean {
  const marker = path.join(dist, ".built-by");
  return existsSync(marker) && readFileSync(marker, "utf8") === String(process.pid);
}

function markBuilt(dist: string): void {
  writeFileSync(path.join(dist, ".built-by"), String(process.pid));
}

/**
 * dist/ as `npm run build:dev` makes it, built afresh once per run so that newly registered jobs are in it
 * (E2E_NO_BUILD=1 reuses an existing dist/).
 */
export function ensureDist(): string {
  const dist = path.join(ROOT, "dist");
  if (process.env.E2E_NO_BUILD === "1" && existsSync(path.join(dist, "web.html"))) return dist;
  if (!builtThisRun(dist)) {
    webpack(["--mode", "development"]);
    markBuilt(dist);
  }
  return dist;
}

/** Browser mode with the test-only jobs added, built into test-artifacts/e2e-dist once per run. */
export function buildWithTestJob(): string {
  const dist = path.join(ARTIFACTS, "e2e-dist");
  if (!builtThisRun(dist)) {
    webpack(["--config", "test/e2e/webpack.e2e.js", "--mode", "development"]);
    markBuilt(dist);
  }
  return dist;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  url: string;
  /** Paths the static server was asked for. */
  served: string[];
  /** Requests the browser made outside the served folder (aborted), with `offline`. */
  outside: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Serve `root` under this path ("/some/dir/"), as one folder of a larger static site. */
  prefix?: string;
  /**
   * No network but the served folder: Chromium resolves no host but 127.0.0.1, and every request outside the
   * folder is aborted and recorded in `outside`.
   */
  offline?: boolean;
}

/**
 * To bring out races, the page can be made slow the way a loaded machine makes it: E2E_SLOW_CPU=6 runs its scripts
 * six times slower (Chromium's CPU throttling), E2E_SLOW_SCRIPTS=1500 delays each script and WebAssembly file by up
 * to 1.5 s (the lazily loaded chunks then arrive late and in any order). A test that passes only when the page keeps
 * up with it waits for the wrong thing.
 */
async function slowDown(context: BrowserContext, page: Page): Promise<void> {
  const scripts = Number(process.env.E2E_SLOW_SCRIPTS ?? 0);
  if (scripts > 0)
    await context.route(/\.(js|wasm)(\?|$)/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, scripts * Math.random()));
      return route.fallback();
    });
  const cpu = Number(process.env.E2E_SLOW_CPU ?? 1);
  if (cpu > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  }
}

/** Serves `root` and opens web.html in a fresh Chromium profile with a Vietnamese locale. */
export async function open(root: string, options: OpenOptions = {}): Promise<Session> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const served: string[] = [];
  const outside: string[] = [];
  const { server, url } = await serveStatic(root, 0, {
    prefix: options.prefix,
    onRequest: (u) => served.push(u),
  });
  const profile = mkdtempSync(path.join(tmpdir(), "ntm-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: "vi-VN",
    acceptDownloads: true,
    viewport: { width: 480, height: 1000 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...(options.offline ? ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"] : []),
    ],
  });
  if (options.offline) {
    await context.route("**/*", (route) => {
      const asked = route.request().url();
      if (asked.startsWith(url)) return route.continue();
      outside.push(asked);
      return route.abort("blockedbyclient");
    });
    context.on("request", (request) => {
      const asked = request.url();
      if (!asked.startsWith(url) && !/^(blob|data):/.test(asked) && !outside.includes(asked))
        outside.push(asked);
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  await slowDown(context, page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  const stop = async () => {
    await context.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await page.goto(`${url}web.html`);
    await page.waitForSelector(
      '[data-testid="job-picker"], [data-testid="no-jobs"], [data-testid="problem"]',
      {
        timeout: 60_000,
      }
    );
    const problem = page.getByTestId("problem");
    if ((await problem.count()) > 0)
      throw new Error(`the page shows an error: ${await problem.innerText()}`);
  } catch (e) {
    await stop(); // otherwise the browser keeps jest alive
    throw e;
  }
  return {
    context,
    page,
    url,
    served,
    outside,
    async close() {
      await stop();
      if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Inserts a template from the Templates menu and returns the pane's message naming the sheet written. The item is
 * chosen with the keyboard: with the mouse, a press and a release that land on two items choose nothing and leave
 * the menu open over the Run button (the menu follows its button while the pane's layout settles after a run; a CI
 * run caught it so). The message waited for is a new one, not the one an earlier insert left.
 */
export async function insertTemplate(page: Page, id: string): Promise<string> {
  const message = page.getByTestId("template-written");
  const before = (await message.count()) > 0 ? await message.innerText() : "";
  await page.getByTestId("templates").click();
  await page.getByTestId(`template-${id}`).press("Enter");
  await page.locator('[role="menu"]').waitFor({ state: "detached" });
  await page.waitForFunction((earlier) => {
    const shown = document.querySelector<HTMLElement>('[data-testid="template-written"]');
    return shown !== null && shown.innerText !== earlier;
  }, before);
  return message.innerText();
}

/**
 * Marks the elements matching `selectors` as left by an earlier step; `fresh(selectors)` then matches only elements
 * that came after. A wait for what a step shows must not be ended by the same thing an earlier step left: the pane
 * changes after the action that changes it has returned (a file input's change event is handled after
 * setInputFiles resolves), so the earlier message can still be on the page, with the same text.
 */
export async function markEarlier(page: Page, selectors: string[]): Promise<void> {
  await page.evaluate((list) => {
    for (const el of document.querySelectorAll(list.join(", ")))
      el.setAttribute("data-e2e-earlier", "");
  }, selectors);
}

/** The selectors, less the elements markEarlier marked. */
export function fresh(selectors: string[]): string {
  return selectors.map((s) => `${s}:not([data-e2e-earlier])`).join(", ");
}

const RUN_ENDS = [
  '[data-testid="results"]',
  '[data-testid="problem"]',
  '[data-testid="cancelled"]',
];

/**
 * Runs the job chosen in the picker and waits for its results, its error or its cancellation: those of an earlier
 * run (and a template's or a file's problem) do not end the wait, so a click that did not start the run fails here
 * instead of passing on the last run's results.
 */
export async function runChosenJob(page: Page): Promise<void> {
  await markEarlier(page, RUN_ENDS);
  await page.getByTestId("run").click();
  await page.waitForSelector(fresh(RUN_ENDS), { timeout: 120_000 });
}
