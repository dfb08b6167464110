// Text files as offices save them: UTF-8 (with or without BOM), Excel's "Unicode text" (UTF-16 with BOM) and the
// Windows Vietnamese code page 1258 of older Excel versions. The WHATWG TextDecoder (Node and browsers) decodes all.

export type TextFileEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";

/** Guesses UTF-16 without a BOM from its zero bytes (ASCII letters have a zero high byte). */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 2000) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * The text of a .csv or .txt file and the encoding it was read in: a BOM decides; without one, UTF-16 is recognised
 * by its zero bytes, valid UTF-8 is UTF-8, and anything else is read as Windows-1258 (Vietnamese), composed to NFC.
 */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextFileEncoding } {
  const decode = (encoding: TextFileEncoding, from = 0, fatal = false) =>
    new TextDecoder(encoding, { fatal }).decode(bytes.subarray(from));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode("utf-8", 3), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode("utf-16le", 2), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode("utf-16be", 2), encoding: "utf-16be" };
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: decode(wide), encoding: wide };
  try {
    return { text: decode("utf-8", 0, true), encoding: "utf-8" };
  } catch {
    // Windows-1258 writes tone marks as combining characters: compose them as Unicode text does.
    return { text: decode("windows-1258").normalize("NFC"), encoding: "windows-1258" };
  }
}
