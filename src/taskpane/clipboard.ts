// Copying a result table for pasting: HTML (a formatted table in Word, cells with numbers in Excel) and TSV.

import type { CellValue } from "../workbook/grid";
import { cellFormat, type OutputTable } from "../workbook/output";
import { xmlText } from "../workbook/xml-text";
import { formatCell } from "./format";

export interface ClipboardTable {
  html: string;
  tsv: string;
}

function escapeHtml(text: string): string {
  return xmlText(text)
    .text.replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** TSV cells cannot hold tabs or line breaks. (Excel pastes the HTML, where every text cell is marked as text.) */
function tsvCell(text: string): string {
  return xmlText(text).text.replace(/[\t\r\n]+/g, " ");
}

/**
 * Text that a spreadsheet would take for a formula when pasted as plain text: =, +, - or @ first (full-width ＝ too),
 * after any spaces, tabs or line breaks. Numbers written as numbers ("-5", "6,21%") are not text and stay as they are.
 */
const FORMULA_LIKE = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell of the plain-text copy: prefixed with an apostrophe when it would paste as a formula. */
export function plainTextCell(text: string): string {
  const cell = tsvCell(text);
  return FORMULA_LIKE.test(text) || FORMULA_LIKE.test(cell) ? `'${cell}` : cell;
}

/**
 * One table as HTML and TSV, numbers written the Vietnamese way (3.602.312; 6,21%). In the HTML each number also
 * carries its value and Excel format (x:num, mso-number-format), so Excel pastes a number whatever its locale.
 */
export function tableClipboard(table: OutputTable): ClipboardTable {
  const head = table.columns
    .map((c) => `<th style="font-weight:bold;text-align:center">${escapeHtml(c.header)}</th>`)
    .join("");
  const body = table.rows
    .map((row, r) => {
      const cells = row.map((value: CellValue, i) => {
        const format = cellFormat(table, r, i);
        const text = escapeHtml(formatCell(value, format));
        if (typeof value === "number") {
          const numberFormat = format && format !== "@" ? `;mso-number-format:'${format}'` : "";
          return `<td x:num="${value}" style="text-align:right${numberFormat}">${text}</td>`;
        }
        return `<td style="mso-number-format:'\\@'">${text}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  const caption = table.title ? `<p><b>${escapeHtml(table.title)}</b></p>` : "";
  const unit = table.unit ? `<p><i>${escapeHtml(table.unit)}</i></p>` : "";
  const html =
    `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body>` +
    `${caption}${unit}<table border="1" style="border-collapse:collapse;font-family:'Times New Roman'">` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></body></html>`;
  const lines = [
    table.columns.map((c) => plainTextCell(c.header)).join("\t"),
    ...table.rows.map((row, r) =>
      row
        .map((v, i) => {
          const text = formatCell(v, cellFormat(table, r, i));
          return typeof v === "string" ? plainTextCell(text) : tsvCell(text);
        })
        .join("\t")
    ),
  ];
  return { html, tsv: lines.join("\r\n") };
}

/** Puts both forms on the clipboard: the async Clipboard API where allowed, else a copy event (Office's iframe). */
export async function copyToClipboard(content: ClipboardTable): Promise<void> {
  const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
  if (clipboard && typeof ClipboardItem !== "undefined" && typeof clipboard.write === "function") {
    try {
      await clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([content.html], { type: "text/html" }),
          "text/plain": new Blob([content.tsv], { type: "text/plain" }),
        }),
      ]);
      return;
    } catch {
      // Refused (no permission, not focused): the copy event below needs only the user's click.
    }
  }
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData("text/html", content.html);
    e.clipboardData?.setData("text/plain", content.tsv);
    e.preventDefault();
  };
  document.addEventListener("copy", onCopy);
  try {
    if (!document.execCommand("copy")) throw new Error("copy refused");
  } finally {
    document.removeEventListener("copy", onCopy);
  }
}
