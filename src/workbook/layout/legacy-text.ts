// Vietnamese typed in the legacy 8-bit encodings TCVN3 (ABC, .VnTime fonts) and VNI (VNI-Times fonts), as it shows
// once read as Unicode: "Tµi V¨n" (TCVN3) or "Taøi Vaên" (VNI) for "Tài Văn". Such text cannot match a header or a
// name, so the reader says which encoding it found, and where, instead of a wrong or confusing message.

/** Characters TCVN3 uses for Vietnamese letters that Unicode Vietnamese never contains. */
const TCVN3_LETTERS = /[\u00a1-\u00a9\u00ab\u00ac\u00ae\u00b5-\u00b9\u00bd\u00be]/;
/** VNI: tone and shape marks typed as a second character after the vowel ("aø", "eâ", "Ñ" for Đ). */
const VNI_LETTERS = /[øåäöïëüûñØÅÄÖÏËÜÛÑ]|[eEoO][âÂ]|[aA][êÊ]/;

const TCVN3_GLOBAL = new RegExp(TCVN3_LETTERS.source, "g");
const VNI_GLOBAL = new RegExp(VNI_LETTERS.source, "g");

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

/** A legacy mark next to a letter: inside a word. The global patterns are made once (names are read by the 100,000). */
function insideWords(text: string, re: RegExp): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const i = m.index;
    if (isAsciiLetter(text[i - 1]) || isAsciiLetter(text[i + m[0].length])) {
      re.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/** The legacy encoding a text looks typed in, or null for ordinary (Unicode) text. */
export function legacyEncoding(text: string): "TCVN3" | "VNI" | null {
  if (!/[\u0080-\u00ff]/.test(text)) return null;
  // Unicode Vietnamese has letters beyond Latin-1 (ă, ơ, ư, đ, ạ…); legacy text never does.
  if (/[\u0100-\u024f\u1e00-\u1eff]/.test(text)) return null;
  if (insideWords(text, TCVN3_GLOBAL)) return "TCVN3";
  if (insideWords(text, VNI_GLOBAL)) return "VNI";
  return null;
}

/** The message part naming the encoding and the way out. */
export function legacyExpected(encoding: "TCVN3" | "VNI"): { vi: string; en: string } {
  const name = encoding === "TCVN3" ? "TCVN3 (ABC, phông .VnTime)" : "VNI (phông VNI-Times)";
  const nameEn = encoding === "TCVN3" ? "TCVN3 (ABC, .VnTime fonts)" : "VNI (VNI-Times fonts)";
  return {
    vi: `chữ Unicode; ô này gõ theo bảng mã cũ ${name}: chuyển mã sang Unicode (ví dụ Unikey → Công cụ chuyển mã) rồi chạy lại`,
    en: `Unicode text; this cell is typed in the legacy ${nameEn} encoding: convert it to Unicode (e.g. Unikey's converter) and run again`,
  };
}
