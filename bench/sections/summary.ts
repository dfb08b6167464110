// The province summary over 10,000 communes in each input shape: the communes reader plus the summary engine.

import { CATALOGUE_2021_2025 } from "../../src/engine/catalogues";
import { gridFromRows } from "../../src/workbook/grid";
import { communesGrid, COUNTRY_SIZE, generateRegion, STATUS_SHAPES } from "../generators";
import { timeRuns } from "../measure";
import { loadModule, MODULES, type CommunesReader, type CommunesSummariser } from "../modules";
import type { Options } from "../options";
import type { Report } from "../report";

export async function benchSummary(report: Report, options: Options): Promise<void> {
  const reader = loadModule<CommunesReader>(MODULES.communes);
  const summary = loadModule<CommunesSummariser>(MODULES.summary);
  if (!reader || !summary) {
    report.note("the communes reader or summary engine is not in this build: summary rows skipped");
    return;
  }
  const n = options.quick ? 1000 : COUNTRY_SIZE;
  const region = generateRegion({ seed: "country", communes: n, profile: "status" });
  const truth = region.communes.reduce((s, c) => s + c.achieved.length, 0) / n;
  const standard = region.communes.filter((c) => c.achieved.length === 19).length;
  for (const shape of STATUS_SHAPES) {
    const grid = gridFromRows("Xa", communesGrid(region, shape));
    const catalogue = CATALOGUE_2021_2025;
    const read = await timeRuns(options.runs, () => reader.readCommunes(grid, { catalogue }));
    const both = await timeRuns(options.runs, () =>
      summary.summariseCommunes(reader.readCommunes(grid, { catalogue }).communes, { catalogue })
    );
    const s = both.last;
    const right =
      Math.abs(s.averageCriteria - truth) < 1e-9 && s.standard === standard && s.communes === n;
    report.add({
      section: "summary",
      case: `${n.toLocaleString("en")} communes, ${shape} shape: reader + summary`,
      medianMs: both.timing.medianMs,
      runs: both.timing.runs,
      detail: `reader alone ${read.timing.medianMs.toFixed(1)} ms; shape read as "${read.last.shape}"; average ${s.averageCriteria.toFixed(2)}, ${s.standard.toLocaleString("en")} standard${right ? " (checked)" : " — DIFFERS from the generator"}`,
    });
  }
}
