// The run context: what a run of several jobs (plan, report) settles once from the options and the workbook, so that
// each job takes it rather than finding it again: the inputs found by the one sheet finder (visible sheets; a hidden
// one only when named), the plan year with its source, the period (criteria set) with why, and the merger mapping. A job run alone (its own command, the
// task pane) has no context and finds the same things the same way, through the same functions.

import type { MergeMap } from "../../engine/merge";
import type { Warning } from "../../engine/types";
import type { Grid } from "../grid";
import type { WorkbookPort } from "../port";
import { looksLikeMergeMap, readMergeMapTable } from "../readers/merge";
import type { TableReading } from "./types";
import { buildMergeMap } from "../../engine/merge";
import { detectInputs } from "./detect";
import type { InputKind } from "./inputs";
import { choosePeriod, type SettledPeriod } from "./period";
import { findInputSheet } from "./sheet-finder";
import { settlePlanYear, titleCell, type PlanYear } from "./year";

export interface RunContext {
  /** The workbook the run reads. */
  workbook: WorkbookPort;
  /** For each kind of input, the visible sheets whose headers fit it, in workbook order (see detect.ts). */
  inputs: Partial<Record<InputKind, string[]>>;
  /** The plan year: the option, else the data (status sheet first); undefined when neither says it. */
  year?: PlanYear;
  /** Where the year would have been said (the first year sheet's title), for the refusal when it is not. */
  yearAt?: { sheet: string; cell: string };
  /** The criteria set (period) for the plan year and the status sheet, with why; none without a status sheet. */
  period?: SettledPeriod;
  /** The workbook's merger mapping, if it has one, with what was read from its sheet. */
  merge: FoundMergeMap | null;
  /** What settling said: years that disagree, two sheets that fit one input. */
  warnings: Warning[];
}

/** The sheets whose data may say the year, in the order they are asked: the status sheet first. */
export const YEAR_SHEETS: InputKind[] = ["communes", "budget", "coefficients"];

/** A merger mapping with what was read from its sheet. */
export type FoundMergeMap = MergeMap & { reading: TableReading };

/** The merger mapping of a workbook: its visible input sheet that looks like one, or null (never a hidden one). */
export async function findMergeMap(
  workbook: WorkbookPort | undefined
): Promise<FoundMergeMap | null> {
  if (!workbook) return null;
  const found = await findInputSheet(workbook, {
    accepts: looksLikeMergeMap,
    what: { vi: "bảng sáp nhập xã", en: "merger mapping" },
    optional: true,
  });
  if (!found) return null;
  const read = readMergeMapTable(found.grid);
  return { ...buildMergeMap(read.entries, found.grid.sheet), reading: read.reading };
}

/** Settles a run's context once: inputs, plan year (the option `year` given, else the data's) and merger mapping. */
export async function settleRunContext(
  workbook: WorkbookPort,
  given: { year?: number } = {}
): Promise<RunContext> {
  const inputs = await detectInputs(workbook);
  const yearSheets = [...new Set(YEAR_SHEETS.flatMap((kind) => inputs[kind]?.slice(0, 1) ?? []))];
  const grids: Grid[] = [];
  for (const name of yearSheets) grids.push(await workbook.readSheet(name));
  const settled = settlePlanYear(given.year, grids);
  const status = inputs.communes?.[0];
  const indicators = inputs.indicators?.[0];
  let period: SettledPeriod | undefined;
  if (status !== undefined && settled.year) {
    const ref = { workbook, sheet: status };
    const choice = await choosePeriod(
      {
        inputs: {
          communes: ref,
          ...(indicators ? { indicators: { workbook, sheet: indicators } } : {}),
        },
        options: {},
        year: settled.year,
      },
      [],
      ref,
      undefined,
      false
    );
    period = { choice, workbook, status, ...(indicators ? { indicators } : {}) };
  }
  return {
    workbook,
    inputs,
    year: settled.year,
    ...(grids[0] ? { yearAt: titleCell(grids[0]) } : {}),
    ...(period ? { period } : {}),
    merge: await findMergeMap(workbook),
    warnings: settled.warnings,
  };
}

/** The merger mapping a job uses for a workbook: the run's when the run settled it for that workbook, else found. */
export async function mergeMapFor(
  request: { context?: RunContext },
  workbook: WorkbookPort | undefined
): Promise<FoundMergeMap | null> {
  const context = request.context;
  if (context && workbook === context.workbook) return context.merge;
  return findMergeMap(workbook);
}
