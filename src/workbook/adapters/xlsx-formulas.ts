// Formula cells whose saved result is empty text, read from the package's XML: ExcelJS gives such a cell no result,
// the same as a formula saved without any result, but they are different things. Excel and LibreOffice save
// =IF(…;"";…) as <c t="str"><f>…</f><v></v></c>: a calculated, blank cell. A formula with no result and no string
// type (openpyxl, some generators) stays uncalculated.

import { strFromU8 } from "fflate";

/** `t="str"` as bytes: a sheet part without it has no string formula results to look at. */
const T_STR = [0x74, 0x3d, 0x22, 0x73, 0x74, 0x72, 0x22];

function holds(bytes: Uint8Array, pattern: number[]): boolean {
  for (let i = bytes.indexOf(pattern[0]); i >= 0; i = bytes.indexOf(pattern[0], i + 1)) {
    let k = 1;
    while (k < pattern.length && bytes[i + k] === pattern[k]) k++;
    if (k === pattern.length) return true;
  }
  return false;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([0-9a-fA-F]+);/g, (_, hex: string, n: string) =>
      String.fromCodePoint(parseInt(n, hex ? 16 : 10))
    )
    .replace(/&amp;/g, "&");
}

/** A cell: its attributes (never holding "/" or ">") and its content. Self-closing cells hold no formula. */
const CELL = /<c\s([^>/]*)>([\s\S]*?)<\/c>/g;
const VALUE = /<v(?:\s[^>]*)?(?:\/>|>([^<]*)<\/v>)/;

/** Addresses ("F4") of the formula cells of one sheet part whose saved result is text and empty (or absent). */
export function emptyTextCells(xml: string): Set<string> {
  const cells = new Set<string>();
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[1];
    if (!/\bt="str"/.test(attrs)) continue;
    const content = m[2];
    if (!/<f[\s>/]/.test(content)) continue;
    const value = VALUE.exec(content);
    if (value && (value[1] ?? "") !== "") continue;
    const address = attribute(` ${attrs}`, "r");
    if (address) cells.add(address.toUpperCase());
  }
  return cells;
}

/**
 * Per sheet name, the formula cells saved with an empty text result. Only sheet parts holding `t="str"` are read as
 * text, so a workbook without such cells costs one byte scan per sheet.
 */
export function emptyTextFormulas(parts: Record<string, Uint8Array>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const sheetParts = Object.keys(parts).filter(
    (n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n) && holds(parts[n], T_STR)
  );
  if (sheetParts.length === 0) return out;
  const rels = parts["xl/_rels/workbook.xml.rels"];
  const book = parts["xl/workbook.xml"];
  if (!rels || !book) return out;
  const targets = new Map<string, string>();
  for (const [tag] of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (!id || !target) continue;
    targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  for (const [tag] of strFromU8(book).matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(tag, "name");
    const part = targets.get(attribute(tag, "r:id") ?? "");
    if (name === undefined || !part || !sheetParts.includes(part)) continue;
    const cells = emptyTextCells(strFromU8(parts[part]));
    if (cells.size > 0) out.set(xmlText(name), cells);
  }
  return out;
}
