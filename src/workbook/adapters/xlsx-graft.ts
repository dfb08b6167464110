// Adds the add-in's result sheets into a user's .xlsx without round-tripping any part of theirs. Our sheets are
// written row by row straight into the user's zip (xlsx-write.ts, as a new result file is): our worksheet parts with
// their tables and relationships, our texts as inline strings (the user's shared strings are not touched), our cell
// formats appended to the user's styles. The parts that change are the ones that list parts: xl/workbook.xml (a <sheet> entry
// per added sheet, our print titles appended to the defined names), its relationships, [Content_Types].xml, and
// xl/styles.xml, where every existing entry stays byte for byte and ours are appended after them (only the count
// attributes of the lists we append to change). Every other part of the user's keeps its bytes. A re-run replaces
// our sheets in place (their <sheet> entry, position and sheetId kept); a result sheet the user changed is kept under
// "… (sửa tay)". What this cannot do safely (a Strict Open XML file, an encrypted one, prefixed XML, a sheet of the
// user's with our sheet's name) is refused with an InputError before anything is written. Bytes in, bytes out.

import { strFromU8, strToU8 } from "fflate";
import { maxOf } from "../../engine/arrays";
import { InputError, type Bilingual } from "../../engine/errors";
import { assertTableShape, type OutputSheet } from "../output";
import {
  META_SHEET,
  editedNote,
  editedSheetName,
  freeSheetName,
  cellsHash,
  outputHash,
  mayBeBookkeeping,
  parseMeta,
  planSheets,
  type OwnedSheet,
} from "../ownership";
import { safeOutputSheets } from "../output-text";
import type { CellValue } from "../grid";
import { escapeXml } from "../xml-text";
import { readXlsxParts } from "./xlsx-guard";
import {
  metaSheetXml,
  NS,
  planResults,
  printTitles,
  REL,
  ResultStyles,
  sheetXml,
  tableXml,
  TYPE,
  type PartContent,
  type SheetOwnership,
} from "./xlsx-write";
import { zipStreamed } from "../zip-stream";

const STRICT = /purl\.oclc\.org\/ooxml/;

/** Why a workbook cannot take our sheets safely; the file is left as it was. */
const STRICT_REFUSAL: Bilingual = {
  vi: "tệp lưu theo dạng Strict Open XML: hãy Lưu thành (Save As) 'Excel Workbook (.xlsx)'",
  en: "it is saved as Strict Open XML: save it as 'Excel Workbook (.xlsx)' (Save As)",
};

function cannot(why: Bilingual, sheet?: string): InputError {
  return new InputError({
    ...(sheet ? { sheet } : {}),
    expected: {
      vi: `một tệp Excel mà NTM Planner thêm được các trang kết quả vào mà không đổi gì của bạn (${why.vi}; tệp được giữ nguyên)`,
      en: `a workbook NTM Planner can add its result sheets to without changing anything of yours (${why.en}; it is left as it was)`,
    },
  });
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The attributes of one start tag (values decoded). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], decodeEntities(m[2] ?? m[3] ?? ""));
  return out;
}

/** A tag with one attribute set (replaced where present, else added after the element name). */
function withAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/^<[\w:.-]+/, (head) => `${head} ${name}="${escapeXml(value)}"`);
}

/** The root element's start tag, refused when prefixed or in the Strict namespace (we write unprefixed elements). */
function rootTag(xml: string, name: string, ns: string, part: string): string {
  const m = new RegExp(`<(?!\\?|!)([\\w.-]+:)?${name}\\b[^>]*>`).exec(xml);
  if (!m) {
    throw cannot({
      vi: `phần '${part}' không có phần tử <${name}>`,
      en: `the part '${part}' has no <${name}> element`,
    });
  }
  const declared = attributes(m[0]).get("xmlns");
  if (STRICT.test(m[0])) throw cannot(STRICT_REFUSAL);
  if (m[1] || declared !== ns) {
    throw cannot({
      vi: `phần '${part}' viết XML theo dạng NTM Planner chưa xử lý (tiền tố không gian tên)`,
      en: `the part '${part}' is written in an XML form NTM Planner does not handle (namespace prefixes)`,
    });
  }
  return m[0];
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return {
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: a.get("TargetMode") === "External",
    };
  });
}

function folderOf(part: string): string {
  const at = part.lastIndexOf("/");
  return at < 0 ? "" : part.slice(0, at);
}

/** A relationship's target as a part name (no leading slash), relative to the part that holds the relationship. */
function resolve(source: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `${folderOf(source)}/${target}`;
  const out: string[] = [];
  for (const piece of path.split("/")) {
    if (piece === "" || piece === ".") continue;
    if (piece === "..") out.pop();
    else out.push(piece);
  }
  return out.join("/");
}

/** The target to write in `source`'s relationships for `part`. */
function relative(source: string, part: string): string {
  const from = folderOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

function relsPartOf(part: string): string {
  const folder = folderOf(part);
  const name = part.slice(folder.length ? folder.length + 1 : 0);
  return `${folder ? folder + "/" : ""}_rels/${name}.rels`;
}

/** Finds a part by name as OPC does (names compare ignoring case). */
function partName(parts: Record<string, unknown>, name: string): string | undefined {
  if (name in parts) return name;
  const lower = name.toLowerCase();
  return Object.keys(parts).find((p) => p.toLowerCase() === lower);
}

interface UserSheet {
  name: string;
  sheetId: number;
  state: string;
  rid: string;
  /** The <sheet …/> tag as it is in workbook.xml. */
  tag: string;
  part: string;
}

/** What the grafting needs of the user's package, checked: refused with an InputError where it is not handled. */
interface UserPackage {
  parts: Record<string, Uint8Array>;
  workbookPart: string;
  workbook: string;
  workbookRelsPart: string;
  workbookRels: string;
  types: string;
  sheets: UserSheet[];
  /** The prefix the workbook's root binds to the relationships namespace, if any. */
  relPrefix: string | undefined;
}

const text = (bytes: Uint8Array) => strFromU8(bytes);

/** Reads and checks the user's package (the --out check before a run calls this too). */
export function inspectUserWorkbook(bytes: Uint8Array): UserPackage {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11) {
    throw cannot({
      vi: "tệp được mã hoá (có mật khẩu mở) hoặc là tệp .xls cũ: hãy bỏ mật khẩu và lưu thành .xlsx",
      en: "it is encrypted (a password to open) or an old .xls: remove the password and save it as .xlsx",
    });
  }
  const parts = readXlsxParts(bytes);
  const typesPart = partName(parts, "[Content_Types].xml");
  const rootRelsPart = partName(parts, "_rels/.rels");
  if (!typesPart || !rootRelsPart) {
    throw cannot({
      vi: "tệp thiếu phần [Content_Types].xml hoặc _rels/.rels",
      en: "it lacks its [Content_Types].xml or _rels/.rels part",
    });
  }
  const types = text(parts[typesPart]);
  rootTag(types, "Types", NS.types, typesPart);
  const rootRels = text(parts[rootRelsPart]);
  if (STRICT.test(rootRels)) throw cannot(STRICT_REFUSAL);
  const office = relationships(rootRels).find((r) => r.type === REL.officeDocument);
  const workbookPart = office && partName(parts, resolve("", office.target));
  if (!workbookPart) {
    throw cannot({
      vi: "không tìm thấy phần sổ làm việc (xl/workbook.xml)",
      en: "its workbook part (xl/workbook.xml) was not found",
    });
  }
  const workbook = text(parts[workbookPart]);
  const root = rootTag(workbook, "workbook", NS.main, workbookPart);
  const workbookRelsPart = partName(parts, relsPartOf(workbookPart)) ?? relsPartOf(workbookPart);
  const workbookRels = parts[workbookRelsPart] ? text(parts[workbookRelsPart]) : "";
  rootTag(workbookRels, "Relationships", NS.pkgRel, workbookRelsPart);
  const rels = relationships(workbookRels);
  let relPrefix: string | undefined;
  for (const [key, value] of attributes(root))
    if (key.startsWith("xmlns:") && value === NS.rel) relPrefix = key.slice(6);
  const sheetsAt = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbook);
  if (!sheetsAt) {
    throw cannot({
      vi: "sổ làm việc không có danh sách trang",
      en: "the workbook lists no sheets",
    });
  }
  const sheets: UserSheet[] = [];
  for (const m of sheetsAt[1].matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    // The relationship id: the attribute "id" in the relationships namespace, declared on the root or the tag.
    let rid: string | undefined;
    for (const [key, value] of a) {
      const [prefix, local] = key.split(":");
      if (local !== "id") continue;
      if (prefix === relPrefix || a.get(`xmlns:${prefix}`) === NS.rel) rid = value;
    }
    const rel = rels.find((r) => r.id === rid);
    const part =
      rel && !rel.external ? partName(parts, resolve(workbookPart, rel.target)) : undefined;
    const name = a.get("name") ?? "";
    if (!part) {
      throw cannot(
        {
          vi: `không tìm thấy phần của trang '${name}' trong tệp`,
          en: `the part of the sheet '${name}' is not in the file`,
        },
        name
      );
    }
    sheets.push({
      name,
      sheetId: Number(a.get("sheetId") ?? 0),
      state: a.get("state") ?? "visible",
      rid: rid!,
      tag: m[0],
      part,
    });
  }
  return {
    parts,
    workbookPart,
    workbook,
    workbookRelsPart,
    workbookRels,
    types,
    sheets,
    relPrefix,
  };
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

/** The child elements of a list (`<fonts>`' <font>s…) as written, each whole. */
function children(inner: string, child: string): string[] {
  return (
    inner.match(new RegExp(`<${child}\\b[^>]*/>|<${child}\\b[^>]*>[\\s\\S]*?</${child}>`, "g")) ??
    []
  );
}

interface Section {
  start: number;
  end: number;
  open: string;
  inner: string;
}

function section(xml: string, name: string): Section | undefined {
  const open = new RegExp(`<${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return undefined;
  const openEnd = open.index + open[0].length;
  if (open[1] === "/") {
    return { start: open.index, end: openEnd, open: open[0].replace(/\s*\/>$/, ">"), inner: "" };
  }
  const close = xml.indexOf(`</${name}>`, openEnd);
  if (close < 0) return undefined;
  return {
    start: open.index,
    end: close + name.length + 3,
    open: open[0],
    inner: xml.slice(openEnd, close),
  };
}

/**
 * The user's styles with ours appended: number formats (new ids above theirs), fonts (our default font is theirs),
 * fills (the two fills every file starts with are theirs), borders and cell formats. Existing entries keep their
 * bytes; the count attributes of the lists grown are updated. Returns our cell-format index → theirs.
 */
export function appendStyles(user: string, ours: string): { xml: string; xfs: number[] } {
  rootTag(user, "styleSheet", NS.main, "xl/styles.xml");
  let xml = user;
  // Appends the entries not already in the list (the same bytes: a re-run adds nothing); returns each one's index.
  const grow = (name: string, child: string, wanted: string[]): number[] => {
    const at = section(xml, name);
    if (!at) {
      throw cannot({
        vi: `kiểu định dạng của tệp (xl/styles.xml) không có <${name}>`,
        en: `the file's styles (xl/styles.xml) have no <${name}>`,
      });
    }
    const existing = children(at.inner, child);
    const added: string[] = [];
    const indexes = wanted.map((entry) => {
      const found = existing.indexOf(entry);
      if (found >= 0) return found;
      const again = added.indexOf(entry);
      if (again >= 0) return existing.length + again;
      added.push(entry);
      return existing.length + added.length - 1;
    });
    if (added.length > 0) {
      const open = withAttribute(at.open, "count", String(existing.length + added.length));
      xml =
        xml.slice(0, at.start) +
        open +
        at.inner +
        added.join("") +
        `</${name}>` +
        xml.slice(at.end);
    }
    return indexes;
  };
  const ourSection = (name: string) => section(ours, name)?.inner ?? "";

  // Number formats: ours (ids ≥ 164) take the user's id of the same code, else an id above every id in the file.
  const numFmtMap = new Map<string, string>();
  const ourFormats = children(ourSection("numFmts"), "numFmt");
  if (ourFormats.length > 0) {
    const theirs = section(xml, "numFmts");
    const codes = new Map<string, string>();
    let next = 164;
    for (const f of children(theirs?.inner ?? "", "numFmt")) {
      const a = attributes(f);
      next = Math.max(next, Number(a.get("numFmtId") ?? 0) + 1);
      codes.set(a.get("formatCode") ?? "", a.get("numFmtId") ?? "");
    }
    const added: string[] = [];
    for (const f of ourFormats) {
      const a = attributes(f);
      const same = codes.get(a.get("formatCode") ?? "");
      if (same !== undefined) numFmtMap.set(a.get("numFmtId")!, same);
      else {
        numFmtMap.set(a.get("numFmtId")!, String(next));
        added.push(withAttribute(f, "numFmtId", String(next++)));
      }
    }
    if (theirs) grow("numFmts", "numFmt", added);
    else if (added.length > 0) {
      const root = /<styleSheet\b[^>]*>/.exec(xml)!;
      const at = root.index + root[0].length;
      xml = `${xml.slice(0, at)}<numFmts count="${added.length}">${added.join("")}</numFmts>${xml.slice(at)}`;
    }
  }
  // Our default font and the two fills every file starts with are the user's own.
  const fonts = [0].concat(grow("fonts", "font", children(ourSection("fonts"), "font").slice(1)));
  const fills = [0, 1].concat(
    grow("fills", "fill", children(ourSection("fills"), "fill").slice(2))
  );
  const borders = grow("borders", "border", children(ourSection("borders"), "border"));
  const xfs = children(ourSection("cellXfs"), "xf").map((xf) => {
    const a = attributes(xf);
    let out = withAttribute(xf, "fontId", String(fonts[Number(a.get("fontId") ?? 0)] ?? 0));
    out = withAttribute(out, "fillId", String(fills[Number(a.get("fillId") ?? 0)] ?? 0));
    out = withAttribute(out, "borderId", String(borders[Number(a.get("borderId") ?? 0)] ?? 0));
    const format = a.get("numFmtId") ?? "0";
    out = withAttribute(out, "numFmtId", numFmtMap.get(format) ?? format);
    return withAttribute(out, "xfId", "0");
  });
  const indexes = grow("cellXfs", "xf", xfs);
  return { xml, xfs: indexes };
}

/** A cell reference "AB12" as 0-based row and column. */
function cellAt(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const c of m[1]) col = col * 26 + c.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The text of a string item (<si>, <is>): its <t> runs, phonetic runs left out. */
function itemText(xml: string): string {
  let out = "";
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*>([^<]*)<\/t>/g))
    out += decodeEntities(m[1]);
  return out;
}

let sharedCache: { parts: Record<string, Uint8Array>; strings: string[] } | undefined;

/** The workbook's shared strings (empty when it has none). */
function sharedStrings(user: UserPackage): string[] {
  if (sharedCache?.parts === user.parts) return sharedCache.strings;
  const rel = relationships(user.workbookRels).find((r) => r.type.endsWith("/sharedStrings"));
  const part = rel && partName(user.parts, resolve(user.workbookPart, rel.target));
  const xml = part ? text(user.parts[part]) : "";
  const strings = children(xml, "si").map(itemText);
  sharedCache = { parts: user.parts, strings };
  return strings;
}

/**
 * The cells of one sheet as values, read from its part (whatever wrote it: ExcelJS, our graft, Excel, LibreOffice):
 * numbers, shared and inline strings, formula results, booleans and errors.
 */
function sheetCells(user: UserPackage, sheet: UserSheet): [number, number, CellValue][] {
  const xml = text(user.parts[sheet.part]);
  const strings = sharedStrings(user);
  const out: [number, number, CellValue][] = [];
  let row = -1;
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const number = attributes(`<row ${r[1]}>`).get("r");
    row = number ? Number(number) - 1 : row + 1;
    let col = -1;
    for (const c of (r[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = attributes(`<c ${c[1]}>`);
      const at = cellAt(a.get("r") ?? "");
      col = at ? at.col : col + 1;
      const inner = c[2] ?? "";
      const v = /<v\b[^>]*>([^<]*)<\/v>/.exec(inner)?.[1];
      const type = a.get("t") ?? "n";
      let value: CellValue = null;
      if (type === "inlineStr")
        value = itemText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
      else if (v === undefined) value = null;
      else if (type === "s") value = strings[Number(v)] ?? null;
      else if (type === "str") value = decodeEntities(v);
      else if (type === "b") value = v === "1";
      else if (type === "e") value = { error: decodeEntities(v) };
      else value = Number(v);
      out.push([at ? at.row : row, col, value]);
    }
  }
  return out;
}

/** A sheet's identity as the ExcelJS adapter gives it: its sheetId with the names of its tables. */
function identityOf(user: UserPackage, sheet: UserSheet): string {
  const relsPart = partName(user.parts, relsPartOf(sheet.part));
  const tables: string[] = [];
  if (relsPart) {
    for (const r of relationships(text(user.parts[relsPart]))) {
      if (r.type !== REL.table) continue;
      const part = partName(user.parts, resolve(sheet.part, r.target));
      const root = part && /<table\b[^>]*>/.exec(text(user.parts[part]));
      if (root) tables.push(attributes(root[0]).get("name") ?? "");
    }
  }
  return `${sheet.sheetId}/${tables.sort().join("/")}`;
}

/** Our bookkeeping in the user's package: the very hidden sheet with the signature, its records, our sheets. */
function bookkeeping(user: UserPackage): {
  metaSheet: UserSheet | undefined;
  records: OwnedSheet[];
  ownedNames: Set<string>;
} {
  for (const sheet of user.sheets) {
    if (!mayBeBookkeeping(sheet.state)) continue;
    const rows: unknown[][] = [];
    for (const [r, c, v] of sheetCells(user, sheet)) {
      if (c > 2) continue;
      (rows[r] ??= [])[c] = v;
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const records = parseMeta(rows);
    if (!records) continue;
    const ownedNames = new Set(
      user.sheets
        .filter((s) => records.some((o) => o.name === s.name && o.id === identityOf(user, s)))
        .map((s) => s.name)
    );
    return { metaSheet: sheet, records, ownedNames };
  }
  return { metaSheet: undefined, records: [], ownedNames: new Set() };
}

export interface GraftResult {
  bytes: Uint8Array;
  /** The sheet names written, in the order of the results. */
  names: string[];
  /** What the user should know (a result sheet they changed kept under another name). */
  notes: Bilingual[];
}

/** Adds (or replaces, when ours) the result sheets in the user's workbook `bytes`; see the file's head. */
export async function addResultsToWorkbook(
  bytes: Uint8Array,
  given: OutputSheet[],
  options: SheetOwnership = {}
): Promise<GraftResult> {
  const user = inspectUserWorkbook(bytes);
  const { parts } = user;
  for (const output of given) for (const table of output.tables) assertTableShape(table);
  const outputs = safeOutputSheets(given).sheets;
  const notes: Bilingual[] = [];

  // Our bookkeeping, read from the parts themselves (any writer's file: ExcelJS cannot load every one).
  const { metaSheet, records, ownedNames } = bookkeeping(user);
  const listed = user.sheets.filter((s) => s !== metaSheet);
  const editedSinceWritten = (sheet: UserSheet): boolean => {
    const record = records.find((r) => r.name === sheet.name);
    return record?.hash !== undefined && cellsHash(sheetCells(user, sheet)) !== record.hash;
  };

  // Which result replaces which sheet of ours, which sheet of ours the user changed, which names are refused.
  const names = planSheets(
    outputs.map((o) => o.sheet),
    [],
    []
  ).map((p) => p.name);
  const inPlace = new Map<number, UserSheet>(); // output index → our old sheet, replaced in place
  const renamed = new Map<UserSheet, string>();
  const taken = user.sheets.map((s) => s.name).concat(names);
  for (let i = 0; i < names.length; i++) {
    const clash = listed.find((s) => sameName(s.name, names[i]));
    if (!clash) continue;
    // A template (not ours) is never put in place of a sheet, even one of ours.
    if (!ownedNames.has(clash.name) || options.owned?.[i] === false) {
      throw cannot(
        {
          vi: `tệp đã có trang '${clash.name}' không do NTM Planner ghi; hãy đổi tên trang đó hoặc ghi ra tệp khác`,
          en: `the workbook has a sheet '${clash.name}' NTM Planner did not write; rename that sheet or write to another file`,
        },
        clash.name
      );
    }
    const rels = parts[relsPartOf(clash.part)];
    const others = rels
      ? relationships(text(rels)).filter(
          (r) => r.type !== REL.table && !/printerSettings$/.test(r.type)
        )
      : [];
    // Something the user added to our sheet (a chart, a comment, a picture), or changed values: theirs now.
    if (others.length > 0 || editedSinceWritten(clash)) {
      const keptAs = editedSheetName(clash.name, taken);
      taken.push(keptAs);
      renamed.set(clash, keptAs);
      notes.push(editedNote(clash.name, keptAs));
    } else inPlace.set(i, clash);
  }

  // Tables of the sheets replaced in place go; the rest of the user's table names and ids stay taken.
  const types = { xml: user.types };
  const removed = new Set<string>();
  for (const old of inPlace.values()) {
    const relsPart = partName(parts, relsPartOf(old.part));
    if (!relsPart) continue;
    for (const r of relationships(text(parts[relsPart]))) {
      const target = partName(parts, resolve(old.part, r.target));
      if (target && (r.type === REL.table || /printerSettings$/.test(r.type))) removed.add(target);
    }
    removed.add(relsPart);
  }
  const tableNames: string[] = [];
  let tableId = 0;
  for (const name of Object.keys(parts)) {
    if (!/\.xml$/i.test(name) || !/^xl\/tables\//i.test(name)) continue;
    const root = /<table\b[^>]*>/.exec(text(parts[name]));
    if (!root) continue;
    const a = attributes(root[0]);
    tableId = Math.max(tableId, Number(a.get("id") ?? 0));
    if (!removed.has(name)) tableNames.push(a.get("name") ?? "", a.get("displayName") ?? "");
  }
  for (const m of user.workbook.matchAll(/<definedName\b[^>]*>/g))
    tableNames.push(attributes(m[0]).get("name") ?? "");

  // Our sheets, laid out (table names free in the user's workbook) with every cell format they use.
  const styles = new ResultStyles();
  const planned = planResults(outputs, names, tableNames.filter(Boolean), styles);
  const ourStyles = styles.xml();

  // Styles: ours appended to the user's (or the user's file had none: ours as they are).
  const out: Record<string, PartContent> = {};
  for (const [name, data] of Object.entries(parts)) if (!removed.has(name)) out[name] = data;
  let workbookRels = user.workbookRels;
  const rels = relationships(workbookRels);
  let relNumber = 1;
  const newRelId = () => {
    while (rels.some((r) => r.id === `rIdNtm${relNumber}`)) relNumber++;
    return `rIdNtm${relNumber++}`;
  };
  const addRel = (type: string, part: string): string => {
    const id = newRelId();
    workbookRels = workbookRels.replace(
      /<\/Relationships>\s*$/,
      `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relative(user.workbookPart, part))}"/></Relationships>`
    );
    return id;
  };
  const addType = (part: string, type: string) => {
    types.xml = types.xml.replace(
      /<\/Types>\s*$/,
      `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/></Types>`
    );
  };
  const removeType = (part: string) => {
    types.xml = types.xml.replace(
      new RegExp(
        `<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`,
        "i"
      ),
      ""
    );
  };
  for (const part of removed) removeType(part);
  const free = (pattern: (n: number) => string): string => {
    for (let n = 1; ; n++) {
      const name = pattern(n);
      if (!partName(out, name)) return name;
    }
  };

  const stylesRel = rels.find((r) => r.type === REL.styles);
  const stylesPart = stylesRel && partName(parts, resolve(user.workbookPart, stylesRel.target));
  let xfs: number[];
  if (stylesPart) {
    const merged = appendStyles(text(parts[stylesPart]), ourStyles);
    out[stylesPart] = strToU8(merged.xml);
    xfs = merged.xfs;
  } else {
    const part = free((n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
    out[part] = ourStyles;
    addRel(REL.styles, part);
    addType(part, TYPE.styles);
    xfs = children(section(ourStyles, "cellXfs")?.inner ?? "", "xf").map((_, i) => i);
  }

  // The workbook's sheet list: our replaced sheets keep their entries; new ones are appended.
  let sheetsXml = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(user.workbook)![1];
  let nextSheetId =
    maxOf(
      user.sheets.map((s) => s.sheetId),
      0
    ) + 1;
  const relAttr = user.relPrefix ? `${user.relPrefix}:id` : "r:id";
  const relDecl = user.relPrefix ? "" : ` xmlns:r="${NS.rel}"`;
  const order = user.sheets.map((s) => s.name);
  for (const [old, keptAs] of renamed) {
    sheetsXml = sheetsXml.replace(old.tag, withAttribute(old.tag, "name", keptAs));
    order[order.indexOf(old.name)] = keptAs;
  }
  const written: OwnedSheet[] = [];
  const definedNames: string[] = [];
  for (let i = 0; i < planned.length; i++) {
    const sheet = planned[i];
    const old = inPlace.get(i);
    const part = old ? old.part : free((n) => `xl/worksheets/sheet${n}.xml`);
    let sheetId: number;
    if (old) sheetId = old.sheetId;
    else {
      sheetId = nextSheetId++;
      const id = addRel(REL.worksheet, part);
      sheetsXml += `<sheet${relDecl} name="${escapeXml(sheet.name)}" sheetId="${sheetId}" ${relAttr}="${id}"/>`;
      order.push(sheet.name);
      addType(part, TYPE.worksheet);
    }
    // Its tables: new part names and ids, relationships from wherever the sheet part lives.
    const tableRels: string[] = [];
    let relsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">`;
    for (const table of sheet.tables) {
      const tablePart = free((n) => `xl/tables/table${n}.xml`);
      out[tablePart] = tableXml(table, ++tableId);
      addType(tablePart, TYPE.table);
      const id = `rId${tableRels.length + 1}`;
      tableRels.push(id);
      relsXml += `<Relationship Id="${id}" Type="${REL.table}" Target="${escapeXml(relative(part, tablePart))}"/>`;
    }
    relsXml += "</Relationships>";
    if (tableRels.length > 0) out[relsPartOf(part)] = relsXml;
    // The sheet itself, written row by row into the zip, its cell formats renumbered into the user's styles.
    out[part] = sheetXml(sheet, styles, tableRels, (n) => xfs[n] ?? 0);
    // Print titles: at the sheet's place in the user's workbook.
    const titles = printTitles(sheet, order.indexOf(sheet.name));
    if (titles) definedNames.push(titles);
    if (options.owned?.[i] === false) continue;
    written.push({
      id: `${sheetId}/${sheet.tables
        .map((t) => t.name)
        .sort()
        .join("/")}`,
      name: sheet.name,
      hash: outputHash(outputs[i]),
    });
  }

  // The bookkeeping: records still true (not replaced, not the user's now) and the sheets written.
  const replacedNames = new Set([...inPlace.values()].map((s) => s.name));
  const kept = records.filter(
    (r) =>
      ownedNames.has(r.name) &&
      !replacedNames.has(r.name) &&
      ![...renamed.keys()].some((s) => s.name === r.name)
  );
  const meta = metaSheetXml(kept.concat(written));
  if (metaSheet) {
    out[metaSheet.part] = meta;
    // Saved hidden by LibreOffice (which has no "very hidden"): very hidden again, as we write it.
    if (metaSheet.state !== "veryHidden") {
      sheetsXml = sheetsXml.replace(
        metaSheet.tag,
        withAttribute(metaSheet.tag, "state", "veryHidden")
      );
    }
  } else {
    const part = free((n) => `xl/worksheets/sheet${n}.xml`);
    out[part] = meta;
    const id = addRel(REL.worksheet, part);
    const name = freeSheetName(META_SHEET, order);
    sheetsXml += `<sheet${relDecl} name="${escapeXml(name)}" sheetId="${nextSheetId++}" state="veryHidden" ${relAttr}="${id}"/>`;
    addType(part, TYPE.worksheet);
  }

  // workbook.xml: the sheet list, our print titles (those of replaced sheets first removed).
  let workbook = user.workbook.replace(
    /(<sheets\b[^>]*>)[\s\S]*?(<\/sheets>)/,
    (_, open: string, close: string) => `${open}${sheetsXml}${close}`
  );
  for (const old of inPlace.values()) {
    const index = order.indexOf(old.name);
    workbook = workbook.replace(
      new RegExp(
        `<definedName\\b[^>]*name="_xlnm\\.[^"]*"[^>]*localSheetId="${index}"[^>]*>[^<]*</definedName>`,
        "g"
      ),
      ""
    );
  }
  if (definedNames.length > 0) {
    if (/<definedNames\b[^>]*\/>/.test(workbook))
      workbook = workbook.replace(
        /<definedNames\b[^>]*\/>/,
        `<definedNames>${definedNames.join("")}</definedNames>`
      );
    else if (/<\/definedNames>/.test(workbook))
      workbook = workbook.replace(/<\/definedNames>/, `${definedNames.join("")}</definedNames>`);
    else {
      // After the elements that come before definedNames in the schema.
      const after =
        /<\/externalReferences>|<externalReferences\b[^>]*\/>|<\/functionGroups>|<functionGroups\b[^>]*\/>|<\/sheets>/g;
      let at = -1;
      for (const m of workbook.matchAll(after)) at = Math.max(at, m.index! + m[0].length);
      workbook = `${workbook.slice(0, at)}<definedNames>${definedNames.join("")}</definedNames>${workbook.slice(at)}`;
    }
  }
  out[user.workbookPart] = workbook;
  out[user.workbookRelsPart] = workbookRels;
  out[partName(parts, "[Content_Types].xml")!] = types.xml;
  return { bytes: zipStreamed(Object.entries(out)), names: planned.map((s) => s.name), notes };
}
