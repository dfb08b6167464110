// Reading a job request: numeric options with errors that name the option, and the grid of an input sheet.

import { InputError, type Bilingual } from "../../engine/errors";
import type { Grid } from "../grid";
import { findInputSheet, inputSheetNames } from "../sheet-finder";
import type { JobRequest } from "./job";

export interface NumberOptionRules {
  min?: number;
  integer?: boolean;
  /** Strictly greater than min. */
  positive?: boolean;
  label: Bilingual;
}

/** A numeric option (number or text); undefined when absent. Bad values are InputErrors naming the option. */
export function optionNumber(
  request: JobRequest,
  id: string,
  rules: NumberOptionRules
): number | undefined {
  const raw = request.options[id];
  if (raw === undefined || raw === "" || raw === false) return undefined;
  const text = String(raw).trim().replace(/_/g, "");
  const value = typeof raw === "number" ? raw : Number(text);
  // "1.000" is a thousand to a Vietnamese reader and one to Number(): refuse rather than guess.
  const ambiguous = typeof raw === "string" && /^-?[1-9]\d{0,2}(\.\d{3})+$/.test(text);
  const bad =
    typeof raw === "boolean" ||
    ambiguous ||
    !Number.isFinite(value) ||
    (rules.integer && !Number.isInteger(value)) ||
    (rules.min !== undefined && value < rules.min) ||
    (rules.positive && value <= 0);
  if (bad) {
    const kind = rules.integer
      ? {
          vi: "số nguyên viết liền (1000, không 1.000)",
          en: "a whole number written plainly (1000, not 1.000)",
        }
      : {
          vi: "một số viết liền, dấu chấm thập phân (1000, 1.5)",
          en: "a plain number with a decimal point (1000, 1.5)",
        };
    const bound = rules.positive
      ? { vi: " > 0", en: " > 0" }
      : rules.min !== undefined
        ? { vi: ` ≥ ${rules.min}`, en: ` ≥ ${rules.min}` }
        : { vi: "", en: "" };
    throw new InputError({
      found: `${id} = ${String(raw)}`,
      expected: {
        vi: `${rules.label.vi} (${id}): ${kind.vi}${bound.vi}`,
        en: `${rules.label.en} (${id}): ${kind.en}${bound.en}`,
      },
    });
  }
  return value;
}

export function requireOptionNumber(
  request: JobRequest,
  id: string,
  rules: NumberOptionRules
): number {
  const value = optionNumber(request, id, rules);
  if (value === undefined) {
    throw new InputError({
      found: `${id}: (trống / missing)`,
      expected: { vi: `${rules.label.vi} (${id})`, en: `the ${rules.label.en} (${id})` },
    });
  }
  return value;
}

/**
 * The grid of a job input (see sheet-finder): the named sheet, or else the visible sheet that `recognise` accepts,
 * or else the first visible input sheet (whose reader then says which headers are missing).
 */
export async function inputGrid(
  request: JobRequest,
  id: string,
  label: Bilingual,
  recognise: (grid: Grid) => boolean
): Promise<Grid> {
  const ref = request.inputs[id];
  if (!ref) {
    throw new InputError({
      found: `${id}: (trống / missing)`,
      expected: { vi: `dữ liệu đầu vào: ${label.vi}`, en: `an input: ${label.en}` },
    });
  }
  const found = await findInputSheet(ref.workbook, {
    named: ref.sheet,
    accepts: recognise,
    what: label,
  });
  if (found) return found.grid;
  const [first] = await inputSheetNames(ref.workbook);
  if (first !== undefined) return ref.workbook.readSheet(first);
  throw new InputError({
    expected: { vi: `một trang tính có ${label.vi}`, en: `a sheet with the ${label.en}` },
  });
}
