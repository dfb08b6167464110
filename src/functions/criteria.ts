// Custom functions about criteria (NTM.CRITERION…): thin wrappers over the engine.

import { findCatalogue, findCriterion } from "../engine/catalogue-lookup";
import { guard } from "./errors";

/**
 * Tên tiêu chí theo số thứ tự / Name of a criterion by its number.
 * @customfunction CRITERION
 * @param number Số tiêu chí (1-19) / Criterion number (1-19)
 * @param [period] Giai đoạn, mặc định "2021-2025" / Period, default "2021-2025"
 * @param [lang] "vi" (mặc định) hoặc "en" / "vi" (default) or "en"
 * @returns Tên tiêu chí / The criterion's name
 */
export function criterion(number: number, period?: string, lang?: string): string {
  return guard(() => {
    const c = findCriterion(findCatalogue(period ?? undefined), number);
    return (lang ?? "vi").toLowerCase().startsWith("en") ? c.en : c.vi;
  });
}
