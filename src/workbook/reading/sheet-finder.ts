// The one way every job, `plan` and the task pane find an input sheet: the sheet the user named (even a hidden
// one), else the visible sheets whose headers fit, never the add-in's own result sheets; when two sheets fit, the
// choice and its reason are said in a warning.

import { InputError, type Bilingual } from "../../engine/errors";
import type { Warning } from "../../engine/types";
import { gridAddress, type Grid } from "../grid";
import { findSheetName } from "../ownership";
import type { WorkbookPort } from "../port";

/** The add-in's result sheets start with this ("KQ_TongHop") and are never read as input. */
export const RESULT_SHEET_PREFIX = "KQ_";

export function isResultSheet(name: string): boolean {
  return name.toUpperCase().startsWith(RESULT_SHEET_PREFIX) || /^kq /i.test(name);
}

/** The sheets an input may come from without being named: visible, not the add-in's results, in workbook order. */
export async function inputSheetNames(workbook: WorkbookPort): Promise<string[]> {
  const hidden = new Set(await hiddenSheetNames(workbook));
  return (await workbook.sheetNames()).filter((n) => !hidden.has(n) && !isResultSheet(n));
}

/** The user's hidden sheets (an adapter that cannot tell reports none; the add-in's bookkeeping sheet is not one). */
export async function hiddenSheetNames(workbook: WorkbookPort): Promise<string[]> {
  if (!workbook.hiddenSheets) return [];
  const hidden = new Set(await workbook.hiddenSheets());
  return (await workbook.sheetNames()).filter((n) => hidden.has(n));
}

export interface SheetQuery {
  /** The sheet the user named; read as it is, hidden or not. */
  named?: string;
  /** True for a sheet holding the input (by its headers). */
  accepts: (grid: Grid) => boolean;
  /** Among accepted sheets, the ones to prefer (e.g. a communes sheet that is not also a costs sheet). */
  prefer?: (grid: Grid) => boolean;
  /** Sheets not to consider (another input already read from the same workbook). */
  exclude?: string[];
  /** What the input is, for messages: { vi: "danh sách xã", en: "communes list" }. */
  what: Bilingual;
  /**
   * An input the workbook may simply not have (the merger mapping): a hidden sheet that fits is left unread rather
   * than refused, as it is not named.
   */
  optional?: boolean;
}

/** Which sheet was taken and why, per grid handed to a reader (collected with the job's other reading notes). */
const choiceNotes = new WeakMap<Grid, Warning[]>();

export function sheetChoiceWarnings(grid: Grid): Warning[] {
  return choiceNotes.get(grid) ?? [];
}

export interface FoundSheet {
  grid: Grid;
  /** Which sheet was taken and why, when another sheet could have been the input too. */
  warnings: Warning[];
}

/**
 * Finds an input sheet. Null when no visible sheet fits; a hidden sheet that fits is not read, and the error says
 * how to use it (name it) rather than pretending there is none.
 */
export async function findInputSheet(
  workbook: WorkbookPort,
  query: SheetQuery
): Promise<FoundSheet | null> {
  if (query.named) return { grid: await workbook.readSheet(query.named), warnings: [] };
  const exclude = new Set(query.exclude ?? []);
  const candidates: Grid[] = [];
  for (const name of await inputSheetNames(workbook)) {
    if (exclude.has(name)) continue;
    const grid = await workbook.readSheet(name);
    if (query.accepts(grid)) candidates.push(grid);
  }
  if (candidates.length === 0) {
    if (query.optional) return null;
    const hidden = [];
    for (const name of await hiddenSheetNames(workbook)) {
      if (exclude.has(name) || isResultSheet(name)) continue;
      if (query.accepts(await workbook.readSheet(name))) hidden.push(name);
    }
    if (hidden.length > 0) {
      throw new InputError({
        sheet: hidden[0],
        expected: {
          vi: `${query.what.vi} trên một trang đang hiện; trang '${hidden[0]}' có bảng này nhưng đang ẩn: bỏ ẩn trang hoặc chọn đúng tên trang (--sheet) để dùng nó`,
          en: `the ${query.what.en} on a visible sheet; sheet '${hidden[0]}' holds one but is hidden: unhide it or name it (--sheet) to use it`,
        },
      });
    }
    return null;
  }
  const preferred = query.prefer ? candidates.filter(query.prefer) : candidates;
  const chosen = preferred[0] ?? candidates[0];
  const others = candidates.filter((g) => g !== chosen).map((g) => `'${g.sheet}'`);
  if (others.length === 0) return { grid: chosen, warnings: [] };
  const warnings: Warning[] = [];
  choiceNotes.set(chosen, warnings);
  const why =
    query.prefer && preferred.length > 0 && preferred.length < candidates.length
      ? { vi: "trang này chỉ chứa bảng cần đọc", en: "it holds only the table needed" }
      : { vi: "trang này đứng trước", en: "it comes first in the workbook" };
  warnings.push({
    sheet: chosen.sheet,
    cell: gridAddress(chosen, 0, 0),
    vi: `${query.what.vi}: dùng trang '${chosen.sheet}' (${why.vi}); trang ${others.join(", ")} cũng có bảng này — chọn trang khác bằng --sheet hoặc ô chọn trang`,
    en: `${query.what.en}: using sheet '${chosen.sheet}' (${why.en}); ${others.join(", ")} could be the input too — choose another with --sheet or the sheet picker`,
  });
  return { grid: chosen, warnings };
}

/**
 * Every visible input sheet that fits (a catalogue may be spread over several); the named one alone when named. A
 * hidden sheet that fits is refused as in findInputSheet when no visible one does.
 */
export async function findInputSheets(workbook: WorkbookPort, query: SheetQuery): Promise<Grid[]> {
  if (query.named) return [await workbook.readSheet(query.named)];
  const exclude = new Set(query.exclude ?? []);
  const grids: Grid[] = [];
  for (const name of await inputSheetNames(workbook)) {
    if (exclude.has(name)) continue;
    const grid = await workbook.readSheet(name);
    if (query.accepts(grid)) grids.push(grid);
  }
  if (grids.length > 0) return grids;
  const first = await findInputSheet(workbook, query);
  return first ? [first.grid] : [];
}

/** A sheet the input is known by its name (the period targets sheet, a policy sheet), as Excel matches names. */
export async function sheetNamed(
  workbook: WorkbookPort,
  wanted: string
): Promise<string | undefined> {
  return findSheetName(await workbook.sheetNames(), wanted);
}
