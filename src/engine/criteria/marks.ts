// One mark per criterion ("x", "✓", "Đạt", TRUE …): met, not met, or an error naming what was found.

import { InputError } from "../errors";
import { labelKey } from "../text";

const MET = new Set(["x", "1", "dat", "true", "yes", "co"]);
const NOT_MET = new Set(["", "0", "chua dat", "khong dat", "false", "no", "khong"]);

export const MARK_EXPECTED = {
  vi: `dấu đạt ("x", "X", "✓", "1", "Đạt", TRUE) hoặc chưa đạt (để trống, "0", "-", "Chưa đạt", FALSE)`,
  en: `a mark for met ("x", "X", "✓", "1", "Đạt", TRUE) or not met (blank, "0", "-", "Chưa đạt", FALSE)`,
};

/** True when a mark says the criterion is met, false when it says it is not; anything else is an InputError. */
export function isMarkMet(value: string | number | boolean | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (value === 1) return true;
    if (value === 0) return false;
    throw new InputError({ found: String(value), expected: MARK_EXPECTED });
  }
  // The marks of a big table are almost all "x" or blank: answered without building a key.
  if (value === "x" || value === "X") return true;
  if (value === "") return false;
  const raw = value.trim();
  if (/^[✓✔]$/.test(raw)) return true;
  // labelKey drops surrounding punctuation, so "-" and "–" become blank: not met.
  const key = labelKey(raw.replace(/^[–—]$/, ""));
  if (MET.has(key)) return true;
  if (NOT_MET.has(key)) return false;
  throw new InputError({ found: value, expected: MARK_EXPECTED });
}
