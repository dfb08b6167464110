// Every job reports the number texts it had to read one of two ways ("16,000": sixteen, not sixteen thousand).

import type { Grid } from "../grid";
import type { WorkbookPort } from "../port";
import {
  ambiguousNumberWarnings,
  hiddenColumnWarnings,
  invisibleCharacterWarnings,
} from "../readers/table";
import { sheetChoiceWarnings } from "../reading/sheet-finder";
import type { JobRequest, PlanningJob } from "./job";
import { withAssumptions } from "./assumed";

/** A port that remembers the grids it handed out, so their reading notes can be collected afterwards. */
function recordingPort(port: WorkbookPort, grids: Grid[]): WorkbookPort {
  return {
    sheetNames: () => port.sheetNames(),
    ...(port.hiddenSheets ? { hiddenSheets: () => port.hiddenSheets!() } : {}),
    readSheet: async (name) => {
      const grid = await port.readSheet(name);
      grids.push(grid);
      return grid;
    },
    writeResults: (sheets) => port.writeResults(sheets),
  };
}

/**
 * The job with the sheet-choice, hidden-column and ambiguous-number warnings of every sheet it read added to its
 * warnings, and its assumptions said (jobs/assumed.ts).
 */
export function withNumberNotes(job: PlanningJob): PlanningJob {
  return withAssumptions({
    ...job,
    async run(request: JobRequest) {
      const grids: Grid[] = [];
      const inputs: JobRequest["inputs"] = {};
      for (const [id, ref] of Object.entries(request.inputs)) {
        inputs[id] = ref && { ...ref, workbook: recordingPort(ref.workbook, grids) };
      }
      const result = await job.run({ ...request, inputs });
      const seen = new Set<Grid>();
      const notes = grids
        .filter((g) => !seen.has(g) && seen.add(g))
        .flatMap((g) => [
          ...sheetChoiceWarnings(g),
          ...hiddenColumnWarnings(g),
          ...ambiguousNumberWarnings(g),
          ...invisibleCharacterWarnings(g),
        ]);
      return notes.length > 0 ? { ...result, warnings: [...result.warnings, ...notes] } : result;
    },
  });
}
