// What a file holds, told by its first bytes: the CLI, the pane's collect and the web app open files through this one
// rule, so a file renamed .xlsx, .csv or .dat is read as what it is.

export type FileKind = "xls" | "xlsx" | "text";

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * An OLE2 compound file (D0 CF 11 E0) is an Excel 97-2003 workbook, a zip (PK 03 04) an .xlsx; anything else is text
 * (CSV), unless its name says it is a workbook: it is then given to that workbook's reader, which refuses it as not
 * the file it claims to be (rather than reading a binary or HTML file as one column of text).
 */
export function fileKind(bytes: Uint8Array, name: string): FileKind {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return "xls";
  if (startsWith(bytes, [0x50, 0x4b, 3, 4])) return "xlsx";
  const dot = name.lastIndexOf(".");
  const ext = dot < 0 ? "" : name.slice(dot).toLowerCase();
  if (ext === ".xls") return "xls";
  if (/^\.xls[xmb]$/.test(ext)) return "xlsx";
  return "text";
}

/** The file's name without its last extension (a CSV's sheet is named after it; results are named after it). */
export function baseName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? name : name.slice(0, dot);
}
