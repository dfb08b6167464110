// Text helpers for matching Vietnamese labels with or without diacritics.

/** Removes Vietnamese diacritics (and đ → d) so "Tiêu chí đạt" matches "tieu chi dat". */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** A key for comparing headers and labels: folded, lower case, single spaces, no punctuation at the ends. */
export function labelKey(text: string): string {
  return foldDiacritics(String(text))
    .toLowerCase()
    .replace(/[\s\u00a0_]+/g, " ")
    .replace(/^[\s.:;,*()-]+|[\s.:;,*()-]+$/g, "")
    .trim();
}
