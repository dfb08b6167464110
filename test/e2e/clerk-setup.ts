// What a clerk does in the browser tests for what a job cannot default, and choosing a job that way.

import type { Page } from "playwright-core";
import { insertTemplate } from "./browser";

/**
 * The sample province states its counterpart ratio (1:1); to allocate an envelope (200.334 million, the 2024
 * central budget, typed without thousands dots: an option "200.334" reads two ways and is refused) the clerk
 * inserts the coefficients template first (the sample has no coefficients sheet); a roadmap needs its years and a
 * yearly budget (counted in criteria at the default cost of 1, 120 ≈ 1.5 criteria for each of 80 communes); a
 * merger needs its mapping (the template's example row; the sample has no merged communes), without the communes'
 * earlier status (the sample's communes are not in that mapping). Other jobs run on the sample with their defaults.
 */
export const CLERK_SETUP: Record<
  string,
  { templates?: string[]; options?: Record<string, string>; unused?: string[] }
> = {
  counterpart: { options: { ratio: "1" } },
  allocate: { templates: ["coefficients"], options: { total: "200334" } },
  roadmap: { options: { budget: "120", from: "2024", to: "2025" } },
  merge: { templates: ["merge"], unused: ["communes"] },
};

/** Inserts the job's templates, picks the job and fills in what it needs (in the Vietnamese pane). */
export async function prepareJob(page: Page, id: string): Promise<void> {
  const setup = CLERK_SETUP[id] ?? {};
  for (const template of setup.templates ?? []) {
    await insertTemplate(page, template);
  }
  await page.getByTestId("job-picker").selectOption(id);
  for (const input of setup.unused ?? []) {
    await page.getByTestId(`input-${input}`).selectOption({ label: "(không dùng)" });
  }
  for (const [option, value] of Object.entries(setup.options ?? {})) {
    await page.getByTestId(`option-${option}`).fill(value);
  }
}
