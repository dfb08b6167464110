// Turns engine errors into CustomFunctions.Error values with a message the user can act on.

import { isInputError } from "../engine/errors";

/** Runs a function body; input problems become #VALUE! with the bilingual message, others #N/A. */
export function guard<T>(body: () => T): T {
  try {
    return body();
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
}
