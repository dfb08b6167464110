// Reading and writing lists of criteria met ("1,2,3", "1-5; 7"), checked against a catalogue.

import { maxOf, minOf } from "../arrays";
import { InputError } from "../errors";
import type { Catalogue } from "../types";

const DASHES = /\s*[-–—]\s*/g;

function listError(
  found: string,
  catalogue: Catalogue,
  detail: { vi: string; en: string }
): InputError {
  const numbers = catalogue.criteria.map((c) => c.number);
  const span = `${minOf(numbers)}-${maxOf(numbers)}`;
  return new InputError({
    found,
    // The detail goes first: cells cut long messages (255 characters).
    expected: {
      vi: `${detail.vi}; cần danh sách số tiêu chí ${span} (bộ ${catalogue.id}) như "1,2,3" hoặc "1-5,7"`,
      en: `${detail.en}; expected criterion numbers ${span} (set ${catalogue.id}) such as "1,2,3" or "1-5,7"`,
    },
  });
}

/**
 * The criteria a list names, ascending: numbers separated by commas, semicolons or spaces, with ranges "1-5".
 * Unknown numbers, duplicates, reversed ranges and text are InputErrors with `found` and what was expected
 * (the caller adds the sheet and cell). Blank text is an empty list.
 */
export function parseCriteriaList(text: string | number, catalogue: Catalogue): number[] {
  const raw = String(text);
  const known = new Set(catalogue.criteria.map((c) => c.number));
  const tokens = raw
    .replace(DASHES, "-")
    .split(/[,;\s]+/)
    .filter((t) => t !== "");
  const seen = new Set<number>();
  const add = (n: number) => {
    if (!known.has(n)) {
      throw listError(raw, catalogue, {
        vi: `không có tiêu chí số ${n}`,
        en: `there is no criterion ${n}`,
      });
    }
    if (seen.has(n)) {
      throw listError(raw, catalogue, {
        vi: `tiêu chí ${n} ghi hai lần`,
        en: `criterion ${n} is listed twice`,
      });
    }
    seen.add(n);
  };
  for (const token of tokens) {
    const range = /^(\d+)-(\d+)$/.exec(token);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to) {
        throw listError(raw, catalogue, {
          vi: `khoảng "${token}" bị ngược (viết ${to}-${from})`,
          en: `the range "${token}" is reversed (write ${to}-${from})`,
        });
      }
      for (let n = from; n <= to; n++) add(n);
    } else if (/^\d+$/.test(token)) {
      add(Number(token));
    } else {
      throw listError(raw, catalogue, {
        vi: `"${token}" không phải số tiêu chí`,
        en: `"${token}" is not a criterion number`,
      });
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/** "1,2,3,4" for a list of criterion numbers, the way reports write it. */
export function formatCriteriaList(numbers: number[]): string {
  return [...numbers].sort((a, b) => a - b).join(",");
}

/** The catalogue's criteria not in `achieved`, ascending. */
export function missingCriteria(achieved: number[], catalogue: Catalogue): number[] {
  const met = new Set(achieved);
  return catalogue.criteria
    .map((c) => c.number)
    .filter((n) => !met.has(n))
    .sort((a, b) => a - b);
}
