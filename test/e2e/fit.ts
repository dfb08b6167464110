// Measuring the task pane in the browser tests: what reaches past the pane's edges, axe-core's serious findings,
// and the language switch. Shared by the pane-width and reading-panel tests.

import { readFileSync } from "fs";
import type { Page } from "playwright-core";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface Fit {
  viewport: number;
  documentScroll: number;
  preview: { scroll: number; client: number };
  /** Elements reaching past the pane's right edge (or its left). */
  outside: string[];
  figures: { count: number; outside: number };
}

/** Measures the pane as laid out now. */
export function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""}` +
      ` “${(el.textContent ?? "").trim().slice(0, 40)}” ${Math.round(el.getBoundingClientRect().right)}px`;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    const outside = [...document.querySelectorAll('[data-testid="pane"] *')]
      .filter((el) => visible(el))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > viewport + 0.5 || r.left < -0.5;
      })
      .map(describe);
    const preview = document.querySelector('[data-testid="results"]') as HTMLElement;
    const figures = [...document.querySelectorAll('[data-testid="key-figure"]')];
    return {
      viewport,
      documentScroll: document.documentElement.scrollWidth,
      preview: { scroll: preview.scrollWidth, client: preview.clientWidth },
      outside: outside.slice(0, 8),
      figures: {
        count: figures.length,
        outside: figures.filter((f) => {
          const r = f.getBoundingClientRect();
          return r.left < 0 || r.right > viewport + 0.5;
        }).length,
      },
    };
  });
}

/** axe-core's serious and critical violations on the page as it is. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: unknown): Promise<AxeResult> } }).axe;
    interface AxeResult {
      passes: unknown[];
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run(document);
    if (result.passes.length === 0) return ["axe-core checked nothing"];
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

export async function setLanguage(page: Page, lang: "vi" | "en"): Promise<void> {
  const pane = page.getByTestId("pane");
  if ((await pane.getAttribute("lang")) !== lang) await page.getByTestId("language").click();
  await page.locator(`[data-testid="pane"][lang="${lang}"]`).waitFor();
}
