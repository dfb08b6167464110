// A report as a Word document laid out the way Decree 30/2020/NĐ-CP asks of administrative documents:
// A4, Times New Roman 13, margins 20 mm top and bottom, 30 mm left, 15 mm right, page numbers centred at the top
// from the second page, bold centred table headers, the unit above each money table and the source under it.

import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from "docx";
import type { Warning } from "../../engine/types";
import { xmlText } from "../xml-text";
import { markerNonce, spliceTables, tableMarker } from "./docx-splice";
import { tableXml } from "./docx-table";
import {
  REPORT_MARK,
  type ReportAppendix,
  type ReportCell,
  type ReportDocument,
  type ReportTable,
} from "./model";

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
  } = {}
): Paragraph {
  return new Paragraph({
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
 * package afterwards (docx-table.ts, docx-splice.ts); `place` numbers the tables in document order.
 */
function appendixSection(
  a: ReportAppendix,
  place: (t: ReportTable, landscape: boolean) => string
): ISectionOptions {
  const children: Paragraph[] = [
    line(a.label, { bold: true, align: "center", after: 0 }),
    line(a.title, { bold: true, align: "center", after: 200 }),
  ];
  for (const t of a.tables) {
    if (t.caption) children.push(line(t.caption, { bold: true, before: 120 }));
    if (t.unit) children.push(line(t.unit, { italic: true, align: "right", after: 60 }));
    children.push(new Paragraph({ children: [new TextRun(place(t, a.landscape))] }));
    children.push(line(t.source, { italic: true, size: LAYOUT.tablePt, before: 60, after: 200 }));
  }
  return { properties: pageProperties(a.landscape), headers: headers(), children };
}

/**
 * The report with every text as a Word file can hold it: characters XML 1.0 does not allow are removed (U+000B,
 * Word's own line break pasted into Excel, becomes a space); each change is a warning naming where it was.
 */
export function safeReport(report: ReportDocument): {
  report: ReportDocument;
  warnings: Warning[];
} {
  const warnings: Warning[] = [];
  let more = 0;
  const clean = (text: string, where: { vi: string; en: string }): string => {
    const safe = xmlText(text);
    if (safe.removed.length === 0) return text;
    if (warnings.length < 20) {
      const kinds = [...new Set(safe.removed)].join(", ");
      warnings.push({
        vi: `Báo cáo, ${where.vi}: đã bỏ ${safe.removed.length} ký tự điều khiển (${kinds}) mà tệp Word không chứa được`,
        en: `Report, ${where.en}: removed ${safe.removed.length} control character(s) (${kinds}) a Word file cannot hold`,
      });
    } else more += 1;
    return safe.text;
  };
  const cells = (rows: ReportCell[][], label: string, table: string, kind: "header" | "row") =>
    rows.map((row, r) =>
      row.map((c, i) => {
        const where = {
          vi: `${label}, bảng ${table}, ${kind === "header" ? "dòng tiêu đề" : "hàng"} ${r + 1}, cột ${i + 1}`,
          en: `${label}, table ${table}, ${kind === "header" ? "header row" : "row"} ${r + 1}, column ${i + 1}`,
        };
        const text = clean(c.text, where);
        return text === c.text ? c : { ...c, text };
      })
    );
  const plain = (text: string, vi: string, en: string) => clean(text, { vi, en });
  const safe: ReportDocument = {
    ...report,
    title: plain(report.title, "tiêu đề", "title"),
    subtitle: plain(report.subtitle, "tiêu đề phụ", "subtitle"),
    sections: report.sections.map((s, i) => ({
      heading: plain(s.heading, `mục ${i + 1}`, `section ${i + 1}`),
      blocks: s.blocks.map((b, j) => ({
        ...b,
        text: plain(b.text, `mục ${i + 1}, đoạn ${j + 1}`, `section ${i + 1}, paragraph ${j + 1}`),
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
        rows: cells(t.rows, a.label, t.id, "row"),
      })),
    })),
  };
  if (more > 0) {
    warnings.push({
      vi: `… và ${more.toLocaleString("vi-VN")} chỗ khác trong báo cáo được sửa như trên`,
      en: `… and ${more.toLocaleString("en-US")} more places in the report changed the same way`,
    });
  }
  return { report: safe, warnings };
}

/** The report as a docx Document with a marker paragraph for each table (`place` names it). */
function reportDocx(
  report: ReportDocument,
  place: (t: ReportTable, landscape: boolean) => string
): Document {
  const body: Paragraph[] = [
    line(report.title, { bold: true, align: "center", size: 14, after: 0 }),
    line(report.subtitle, { bold: true, align: "center", size: 14, after: 240 }),
  ];
  report.sections.forEach((s, i) => {
    body.push(line(`${i + 1}. ${s.heading}`, { bold: true, firstLine: true, before: 120 }));
    for (const b of s.blocks) {
      body.push(
        line(b.kind === "bullet" ? `- ${b.text}` : b.text, { align: "justified", firstLine: true })
      );
    }
  });
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
