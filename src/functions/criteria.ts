// Custom functions about criteria (NTM.CRITERION, NTM.COUNT…): thin wrappers over the engine.

import { findCatalogue, findCriterion } from "../engine/catalogue-lookup";
import { DEFAULT_PERIOD } from "../engine/catalogues";
import {
  achievedFromCells,
  bandOf,
  countsFromRange,
  defaultBandsSpec,
  formatCriteriaList,
  missingCriteria,
  parseBands,
  summariseCommunes,
} from "../engine/criteria";
import { InputError } from "../engine/errors";
import { guard } from "./errors";
import { checkRangeSize, type RangeWhat } from "./limits";

const STATUS_CELLS: RangeWhat = { vi: "ô", en: "cells", count: "cells" };

/**
 * A formula without a period always means 2021-2025, whatever today's date: a cell's result never changes because
 * the calendar moved on. 2026-2030 (and any later set) is asked for by its period argument.
 */
function catalogueFor(period?: string | null) {
  return findCatalogue(period ? period : DEFAULT_PERIOD);
}

function bandsFor(bands: string | null | undefined, total: number) {
  return parseBands(bands ? bands : defaultBandsSpec(total), total);
}

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

/**
 * Số tiêu chí đạt của một xã, từ ô danh sách ("1,2,3" hoặc "1-5,7") hoặc một hàng đánh dấu (x, ✓, 1, Đạt) /
 * Number of criteria a commune meets, from a list cell ("1,2,3" or "1-5,7") or a row of marks (x, ✓, 1, Đạt).
 * @customfunction COUNT
 * @param {any[][]} achieved Ô danh sách tiêu chí đạt, hoặc hàng đánh dấu TC1…TC19 / A list cell, or a row of marks TC1…TC19
 * @param {string} [period] Giai đoạn, mặc định "2021-2025" / Period, default "2021-2025"
 * @returns {number} Số tiêu chí đạt / Number of criteria met
 */
export function count(achieved: any[][], period?: string): number {
  return guard(() => achievedFromCells(achieved, catalogueFor(period)).length);
}

/**
 * Các tiêu chí chưa đạt của một xã, như "6,10,11" / The criteria a commune has not met yet, such as "6,10,11".
 * @customfunction MISSING
 * @param {any[][]} achieved Ô danh sách tiêu chí đạt, hoặc hàng đánh dấu TC1…TC19 / A list cell, or a row of marks TC1…TC19
 * @param {string} [period] Giai đoạn, mặc định "2021-2025" / Period, default "2021-2025"
 * @returns {string} Danh sách tiêu chí chưa đạt / List of criteria not met
 */
export function missing(achieved: any[][], period?: string): string {
  return guard(() => {
    const catalogue = catalogueFor(period);
    return formatCriteriaList(missingCriteria(achievedFromCells(achieved, catalogue), catalogue));
  });
}

/**
 * Nhóm của một xã theo số tiêu chí đạt, như "15-18" / A commune's band by number of criteria met, such as "15-18".
 * @customfunction BAND
 * @param {number} count Số tiêu chí đạt / Number of criteria met
 * @param {string} [bands] Các nhóm, mặc định "19,15-18,10-14,5-9,0-4" (bộ 10 tiêu chí: "10,8-9,5-7,0-4") / Bands, default "19,15-18,10-14,5-9,0-4" (10 criteria: "10,8-9,5-7,0-4")
 * @param {string} [period] Giai đoạn, mặc định "2021-2025" / Period, default "2021-2025"
 * @returns {string} Tên nhóm; rỗng nếu không nhóm nào chứa số này / Band label; empty when no band holds the count
 */
export function band(count: number, bands?: string, period?: string): string {
  return guard(() => {
    const total = catalogueFor(period).criteria.length;
    if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > total) {
      throw new InputError({
        found: String(count),
        expected: {
          vi: `số tiêu chí đạt: số nguyên từ 0 đến ${total}`,
          en: `criteria met: a whole number from 0 to ${total}`,
        },
      });
    }
    return bandOf(count, bandsFor(bands, total))?.label ?? "";
  });
}

/**
 * Số tiêu chí bình quân/xã của một vùng ô danh sách hoặc số tiêu chí đạt (ô trống bỏ qua) /
 * Average criteria per commune over a range of list cells or counts (blank cells skipped).
 * @customfunction AVERAGE
 * @param {any[][]} range Vùng ô: số tiêu chí đạt (số) hoặc danh sách ("1,2,3") / Cells: counts (numbers) or lists ("1,2,3")
 * @param {string} [period] Giai đoạn, mặc định "2021-2025" / Period, default "2021-2025"
 * @returns {number} Số tiêu chí bình quân/xã, chưa làm tròn / Average criteria per commune, unrounded
 */
export function average(range: any[][], period?: string): number {
  return guard(() => {
    checkRangeSize(range, STATUS_CELLS, "summary");
    const catalogue = catalogueFor(period);
    const counts = countsFromRange(range, catalogue);
    if (counts.length === 0) {
      throw new InputError({
        found: "",
        expected: {
          vi: "ít nhất một ô có số hoặc danh sách tiêu chí",
          en: "at least one cell with a count or a list",
        },
      });
    }
    return counts.reduce((s, n) => s + n, 0) / counts.length;
  });
}

/**
 * Số xã theo nhóm số tiêu chí đạt (trải ra hai cột: nhóm, số xã) /
 * Communes per band of criteria met (spills two columns: band, communes).
 * @customfunction DISTRIBUTION
 * @param {any[][]} range Vùng ô: số tiêu chí đạt hoặc danh sách / Cells: counts or lists
 * @param {string} [bands] Các nhóm, mặc định "19,15-18,10-14,5-9,0-4" / Bands, default "19,15-18,10-14,5-9,0-4"
 * @param {string} [period] Giai đoạn, mặc định "2021-2025" / Period, default "2021-2025"
 * @returns {any[][]} Bảng nhóm và số xã / Table of bands and commune counts
 */
export function distribution(range: any[][], bands?: string, period?: string): any[][] {
  return guard(() => {
    checkRangeSize(range, STATUS_CELLS, "summary");
    const catalogue = catalogueFor(period);
    const communes = countsFromRange(range, catalogue).map((n, i) => ({
      name: String(i + 1),
      achieved: null,
      count: n,
    }));
    const summary = summariseCommunes(communes, {
      catalogue,
      bands: bandsFor(bands, catalogue.criteria.length),
    });
    return summary.bands.map((b) => [b.label, b.count]);
  });
}
