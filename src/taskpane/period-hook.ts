// The criteria set of the workbook the form is about, as the chosen job would choose it: the form labels the
// budget and fills the bands by it (a 2026-2030 file gets the 10-criterion bands).

import * as React from "react";
import type { Catalogue } from "../engine/types";
import type { JobSpec } from "../workbook/jobs/job";
import type { WorkbookPort } from "../workbook/port";
import type { PeriodRequest } from "../workbook/reading/period";
import { NONE, type OptionValues } from "./run";

/** The catalogue of the job's communes sheet (undefined while unknown, or when the job reads no communes). */
export function useWorkbookPeriod(
  workbook: WorkbookPort,
  job: JobSpec | undefined,
  sheets: Record<string, string | undefined>,
  options: OptionValues,
  sheetNames: string[] | null
): Catalogue | undefined {
  const [catalogue, setCatalogue] = React.useState<Catalogue | undefined>(undefined);
  const communes = job?.inputs.find((i) => i.kind === "communes");
  const sheet = communes ? sheets[communes.id] : undefined;
  const period = options.period;
  const year = options.year;
  React.useEffect(() => {
    let live = true;
    if (!communes || !sheetNames || sheet === NONE) {
      setCatalogue(undefined);
      return;
    }
    const ref = { workbook, sheet };
    const request: PeriodRequest = {
      inputs: { [communes.id]: ref },
      options: {
        ...(period !== undefined ? { period } : {}),
        ...(year !== undefined ? { year } : {}),
      },
    };
    // Not refused here: the run says what is wrong; the form only needs the set. The reading is loaded with the
    // jobs' code (not on the first screen).
    import(/* webpackChunkName: "jobs" */ "../workbook/reading/period")
      .then(({ choosePeriod }) => choosePeriod(request, [], ref, undefined, false))
      .then(
        (choice) => live && setCatalogue(choice.catalogue),
        () => live && setCatalogue(undefined)
      );
    return () => {
      live = false;
    };
  }, [workbook, communes, sheet, period, year, sheetNames]);
  return catalogue;
}
