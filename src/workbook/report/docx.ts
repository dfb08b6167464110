// A report as a Word document laid out the way Decree 30/2020/NĐ-CP asks of administrative documents:
// A4, Times New Roman 13, margins 20 mm top and bottom, 30 mm left, 15 mm right, page numbers centred at the top
// from the second page, bold centred table headers, the unit above each money table and the source under it.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableBorders,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { SourceRef, Warning } from "../../engine/types";
import { sourceWords } from "../output-text";
import { xmlText } from "../xml-text";
import { markerNonce, spliceTables, tableMarker } from "./docx-splice";
import { tableXml } from "./docx-table";
import {
  REPORT_MARK,
  type ReportAppendix,
  type ReportCell,
  type ReportDocument,
  type ReportQuote,
  type ReportTable,
} from "./model";
import type { ReportFrame } from "./frame";

export const LAYOUT = {
  font: "Times New Roman",
  /** Body text in points (13-14 in the decree). */
  bodyPt: 13,
  /** Table text in points: appendix tables are dense. */
  tablePt: 12,
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  pageMm: { width: 210, height: 297 },
} as const;

const half = (pt: number) => pt * 2;

/** Millimetres to twips, rounded (A4 is 11906 × 16838 twips, as Word writes it). */
function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

function contentWidthTwips(landscape: boolean): number {
  const { width, height } = LAYOUT.pageMm;
  const page = landscape ? height : width;
  return mm(page - LAYOUT.marginMm.left - LAYOUT.marginMm.right);
}

function line(
  textValue: string,
  opts: {
    bold?: boolean;
    italic?: boolean;
    align?: keyof typeof ALIGN | "justified";
    size?: number;
    firstLine?: boolean;
    before?: number;
    after?: number;
    /** Keep on the page of the next paragraph or table (a caption, a unit line, a heading). */
    keepNext?: boolean;
    /** Keep the paragraph's lines on one page (a source line). */
    keepLines?: boolean;
  } = {}
): Paragraph {
  return new Paragraph({
    keepNext: opts.keepNext,
    keepLines: opts.keepNext || opts.keepLines,
    alignment: opts.align === "justified" ? AlignmentType.JUSTIFIED : ALIGN[opts.align ?? "left"],
    indent: opts.firstLine ? { firstLine: mm(10) } : undefined,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 120, line: 300 },
    children: [
      new TextRun({
        text: textValue,
        bold: opts.bold,
        italics: opts.italic,
        size: half(opts.size ?? LAYOUT.bodyPt),
      }),
    ],
  });
}

/** A paragraph of the frame: centred, no space after, in the frame's size. */
function frameLine(
  value: string,
  opts: {
    bold?: boolean;
    italic?: boolean;
    size?: number;
    align?: keyof typeof ALIGN;
    underline?: boolean;
  } = {}
): Paragraph {
  return new Paragraph({
    alignment: ALIGN[opts.align ?? "center"],
    spacing: { before: 0, after: 0, line: 276 },
    children: [
      new TextRun({
        text: value,
        bold: opts.bold,
        italics: opts.italic,
        underline: opts.underline ? {} : undefined,
        size: half(opts.size ?? LAYOUT.bodyPt),
      }),
    ],
  });
}

/** The short solid line the decree draws under the agency's name and the motto. */
function frameRule(widthTwips: number, share: number): Paragraph {
  const side = Math.round((widthTwips * (1 - share)) / 2);
  return new Paragraph({
    spacing: { before: 0, after: 120, line: 120 },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

/** Two borderless columns side by side (the heading block, the signature block). */
function twoColumns(
  left: (width: number) => Paragraph[],
  right: (width: number) => Paragraph[],
  leftShare: number
): Table {
  const total = contentWidthTwips(false);
  const lw = Math.round(total * leftShare);
  const rw = total - lw;
  const column = (width: number, children: Paragraph[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      children,
    });
  return new Table({
    borders: TableBorders.NONE,
    width: { size: total, type: WidthType.DXA },
    columnWidths: [lw, rw],
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [column(lw, left(lw)), column(rw, right(rw))],
      }),
    ],
  });
}

/** The heading block (agency and number left; Quốc hiệu, Tiêu ngữ, place and date right), type and trích yếu. */
function frameHead(frame: ReportFrame): (Paragraph | Table)[] {
  return [
    twoColumns(
      (w) => [
        frameLine(frame.superior, { size: 12 }),
        frameLine(frame.agency, { bold: true, size: 12 }),
        frameRule(w, 0.4),
        frameLine(frame.number),
      ],
      (w) => [
        frameLine(frame.nation, { bold: true, size: 12 }),
        frameLine(frame.motto, { bold: true }),
        frameRule(w, 0.6),
        frameLine(frame.placeDate, { italic: true }),
      ],
      0.4
    ),
    line(frame.type, {
      bold: true,
      align: "center",
      size: 14,
      before: 360,
      after: 0,
      keepNext: true,
    }),
    line(frame.abstract, { bold: true, align: "center", size: 14, after: 240, keepNext: true }),
  ];
}

/** The signature block: Nơi nhận on the left; authority, title, room to sign, and the name on the right. */
function frameFoot(frame: ReportFrame): Table {
  return twoColumns(
    () => [
      frameLine(frame.recipientsHead, { bold: true, italic: true, size: 12, align: "left" }),
      ...frame.recipients.map((r) => frameLine(r, { size: 11, align: "left" })),
    ],
    () => [
      frameLine(frame.authority, { bold: true }),
      frameLine(frame.signerTitle, { bold: true }),
      // Room for the signature and the seal.
      frameLine(""),
      frameLine(""),
      frameLine(""),
      frameLine(""),
      frameLine(frame.signer, { bold: true }),
    ],
    0.45
  );
}

function pageProperties(landscape: boolean): ISectionOptions["properties"] {
  const m = LAYOUT.marginMm;
  return {
    titlePage: true,
    page: {
      size: {
        width: mm(LAYOUT.pageMm.width),
        height: mm(LAYOUT.pageMm.height),
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: {
        top: mm(m.top),
        bottom: mm(m.bottom),
        left: mm(m.left),
        right: mm(m.right),
      },
    },
  };
}

/** Page numbers centred at the top, from the second page of each section (the decree's rule). */
function headers(): ISectionOptions["headers"] {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: half(LAYOUT.bodyPt) })],
        }),
      ],
    }),
    first: new Header({ children: [] }),
  };
}

/**
 * An appendix's page section. Each table is a marker paragraph here: its rows are written straight into the
 * package afterwards (docx-table.ts, docx-splice.ts); `place` numbers the tables in document order. The label,
 * title, caption and unit keep with the table, and the table's last row with its source line (docx-table.ts).
 */
function appendixSection(
  a: ReportAppendix,
  place: (t: ReportTable, landscape: boolean) => string
): ISectionOptions {
  const children: Paragraph[] = [
    line(a.label, { bold: true, align: "center", after: 0, keepNext: true }),
    line(a.title, { bold: true, align: "center", after: 200, keepNext: true }),
  ];
  for (const t of a.tables) {
    if (t.caption) children.push(line(t.caption, { bold: true, before: 120, keepNext: true }));
    if (t.unit) {
      children.push(line(t.unit, { italic: true, align: "right", after: 60, keepNext: true }));
    }
    children.push(new Paragraph({ children: [new TextRun(place(t, a.landscape))] }));
    children.push(
      line(t.source, {
        italic: true,
        size: LAYOUT.tablePt,
        before: 60,
        after: 200,
        keepLines: true,
      })
    );
  }
  return { properties: pageProperties(a.landscape), headers: headers(), children };
}

type Where = { vi: string; en: string };

/** The column of a table's row that holds its name (after its number): what `rowSources` name. */
const NAME_COLUMN = 1;

/** How many places in the report a warning about one input cell lists before it counts the rest. */
const PLACES_LISTED = 3;

/**
 * What making the report's texts XML-safe removed: one warning per input cell, however many places in the report
 * its text went (a commune's name in a paragraph and in an appendix's row), naming them or their count; one per place
 * for a text that rests on no input cell. Up to 20, then one line for the rest.
 */
class ReportNotes {
  private readonly listed: {
    from?: SourceRef;
    places: Where[];
    written: number;
    count: number;
    kinds: Set<string>;
  }[] = [];
  private readonly byCell = new Map<string, ReportNotes["listed"][number]>();
  private more = 0;

  removed(where: Where, from: SourceRef | undefined, removed: readonly string[]): void {
    const key = from ? `${from.file ?? ""}\u0000${from.sheet}\u0000${from.cell}` : undefined;
    let note = key === undefined ? undefined : this.byCell.get(key);
    if (!note) {
      if (this.listed.length >= 20) {
        this.more += 1;
        return;
      }
      note = { ...(from ? { from } : {}), places: [], written: 0, count: 0, kinds: new Set() };
      this.listed.push(note);
      if (key !== undefined) this.byCell.set(key, note);
    }
    if (note.places.length < PLACES_LISTED) note.places.push(where);
    note.written += 1;
    note.count = Math.max(note.count, removed.length);
    for (const kind of removed) note.kinds.add(kind);
  }

  warnings(): Warning[] {
    const out: Warning[] = this.listed.map(({ from, places, written, count, kinds }) => {
      const what = {
        vi: `đã bỏ ${count} ký tự điều khiển (${[...kinds].join(", ")}) mà tệp Word không chứa được`,
        en: `removed ${count} control character(s) (${[...kinds].join(", ")}) a Word file cannot hold`,
      };
      if (!from)
        return {
          vi: `Báo cáo, ${places[0].vi}: ${what.vi}`,
          en: `Report, ${places[0].en}: ${what.en}`,
        };
      // The input cell first (its file too, for a commune's report), as the result sheets' warnings name it.
      const at = sourceWords(from);
      const rest = written - places.length;
      const to =
        written === 1
          ? { vi: `ghi vào báo cáo, ${places[0].vi}`, en: `written to the report, ${places[0].en}` }
          : {
              vi: `ghi vào báo cáo ở ${written.toLocaleString("vi-VN")} chỗ: ${places.map((p) => p.vi).join("; ")}${rest > 0 ? ` và ${rest.toLocaleString("vi-VN")} chỗ khác` : ""}`,
              en: `written to the report in ${written.toLocaleString("en-US")} places: ${places.map((p) => p.en).join("; ")}${rest > 0 ? `, and ${rest.toLocaleString("en-US")} more` : ""}`,
            };
      return {
        ...(from.file === undefined ? {} : { file: from.file }),
        sheet: from.sheet,
        cell: from.cell,
        vi: `${at.vi} (${to.vi}): ${what.vi}`,
        en: `${at.en} (${to.en}): ${what.en}`,
      };
    });
    if (this.more === 0) return out;
    return out.concat({
      vi: `… và ${this.more.toLocaleString("vi-VN")} chỗ khác trong báo cáo được sửa như trên`,
      en: `… and ${this.more.toLocaleString("en-US")} more places in the report changed the same way`,
    });
  }
}

/**
 * The report with every text as a Word file can hold it: characters XML 1.0 does not allow are removed (U+000B,
 * Word's own line break pasted into Excel, becomes a space); each change is a warning naming where it was.
 */
export function safeReport(report: ReportDocument): {
  report: ReportDocument;
  warnings: Warning[];
} {
  const notes = new ReportNotes();
  const clean = (text: string, where: Where, from?: SourceRef): string => {
    const safe = xmlText(text);
    if (safe.removed.length === 0) return text;
    notes.removed(where, from, safe.removed);
    return safe.text;
  };
  /**
   * A paragraph: what is removed from a text it quotes (a commune's name, a line's label) is said at that text's
   * input cell; what no quote holds, at the paragraph.
   */
  const quoting = (text: string, where: Where, quotes: readonly ReportQuote[] = []): string => {
    const safe = xmlText(text);
    if (safe.removed.length === 0) return text;
    let said = 0;
    const seen = new Set<ReportQuote["text"]>();
    for (const q of quotes) {
      const times = q.source && q.text && !seen.has(q.text) ? text.split(q.text).length - 1 : 0;
      const removed = times > 0 ? xmlText(q.text).removed : [];
      if (removed.length === 0) continue;
      seen.add(q.text);
      notes.removed(where, q.source, removed);
      said += removed.length * times;
    }
    if (said < safe.removed.length) notes.removed(where, undefined, safe.removed.slice(said));
    return safe.text;
  };
  const cells = (
    rows: ReportCell[][],
    label: string,
    table: string,
    kind: "header" | "row",
    sources?: readonly (SourceRef | undefined)[]
  ) =>
    rows.map((row, r) =>
      row.map((c, i) => {
        const where = {
          vi: `${label}, bảng ${table}, ${kind === "header" ? "dòng tiêu đề" : "hàng"} ${r + 1}, cột ${i + 1}`,
          en: `${label}, table ${table}, ${kind === "header" ? "header row" : "row"} ${r + 1}, column ${i + 1}`,
        };
        const text = clean(
          c.text,
          where,
          c.source ?? (i === NAME_COLUMN ? sources?.[r] : undefined)
        );
        return text === c.text ? c : { ...c, text };
      })
    );
  const plain = (text: string, vi: string, en: string) => clean(text, { vi, en });
  const frame = report.frame;
  const safe: ReportDocument = {
    ...report,
    ...(frame
      ? {
          frame: {
            ...(Object.fromEntries(
              Object.entries(frame).map(([k, v]) => [
                k,
                Array.isArray(v)
                  ? v.map((x: string) => plain(x, `khung văn bản (${k})`, `document frame (${k})`))
                  : plain(v as string, `khung văn bản (${k})`, `document frame (${k})`),
              ])
            ) as unknown as ReportFrame),
          },
        }
      : {}),
    title: plain(report.title, "tiêu đề", "title"),
    subtitle: plain(report.subtitle, "tiêu đề phụ", "subtitle"),
    sections: report.sections.map((s, i) => ({
      heading: plain(s.heading, `mục ${i + 1}`, `section ${i + 1}`),
      blocks: s.blocks.map((b, j) => ({
        ...b,
        text: quoting(
          b.text,
          { vi: `mục ${i + 1}, đoạn ${j + 1}`, en: `section ${i + 1}, paragraph ${j + 1}` },
          b.quotes
        ),
      })),
    })),
    appendices: report.appendices.map((a) => ({
      ...a,
      label: plain(a.label, a.label, a.label),
      title: plain(a.title, a.label, a.label),
      tables: a.tables.map((t) => ({
        ...t,
        ...(t.caption === undefined ? {} : { caption: plain(t.caption, a.label, a.label) }),
        ...(t.unit === undefined ? {} : { unit: plain(t.unit, a.label, a.label) }),
        source: plain(t.source, a.label, a.label),
        header: cells(t.header, a.label, t.id, "header"),
        rows: cells(t.rows, a.label, t.id, "row", t.rowSources),
      })),
    })),
  };
  return { report: safe, warnings: notes.warnings() };
}

/** The report as a docx Document with a marker paragraph for each table (`place` names it). */
function reportDocx(
  report: ReportDocument,
  place: (t: ReportTable, landscape: boolean) => string
): Document {
  const frame = report.frame;
  const body: (Paragraph | Table)[] = frame
    ? frameHead(frame)
    : [
        line(report.title, { bold: true, align: "center", size: 14, after: 0 }),
        line(report.subtitle, { bold: true, align: "center", size: 14, after: 240 }),
      ];
  report.sections.forEach((s, i) => {
    const lastSection = i === report.sections.length - 1;
    body.push(line(`${i + 1}. ${s.heading}`, { bold: true, firstLine: true, before: 120 }));
    s.blocks.forEach((b, j) => {
      // The signature block never stands alone on a page: the last paragraph goes over with it.
      const keepNext = frame !== undefined && lastSection && j === s.blocks.length - 1;
      body.push(
        line(b.kind === "bullet" ? `- ${b.text}` : b.text, {
          align: "justified",
          firstLine: true,
          keepNext,
        })
      );
    });
  });
  if (frame) body.push(line("", { after: 240, keepNext: true }), frameFoot(frame));
  return new Document({
    creator: "NTM Planner",
    // Recognises the file as ours when --out would replace it (a user's .docx needs --force).
    customProperties: [REPORT_MARK],
    title: report.subtitle,
    styles: {
      default: {
        document: { run: { font: LAYOUT.font, size: half(LAYOUT.bodyPt) } },
      },
    },
    sections: [
      { properties: pageProperties(false), headers: headers(), children: body },
      ...report.appendices.map((a) => appendixSection(a, place)),
    ],
  });
}

/** The .docx file's bytes (Node and browsers alike), every text XML-safe (see safeReport). */
export async function reportDocxBytes(report: ReportDocument): Promise<Uint8Array> {
  return (await reportDocxFile(report)).bytes;
}

/** The .docx file's bytes and what was changed to make every text fit in it. */
export async function reportDocxFile(
  report: ReportDocument
): Promise<{ bytes: Uint8Array; warnings: Warning[] }> {
  const safe = safeReport(report);
  const nonce = markerNonce();
  const placed: { table: ReportTable; landscape: boolean }[] = [];
  const frame = reportDocx(safe.report, (table, landscape) => {
    placed.push({ table, landscape });
    return tableMarker(nonce, placed.length - 1);
  });
  const pkg = new Uint8Array(await Packer.toArrayBuffer(frame));
  const bytes = spliceTables(pkg, nonce, placed.length, (i) =>
    tableXml(placed[i].table, {
      totalTwips: contentWidthTwips(placed[i].landscape),
      sizeHalfPt: half(LAYOUT.tablePt),
      indentTwips: mm(4),
    })
  );
  return { bytes, warnings: safe.warnings };
}
