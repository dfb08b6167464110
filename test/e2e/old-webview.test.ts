// The page's ES5 old-webview check (src/taskpane/old-webview.js) in headless Chromium: with Promise, fetch and
// WebAssembly removed before any script runs, and with the bundle replaced by one that does not parse (as in a webview
// that cannot read modern JavaScript), both pages show what to use instead, in Vietnamese and English; loaded normally,
// they do not.

import type { Server } from "http";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ensureDist, screenshot } from "./browser";

jest.setTimeout(600_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require("../../scripts/serve-static.js") as {
  serveStatic(root: string, port?: number): Promise<{ server: Server; url: string }>;
};

const PAGES = [
  { page: "taskpane.html", bundle: "taskpane.js", excel: true },
  { page: "web.html", bundle: "web.js", excel: false },
];

let server: Server;
let url: string;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  const dist = ensureDist();
  ({ server, url } = await serveStatic(dist));
  profile = mkdtempSync(path.join(tmpdir(), "ntm-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: "vi-VN",
    viewport: { width: 350, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
});

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function messageOf(page: Page): Promise<{ vi: string; en: string; rootShown: boolean }> {
  const box = page.getByTestId("old-webview");
  await box.waitFor({ timeout: 30_000 });
  return {
    vi: await box.locator('[lang="vi"]').innerText(),
    en: await box.locator('[lang="en"]').innerText(),
    rootShown: await page.locator("#root").isVisible(),
  };
}

function expectAdvice(text: { vi: string; en: string }, excel: boolean): void {
  expect(text.vi).toContain("web.html");
  expect(text.vi).toContain("ntm-plan");
  expect(text.en).toContain("web.html");
  expect(text.en).toContain("ntm-plan");
  if (excel) {
    expect(text.vi).toContain("Microsoft 365, hoặc Office 2021 trở lên");
    expect(text.en).toContain("Microsoft 365, or Office 2021 or later");
  }
}

describe.each(PAGES)("$page in an old webview", ({ page: file, bundle, excel }) => {
  it("says what to use instead when Promise, fetch and WebAssembly are missing", async () => {
    const page = await context.newPage();
    try {
      await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        delete w.Promise;
        delete w.fetch;
        delete w.WebAssembly;
      });
      await page.goto(`${url}${file}`);
      const text = await messageOf(page);
      expect(text.vi).toContain("thiếu Promise, fetch, WebAssembly");
      expect(text.en).toContain("missing Promise, fetch, WebAssembly");
      expectAdvice(text, excel);
      expect(text.rootShown).toBe(false);
      await screenshot(page, `old-webview-${file.replace(".html", "")}-missing`);
    } finally {
      await page.close();
    }
  });

  it("says what to use instead when the bundle does not parse", async () => {
    const page = await context.newPage();
    try {
      const started = Date.now();
      // A syntax error, as ES2020 is to Internet Explorer 11: the bundle runs nothing at all.
      await page.route(`**/${bundle}`, (route) =>
        route.fulfill({ contentType: "text/javascript", body: "window.ntmStarted = ;" })
      );
      await page.goto(`${url}${file}`);
      const text = await messageOf(page);
      expect(text.vi).toContain("không khởi động được");
      expect(text.en).toContain("did not start");
      expectAdvice(text, excel);
      // Not before the grace period: a slow start must not be taken for a failure.
      expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    } finally {
      await page.close();
    }
  });

  it("shows nothing of it when the bundle starts", async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${url}${file}`);
      await page.waitForLoadState("load");
      // Past the 3 s grace period after load, by the page's own clock: its timers run in the order they are due, so
      // this one ends after the check has run, however slow the machine (a fixed sleep here could end before it).
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 3500)));
      expect(await page.evaluate(() => (window as { ntmStarted?: boolean }).ntmStarted)).toBe(true);
      expect(await page.getByTestId("old-webview").count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
