// Text helpers for matching Vietnamese labels with or without diacritics.

/** Removes Vietnamese diacritics (and đ → d) so "Tiêu chí đạt" matches "tieu chi dat". */
export function foldDiacritics(text: string): string {
  return foldFast(text) ?? foldSlow(text);
}

function foldSlow(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/**
 * The fold of each Latin letter with diacritics (Latin-1, Latin Extended, the Vietnamese block) and each combining
 * mark, made once by the slow rule itself; only those that fold to marks-free text are kept. A name of 100,000
 * communes is folded by table look-up instead of a Unicode normalisation each.
 */
const FOLDED: Map<number, string> = (() => {
  const table = new Map<number, string>();
  const ranges: [number, number][] = [
    [0x80, 0x24f],
    [0x300, 0x36f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const folded = foldSlow(String.fromCharCode(code));
      // Kept when the fold is letters of the Latin blocks only (below U+0250, so no combining mark is left).
      let latin = true;
      for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) >= 0x250) latin = false;
      if (latin) table.set(code, folded);
    }
  }
  return table;
})();

/** The fold by table, or undefined when a character is outside it (then the slow rule decides the whole text). */
function foldFast(text: string): string | undefined {
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out += text[i];
      continue;
    }
    const folded = FOLDED.get(code);
    if (folded === undefined) return undefined;
    out += folded;
  }
  return out;
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
