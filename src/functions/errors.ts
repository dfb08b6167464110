// Turns engine errors into CustomFunctions.Error values with a message the user can act on.

import { isInputError } from "../engine/errors";

/** Runs a function body; input problems become #VALUE! with the bilingual message, others #N/A. */
export function guard<T>(body: () => T): T {
  let result: T;
  try {
    result = body();
  } catch (e) {
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
  const numbers =
    typeof result === "number" ? [result] : Array.isArray(result) ? result.flat(2) : [];
  if (numbers.some((n) => typeof n === "number" && !Number.isFinite(n))) {
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidNumber,
      "Kết quả vượt quá giới hạn số của Excel / The result is beyond Excel's number range"
    );
  }
  return result;
}
