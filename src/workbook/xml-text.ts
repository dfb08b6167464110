// Text as every file we write can hold it: .xlsx (both adapters), the .docx report, print headers, the clipboard.
// XML 1.0 cannot hold most control characters (Word and Excel refuse the file, openpyxl cannot open it).

/** The most characters an Excel cell holds. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * Characters XML 1.0 does not allow (§2.2): C0 controls but tab, line feed and carriage return; U+FFFE and U+FFFF;
 * a surrogate without its pair. U+000B is what a line break typed in Word becomes when pasted into Excel.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when the text holds a character XML 1.0 does not allow. */
export function hasNonXml(text: string): boolean {
  NOT_XML.lastIndex = 0;
  const found = NOT_XML.test(text);
  NOT_XML.lastIndex = 0;
  return found;
}

/** The text with every character XML 1.0 does not allow removed (U+000B, a line break, becomes a space). */
export function xmlText(text: string): { text: string; removed: string[] } {
  if (!hasNonXml(text)) return { text, removed: [] };
  const removed: string[] = [];
  const cleaned = text.replace(NOT_XML, (c) => {
    removed.push(codePoint(c));
    return c === "\u000B" ? " " : "";
  });
  return { text: cleaned, removed };
}

/** "U+000B" for a character. */
function codePoint(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Text cut to at most `limit` characters at a separator (", ", "; ", a space or a line break), never inside a word or
 * a number, with a closing note saying how many characters were left out.
 */
export function cutText(text: string, limit = EXCEL_CELL_LIMIT): { text: string; cut: number } {
  if (text.length <= limit) return { text, cut: 0 };
  const note = (n: number) => ` … (+${n.toLocaleString("vi-VN")} ký tự / characters)`;
  const room = limit - note(text.length).length;
  let end = room;
  while (end > 0 && !/[\s,;]/.test(text[end])) end -= 1;
  if (end === 0) end = room;
  // No lone high surrogate at the end.
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end -= 1;
  const kept = text.slice(0, end).replace(/[\s,;]+$/, "");
  return { text: kept + note(text.length - kept.length), cut: text.length - kept.length };
}

/**
 * A user's text as Excel itself stores it in a file, so that a workbook of the user's saved again holds what they
 * typed: a character XML does not allow as its escape ("_x000B_", which Excel and ExcelJS read back as U+000B), a lone
 * surrogate half as U+FFFD (no UTF-8 file holds one). Null when the text needs nothing. Text that already looks like
 * an escape is left as it is: the writers put "_x000D_" in cells on purpose (a carriage return XML would drop).
 */
export function excelStoredText(text: string): string | null {
  if (!hasNonXml(text)) return null;
  return text.replace(NOT_XML, (c) =>
    /[\uD800-\uDFFF]/.test(c) ? "\uFFFD" : `_x${codePoint(c).slice(2)}_`
  );
}

/**
 * A string as stored in an .xlsx string cell, by both .xlsx writers. A string cell is never a formula, but XML loses a
 * carriage return and cannot hold other control characters: they are written as Excel's _xHHHH_ escapes (which Excel
 * and ExcelJS decode), and text that already looks like such an escape has its "_" escaped.
 */
export function xlsxText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_").replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

/** A table column's name and header cell as both .xlsx writers write it: control characters (not allowed there) become spaces. */
export function tableColumnName(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\uFFFE\uFFFF]/g, " ");
}

/** Text as XML character data or an attribute value (quotes escaped too): the .xlsx and .docx writers' one escape. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"
  );
}
