// Text helpers for matching Vietnamese labels with or without diacritics.

/** Removes Vietnamese diacritics (and đ → d) so "Tiêu chí đạt" matches "tieu chi dat". */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** Marks, headers and commune names repeat by the thousand; their keys are remembered (short texts only). */
const keyCache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** A key for comparing headers and labels: folded, lower case, single spaces, no punctuation at the ends. */
export function labelKey(text: string): string {
  const raw = String(text);
  if (raw.length > 64) return computeLabelKey(raw);
  let key = keyCache.get(raw);
  if (key === undefined) {
    if (keyCache.size >= CACHE_LIMIT) keyCache.clear();
    key = computeLabelKey(raw);
    keyCache.set(raw, key);
  }
  return key;
}

function computeLabelKey(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[\s\u00a0_]+/g, " ")
    .replace(/^[\s.:;,*()-]+|[\s.:;,*()-]+$/g, "")
    .trim();
}

/**
 * A key for matching place names: case and spacing ignored, diacritics kept — "Hưng Thạnh" and "Hưng Thành" are
 * different communes. Composed (NFC) so that text typed with combining marks still matches.
 */
export function nameKey(text: string): string {
  return String(text)
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}
