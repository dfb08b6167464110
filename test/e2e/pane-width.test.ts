// The task pane at the width Excel gives it (320 and 350 px), in Vietnamese and English: every job's preview fits,
// its key figures are in view, and axe-core finds no serious accessibility violation. One browser for the whole run.

import { prepareJob } from "./clerk-setup";
import { ensureDist, open, runChosenJob, screenshot, type Session } from "./browser";
import { axeViolations, measure, setLanguage } from "./fit";

jest.setTimeout(600_000);

const WIDTHS = [320, 350];
/** 320 px less the 16 px of a classic scroll bar (Excel on Windows shows one; headless Chromium does not). */
const WITH_SCROLLBAR = 304;
const LANGS = ["vi", "en"] as const;

describe("the task pane at Excel's width", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(ensureDist());
    await session.page.setViewportSize({ width: WIDTHS[0], height: 900 });
  });
  afterAll(async () => session && (await session.close()));

  it("shows every job's key figures, warnings and tables within 320 and 350 px, in Vietnamese and English", async () => {
    const { page } = session;
    const ids = await page
      .locator('[data-testid="job-picker"] option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThan(0);
    const problems: unknown[] = [];
    for (const id of ids) {
      await setLanguage(page, "vi");
      await prepareJob(page, id);
      await runChosenJob(page);
      expect({ id, problem: await page.getByTestId("problem").allInnerTexts() }).toEqual({
        id,
        problem: [],
      });
      // One row opened, so its details are measured (and seen in the screenshots) too.
      const expander = page.getByTestId("row-expander").first();
      if ((await expander.count()) > 0) await expander.click();
      for (const lang of LANGS) {
        await setLanguage(page, lang);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const fit = await measure(page);
          await screenshot(page, `pane-${id}-${lang}-${width}`);
          const ok =
            fit.viewport === width &&
            fit.documentScroll <= fit.viewport &&
            fit.preview.scroll <= fit.preview.client &&
            fit.outside.length === 0 &&
            fit.figures.count > 0 &&
            fit.figures.outside === 0;
          if (!ok) problems.push({ id, lang, width, fit });
        }
        await page.setViewportSize({ width: WITH_SCROLLBAR, height: 900 });
        const narrow = await measure(page);
        if (narrow.documentScroll > narrow.viewport || narrow.outside.length > 0)
          problems.push({ id, lang, width: WITH_SCROLLBAR, fit: narrow });
        await page.setViewportSize({ width: WIDTHS[0], height: 900 });
        const violations = await axeViolations(page);
        if (violations.length > 0) problems.push({ id, lang, axe: violations });
      }
      const live = await page.getByTestId("live-status").innerText();
      if (!live.startsWith("Done:")) problems.push({ id, live });
    }
    expect(problems).toEqual([]);
  });

  it("keeps the key figures in the chosen language: English labels, Vietnamese number formats", async () => {
    const { page } = session;
    await setLanguage(page, "vi");
    await page.getByTestId("job-picker").selectOption("summary");
    await runChosenJob(page);
    const tiles = page.getByTestId("key-figures");
    await expect(tiles.innerText()).resolves.toMatch(/Xã đạt chuẩn NTM\s+70\/80/);
    await expect(tiles.innerText()).resolves.toContain("18,63");
    await setLanguage(page, "en");
    await expect(tiles.innerText()).resolves.toMatch(/Communes at the NTM standard\s+70\/80/);
    await expect(tiles.innerText()).resolves.toContain("18,63");
    const headers = await page.locator('[data-testid="result-table"] th').allInnerTexts();
    // The criteria table's name column in English is the criteria's English names.
    expect(headers).toEqual(expect.arrayContaining(["Indicator", "Value", "English name"]));
    await setLanguage(page, "vi");
  });

  it("reads well in the dark and high-contrast themes", async () => {
    const { page } = session;
    await page.getByTestId("job-picker").selectOption("counterpart");
    await page.getByTestId("option-ratio").fill("1");
    await runChosenJob(page);
    for (const [name, media] of [
      ["dark", { colorScheme: "dark" as const }],
      ["high-contrast", { forcedColors: "active" as const }],
    ] as const) {
      await page.emulateMedia(media);
      await page.locator(`[data-theme="${name === "dark" ? "dark" : "highContrast"}"]`).waitFor();
      // Buttons fade to the new theme's colours: contrast is judged once every transition has ended (a busy CI
      // machine once caught them half-way and found the contrast too low). Spinners never end, so only transitions;
      // their state is polled, not their promises: after the earlier tests' runs, one transition in high contrast
      // ended without its `finished` promise ever settling, and awaiting it hung the test for its 10 minutes.
      await page.waitForFunction(() =>
        document
          .getAnimations()
          .filter((a) => a instanceof CSSTransition)
          .every((a) => a.playState !== "running" && !a.pending)
      );
      await screenshot(page, `pane-counterpart-${name}-320`);
      expect({ name, axe: await axeViolations(page) }).toEqual({ name, axe: [] });
      await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
    }
  });
});
