// Bands of communes by number of criteria met ("19 | 15-18 | 10-14 | 5-9 | under 5"), read from a spec string.

import { InputError } from "../errors";
import { labelKey } from "../text";

export interface Band {
  /** As the user wrote it, e.g. "19", "15-18", "0-4"; "Dưới 5" for "<5" / "dưới 5". */
  label: string;
  min: number;
  max: number;
}

/** The bands the reports use for the 19-criteria sets. */
export const DEFAULT_BANDS = "19,15-18,10-14,5-9,0-4";

/** The bands for the 10-criteria set of 2026-2030: "10, 8-9, 5-7, dưới 5". */
export const DEFAULT_BANDS_10 = "10,8-9,5-7,0-4";

/** Default bands for a catalogue of `total` criteria: all met, then steps of five down to 0. */
export function defaultBandsSpec(total: number): string {
  if (total === 19) return DEFAULT_BANDS;
  if (total === 10) return DEFAULT_BANDS_10;
  const parts = [String(total)];
  for (let max = total - 1; max >= 0; max -= 5) {
    const min = Math.max(0, max - 4);
    parts.push(min === max ? String(min) : `${min}-${max}`);
  }
  return parts.join(",");
}

function bandsError(spec: string, total: number, detail: { vi: string; en: string }): InputError {
  return new InputError({
    found: spec,
    // The detail goes first: cells cut long messages (255 characters).
    expected: {
      vi: `${detail.vi}; cần các nhóm số tiêu chí (0-${total}) như "${defaultBandsSpec(total)}"`,
      en: `${detail.en}; expected bands of criteria counts (0-${total}) such as "${defaultBandsSpec(total)}"`,
    },
  });
}

/**
 * Bands from a spec such as "19,15-18,10-14,5-9,0-4" (also "<5" or "dưới 5" for 0-4). Bands may not overlap
 * and must lie within 0..total; they need not cover every count. Order is kept as written.
 */
export function parseBands(spec: string, total: number): Band[] {
  const tokens = spec
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter((t) => t !== "");
  if (tokens.length === 0)
    throw bandsError(spec, total, { vi: "chưa có nhóm nào", en: "no band given" });
  const bands: Band[] = tokens.map((token) => {
    const key = labelKey(token).replace(/\s*[–—]\s*/g, "-");
    let m: RegExpExecArray | null;
    if ((m = /^(\d+)$/.exec(key))) return { label: m[1], min: Number(m[1]), max: Number(m[1]) };
    if ((m = /^(\d+)\s*-\s*(\d+)$/.exec(key))) {
      const min = Number(m[1]);
      const max = Number(m[2]);
      if (min > max) {
        throw bandsError(spec, total, {
          vi: `nhóm "${token}" bị ngược (viết ${max}-${min})`,
          en: `the band "${token}" is reversed (write ${max}-${min})`,
        });
      }
      return { label: `${min}-${max}`, min, max };
    }
    if ((m = /^(?:<|duoi|under|below)\s*(\d+)$/.exec(key)) && Number(m[1]) > 0) {
      return { label: `Dưới ${m[1]}`, min: 0, max: Number(m[1]) - 1 };
    }
    throw bandsError(spec, total, {
      vi: `"${token}" không phải một nhóm (số, khoảng "a-b" hoặc "dưới n")`,
      en: `"${token}" is not a band (a number, a range "a-b" or "under n")`,
    });
  });
  for (const band of bands) {
    if (band.max > total) {
      throw bandsError(spec, total, {
        vi: `nhóm "${band.label}" vượt quá ${total} tiêu chí`,
        en: `the band "${band.label}" goes beyond ${total} criteria`,
      });
    }
  }
  for (let i = 0; i < bands.length; i++) {
    for (let j = i + 1; j < bands.length; j++) {
      if (bands[i].min <= bands[j].max && bands[j].min <= bands[i].max) {
        throw bandsError(spec, total, {
          vi: `nhóm "${bands[i].label}" và "${bands[j].label}" chồng lên nhau`,
          en: `the bands "${bands[i].label}" and "${bands[j].label}" overlap`,
        });
      }
    }
  }
  return bands;
}

/** The band a count falls in, or undefined when the bands leave it out. */
export function bandOf(count: number, bands: Band[]): Band | undefined {
  return bands.find((b) => count >= b.min && count <= b.max);
}

/** How a report names a band: "19 tiêu chí", "15-18 tiêu chí", and a band from 0 as "Dưới 5 tiêu chí". */
export function bandCaption(band: Band): { vi: string; en: string } {
  if (band.min === 0 && band.max > 0) {
    return { vi: `Dưới ${band.max + 1} tiêu chí`, en: `under ${band.max + 1} criteria` };
  }
  return { vi: `${band.label} tiêu chí`, en: `${band.label} criteria` };
}
