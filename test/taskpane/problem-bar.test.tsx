// The pane's error bar places an error where the user can fix it: a sheet and cell for a sheet's value, the form's
// field (by its label, never a CLI flag) for an option's value.

import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ProblemBar } from "../../src/taskpane/components/ProblemBar";
import { describeProblem } from "../../src/taskpane/run";
import { JOBS } from "../../src/workbook/jobs";

const counterpart = JOBS.find((j) => j.id === "counterpart")!;

async function refusal(options: Record<string, number>): Promise<unknown> {
  return counterpart
    .run({ inputs: {}, options })
    .then(() => null, (e: unknown) => e);
}

describe("the pane's error bar", () => {
  it("names the fields an option's refused value came from, by the form's labels, in the pane's language", async () => {
    const view = describeProblem(await refusal({ ratio: 1, "support-share": 40 }));
    expect(view.options).toEqual(["ratio", "support-share"]);
    const labels = (lang: "vi" | "en") =>
      ["ratio", "support-share"].map((id) => counterpart.options.find((o) => o.id === id)!.label[lang]);
    const vi = renderToStaticMarkup(<ProblemBar problem={view} lang="vi" job={counterpart} />);
    for (const label of labels("vi")) expect(vi).toContain(`Mục “${label}”`);
    const en = renderToStaticMarkup(<ProblemBar problem={view} lang="en" job={counterpart} />);
    for (const label of labels("en")) expect(en).toContain(`Field “${label}”`);
    expect(vi + en).not.toMatch(/--(ratio|support-share)/);
  });
});
