// Turns engine errors into CustomFunctions.Error values with a message the user can act on.

import { InputError, isInputError } from "../engine/errors";
import { ambiguousNumberRefusal, readNumber } from "../engine/numbers";

/**
 * A number typed as text in a cell or argument, by the one number rule; undefined when it is not a number. A text
 * that reads two ways ("1.000") is refused: a function result has no room for a warning.
 */
export function functionNumber(text: string): number | undefined {
  const reading = readNumber(text);
  if (!reading) return undefined;
  if (reading.ambiguity)
    throw new InputError({ found: text, expected: ambiguousNumberRefusal(text) });
  return reading.value;
}

/**
 * True when an array holds a number that is not finite, looking as deep as `depth` arrays more (a spill is rows of
 * cells): the answer of `array.flat(depth).some(…)` without copying 100,000 rows.
 */
function someNotFinite(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v === "number" ? !Number.isFinite(v) : depth > 0 && someNotFinite(v, depth - 1))
      return true;
  }
  return false;
}

/** Runs a function body; input problems become #VALUE! with the bilingual message, others #N/A. */
export function guard<T>(body: () => T): T {
  let result: T;
  try {
    result = body();
  } catch (e) {
    // Already an Excel error (a range over the limit: #NUM!): as it is.
    if (e instanceof CustomFunctions.Error) throw e;
    if (isInputError(e)) {
      throw new CustomFunctions.Error(
        CustomFunctions.ErrorCode.invalidValue,
        e.message.slice(0, 255)
      );
    }
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.notAvailable,
      (e instanceof Error ? e.message : String(e)).slice(0, 255)
    );
  }
  // Excel has no infinite numbers: 20 ÷ 5E-324 is out of range, not a value to show.
  if (typeof result === "number" ? !Number.isFinite(result) : someNotFinite(result, 2)) {
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidNumber,
      "Kết quả vượt quá giới hạn số của Excel / The result is beyond Excel's number range"
    );
  }
  return result;
}
