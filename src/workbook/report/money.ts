// The money parts of a report: funding by source (appendix III shape), the counterpart check, the allocation.

import { figure, inlineList, roman } from "./format";
import type { PartContext, ReportPart } from "./criteria";
import {
  centre,
  headerRow,
  num,
  paragraphs,
  quote,
  text,
  type ReportBlock,
  type ReportCell,
} from "./model";
import type { AllocateResult, CounterpartResult, FundingResult } from "./results";
import { inSentence, say, sentenceCase, sourceLine, unitLineOf, unitWords, W } from "./words";

/** Level-1 lines numbered I, II…, their sub-lines 1, 2… under each, as appendix III numbers them. */
function lineNumbers(levels: number[]): string[] {
  let top = 0;
  let sub = 0;
  return levels.map((level) => {
    if (level <= 1) {
      top += 1;
      sub = 0;
      return roman(top);
    }
    sub += 1;
    return String(sub);
  });
}

export function fundingPart(funding: FundingResult, ctx: PartContext): ReportPart {
  const { lang } = ctx;
  // The figures are in the unit the job read them in (a sheet in tỷ đồng stays in tỷ đồng): the words say that unit.
  const money = (v: number) => figure(v, "amount", lang);
  const million = unitWords(funding.unit, lang);
  const blocks: ReportBlock[] = [];
  funding.columns.forEach((column) => {
    blocks.push({
      kind: "paragraph",
      text:
        lang === "vi"
          ? `${column.column}: tổng số ${money(column.total)} ${million}, trong đó:`
          : `${column.column}: ${money(column.total)} ${million} in all, of which:`,
      quotes: [quote(column.column, column.source)],
    });
    const lines = column.lines;
    lines.forEach((line, i) => {
      if (line.level > 1) return;
      const subs: typeof lines = [];
      for (let k = i + 1; k < lines.length && lines[k].level > 1; k++) subs.push(lines[k]);
      const detail =
        subs.length > 0
          ? ` (${subs.map((s) => `${inSentence(s.label)} ${money(s.amount)} ${million}`).join(lang === "vi" ? " và " : " and ")})`
          : "";
      const shown = line.displayedShare ?? line.share;
      const share =
        shown === null
          ? ""
          : lang === "vi"
            ? `, chiếm ${figure(shown, "share", lang)}`
            : `, ${figure(shown, "share", lang)}`;
      blocks.push({
        kind: "bullet",
        text: `${sentenceCase(line.label)}: ${money(line.amount)} ${million}${detail}${share}.`,
        // Each label as the sentence writes it, at its label cell.
        quotes: [
          quote(sentenceCase(line.label), line.source),
          ...subs.map((s) => quote(inSentence(s.label), s.source)),
        ],
      });
    });
  });
  const header = headerRow([
    lang === "vi" ? "STT" : "No.",
    lang === "vi" ? "Nội dung chỉ tiêu" : "Item",
    ...funding.columns.map((c) => c.column),
  ]).map((cell, i) => {
    // A money column's heading is the user's, read from that column.
    const from = i < 2 ? undefined : funding.columns[i - 2].source;
    return from ? { ...cell, source: from } : cell;
  });
  const first = funding.columns[0];
  const rows: ReportCell[][] = [];
  // The total row rests on no one line; each line on its label's cell.
  const sources = first ? [undefined, ...first.lines.map((l) => l.source)] : [];
  if (first) {
    rows.push([
      centre(""),
      text(say(W.totalCaps, lang), { bold: true }),
      ...funding.columns.map((c) => num(money(c.total), { bold: true })),
    ]);
    const numbers = lineNumbers(first.lines.map((l) => l.level));
    first.lines.forEach((line, i) => {
      const top = line.level <= 1;
      rows.push([
        centre(numbers[i], { bold: top }),
        text(top ? line.label.toLocaleUpperCase("vi") : sentenceCase(line.label), {
          bold: top,
          indent: top ? 0 : 1,
        }),
        ...funding.columns.map((c) => {
          const same = c.lines[i];
          return num(same && same.label === line.label ? money(same.amount) : "", { bold: top });
        }),
      ]);
    });
  }
  const widthsRest = funding.columns.map(() =>
    Math.max(15, Math.floor(50 / Math.max(1, funding.columns.length)))
  );
  return {
    section: {
      heading: lang === "vi" ? "Kết quả huy động nguồn lực" : "Funds mobilised",
      blocks: [...blocks, ...paragraphs([`(${say(W.details, lang)} ${ctx.label}).`])],
    },
    appendix: {
      title:
        lang === "vi"
          ? "KẾT QUẢ HUY ĐỘNG NGUỒN LỰC THỰC HIỆN CHƯƠNG TRÌNH"
          : "FUNDS MOBILISED FOR THE PROGRAMME BY SOURCE",
      tables: [
        {
          id: "funding",
          rowSources: sources,
          unit: unitLineOf(funding.unit, lang),
          header: [header],
          rows,
          widths: [8, 100 - 8 - widthsRest.reduce((s, w) => s + w, 0), ...widthsRest],
          source: sourceLine(funding.sheet, lang, funding.reading),
        },
      ],
      landscape: funding.columns.length > 3,
    },
  };
}

export function counterpartPart(check: CounterpartResult, ctx: PartContext): ReportPart {
  const { lang } = ctx;
  const money = (v: number) => figure(v, "amount", lang);
  const million = unitWords(check.unit, lang);
  const texts = check.columns.map((c) => {
    const ratio = c.ratio === null ? "-" : figure(c.ratio, "ratio", lang);
    const required = figure(c.required, "coefficient", lang);
    if (c.missing) {
      // A budget without a figure in the column: no ratio is claimed, either way.
      return lang === "vi"
        ? `${c.column}: chưa đủ số liệu ngân sách (ô ${c.missing.join(", ")} không có số liệu), chưa đánh giá được tỷ lệ vốn đối ứng.`
        : `${c.column}: budget figures missing (cell ${c.missing.join(", ")} has no figure); the counterpart ratio is not assessed.`;
    }
    if (lang === "vi") {
      return (
        `${c.column}: ngân sách địa phương ${money(c.local)} ${million}, ngân sách trung ương ${money(c.central)} ${million}; ` +
        `tỷ lệ vốn đối ứng đạt ${ratio} lần (yêu cầu tối thiểu ${required} lần), ` +
        (c.compliant
          ? "đảm bảo tỷ lệ đối ứng theo quy định."
          : `chưa đảm bảo, còn thiếu ${money(c.shortfall)} ${million}.`)
      );
    }
    return (
      `${c.column}: local budget ${money(c.local)} ${million}, central budget ${money(c.central)} ${million}; ` +
      `counterpart ratio ${ratio} (minimum ${required}), ` +
      (c.compliant
        ? "which meets the required ratio."
        : `short by ${money(c.shortfall)} ${million}.`)
    );
  });
  texts.push(`(${say(W.details, lang)} ${ctx.label}).`);
  // Each column's paragraph quotes its heading, at the column's cell (as the table's row does).
  const blocks = paragraphs(texts).map((b, i) => {
    const c = check.columns[i];
    return c ? { ...b, quotes: [quote(c.column, c.source)] } : b;
  });
  return {
    section: {
      heading: lang === "vi" ? "Tỷ lệ vốn đối ứng của ngân sách địa phương" : "Counterpart funding",
      blocks,
    },
    appendix: {
      title:
        lang === "vi"
          ? "KIỂM TRA TỶ LỆ VỐN ĐỐI ỨNG NGÂN SÁCH ĐỊA PHƯƠNG SO VỚI NGÂN SÁCH TRUNG ƯƠNG"
          : "LOCAL COUNTERPART FUNDING AGAINST THE CENTRAL BUDGET",
      tables: [
        {
          id: "counterpart",
          unit: unitLineOf(check.unit, lang),
          header: [
            headerRow(
              lang === "vi"
                ? [
                    "TT",
                    "Nội dung",
                    "Ngân sách trung ương",
                    "Ngân sách địa phương",
                    "Tỷ lệ đối ứng (lần)",
                    "Tỷ lệ tối thiểu (lần)",
                    "Số còn thiếu",
                    "Đánh giá",
                  ]
                : [
                    "No.",
                    "Item",
                    "Central budget",
                    "Local budget",
                    "Counterpart ratio",
                    "Minimum ratio",
                    "Shortfall",
                    "Assessment",
                  ]
            ),
          ],
          rows: check.columns.map((c, i) => [
            centre(String(i + 1)),
            text(c.column),
            num(money(c.central)),
            num(money(c.local)),
            num(c.ratio === null ? "-" : figure(c.ratio, "ratio", lang)),
            num(figure(c.required, "coefficient", lang)),
            num(money(c.shortfall)),
            centre(
              c.missing
                ? lang === "vi"
                  ? "Chưa đánh giá"
                  : "Not assessed"
                : say(c.compliant ? W.met : W.notMet, lang)
            ),
          ]),
          widths: [6, 24, 12, 12, 11, 11, 12, 12],
          source: sourceLine(check.sheet, lang, check.reading),
          rowSources: check.columns.map((c) => c.source),
        },
      ],
      landscape: true,
    },
  };
}

export function allocationPart(result: AllocateResult, ctx: PartContext): ReportPart {
  const { lang } = ctx;
  const money = (v: number) => figure(v, "money", lang);
  const million = lang === "vi" ? "triệu đồng" : "million VND";
  const byNeed = result.basis === "need";
  // Each unit's amount in the sentence only when a sentence can hold them; the table always lists every one.
  const inline = inlineList(
    result.allocations.map((a) => `${a.unit} ${money(a.amount)} ${million}`),
    lang
  );
  const items = inline === null ? "" : `: ${inline}`;
  const paragraph =
    lang === "vi"
      ? `Phân bổ ${money(result.total)} ${million} cho ${figure(result.allocations.length, "count", lang)} đơn vị ` +
        `${byNeed ? "theo nhu cầu vốn" : "theo hệ số phân bổ"}, làm tròn đến ${money(result.unit)} ${million}${items} (${say(W.details, lang)} ${ctx.label}).`
      : `${money(result.total)} ${million} allocated to ${figure(result.allocations.length, "count", lang)} units ` +
        `${byNeed ? "in proportion to need" : "by coefficient"}, rounded to ${money(result.unit)} ${million}${items} (${say(W.details, lang)} ${ctx.label}).`;
  const basisHead = byNeed
    ? lang === "vi"
      ? "Nhu cầu vốn"
      : "Need"
    : lang === "vi"
      ? "Hệ số"
      : "Coefficient";
  return {
    section: {
      heading: lang === "vi" ? "Phân bổ vốn" : "Allocation",
      // The units the sentence lists, each at its row.
      blocks: [
        {
          kind: "paragraph",
          text: paragraph,
          quotes: result.allocations.map((a) => quote(a.unit, a.source)),
        },
      ],
    },
    appendix: {
      title:
        lang === "vi"
          ? "PHÂN BỔ VỐN THỰC HIỆN CHƯƠNG TRÌNH"
          : "ALLOCATION OF THE PROGRAMME'S FUNDS",
      tables: [
        {
          id: "allocation",
          unit: say(W.unitMillion, lang),
          header: [
            headerRow([
              say(W.no, lang),
              lang === "vi" ? "Đơn vị" : "Unit",
              basisHead,
              lang === "vi" ? "Tỷ lệ" : "Share",
              lang === "vi" ? "Số vốn phân bổ" : "Amount",
            ]),
          ],
          rows: [
            ...result.allocations.map((a, i) => [
              centre(String(i + 1)),
              text(a.unit),
              num(
                byNeed
                  ? a.need === undefined
                    ? ""
                    : money(a.need)
                  : a.coefficient === undefined
                    ? ""
                    : figure(a.coefficient, "coefficient", lang)
              ),
              num(figure(a.displayedShare, "percent", lang)),
              num(money(a.amount)),
            ]),
            [
              centre(""),
              text(say(W.total, lang), { bold: true }),
              num(""),
              num(""),
              num(money(result.total), { bold: true }),
            ],
          ],
          widths: [8, 40, 17, 15, 20],
          source: sourceLine(result.sheet, lang, result.reading),
          // Each unit's row of its input sheet; the total row rests on none.
          rowSources: [...result.allocations.map((a) => a.source), undefined],
        },
      ],
      landscape: false,
    },
  };
}
