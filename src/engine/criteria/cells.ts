// Criteria from worksheet-function arguments: a list cell, a row of marks, or a range of lists and counts.

import { InputError } from "../errors";
import type { Catalogue } from "../types";
import { parseCriteriaList } from "./list";
import { isMarkMet } from "./marks";

type Cell = unknown;

function isBlankCell(value: Cell): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** The same error with the position in the range added, since a function argument has no address of its own. */
function atPosition(e: unknown, row: number, col: number): unknown {
  if (!(e instanceof InputError)) return e;
  const where = {
    vi: `ô hàng ${row + 1}, cột ${col + 1} của vùng`,
    en: `the range's cell at row ${row + 1}, column ${col + 1}`,
  };
  const { expected } = e.details;
  return new InputError({
    ...e.details,
    expected: { vi: `${where.vi}: ${expected.vi}`, en: `${where.en}: ${expected.en}` },
  });
}

function listFromCell(value: Cell, catalogue: Catalogue): number[] {
  if (isBlankCell(value)) return [];
  if (typeof value === "number" || typeof value === "string")
    return parseCriteriaList(value, catalogue);
  throw new InputError({
    found: String(value),
    expected: {
      vi: `danh sách số tiêu chí như "1,2,3"`,
      en: `a list of criterion numbers such as "1,2,3"`,
    },
  });
}

/**
 * Criteria met from a function argument: one cell holds a list ("1,2,3"); a row or column of as many cells as the
 * catalogue has criteria holds one mark each, in catalogue order.
 */
export function achievedFromCells(cells: Cell[][], catalogue: Catalogue): number[] {
  const flat = cells.flat();
  if (flat.length === 1) return listFromCell(flat[0], catalogue);
  const total = catalogue.criteria.length;
  if (flat.length !== total || (cells.length > 1 && cells[0].length > 1)) {
    throw new InputError({
      found: `${cells.length}×${cells[0]?.length ?? 0}`,
      expected: {
        vi: `một ô danh sách tiêu chí, hoặc một hàng/cột ${total} ô đánh dấu (bộ ${catalogue.id})`,
        en: `one cell with a list of criteria, or one row/column of ${total} marks (set ${catalogue.id})`,
      },
    });
  }
  const width = cells[0].length;
  return catalogue.criteria
    .filter((c, i) => {
      try {
        return isMarkMet(flat[i] as string | number | boolean | null);
      } catch (e) {
        throw atPosition(e, Math.floor(i / width), i % width);
      }
    })
    .map((c) => c.number);
}

/**
 * Criteria counts from a range: a number is a count (0..number of criteria), text is a list of criteria.
 * Blank cells are skipped.
 */
export function countsFromRange(cells: Cell[][], catalogue: Catalogue): number[] {
  const total = catalogue.criteria.length;
  const counts: number[] = [];
  cells.forEach((row, r) =>
    row.forEach((value, c) => {
      if (isBlankCell(value)) return;
      try {
        if (typeof value === "number") {
          if (!Number.isInteger(value) || value < 0 || value > total) {
            throw new InputError({
              found: String(value),
              expected: {
                vi: `số tiêu chí đạt: số nguyên từ 0 đến ${total}, hoặc danh sách như "1,2,3"`,
                en: `a number of criteria met: a whole number from 0 to ${total}, or a list such as "1,2,3"`,
              },
            });
          }
          counts.push(value);
        } else {
          counts.push(listFromCell(value, catalogue).length);
        }
      } catch (e) {
        throw atPosition(e, r, c);
      }
    })
  );
  return counts;
}
