// Cell values as the preview shows them: Vietnamese number formatting following each column's Excel format.

import { cellText, isCellError, type CellValue } from "../workbook/grid";
import { FORMATS } from "../workbook/output";

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** Decimal places an Excel format such as "#,##0.00" or "0.000%" asks for. */
function decimals(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

/** One value formatted for display ("vi-VN": 3.602.312 and 6,21%). */
export function formatCell(value: CellValue, format?: string, locale = "vi-VN"): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (value instanceof Date) return value.toLocaleDateString(locale, { timeZone: "UTC" });
  if (typeof value === "boolean") return value ? "✓" : "";
  if (typeof value !== "number") return cellText(value);
  if (!format || format === "General") {
    return numberFormat(locale, { maximumFractionDigits: 4 }).format(value);
  }
  const places = decimals(format);
  if (format.includes("%")) {
    return numberFormat(locale, {
      style: "percent",
      minimumFractionDigits: places,
      maximumFractionDigits: places,
    }).format(value);
  }
  if (format === FORMATS.text) return String(value);
  return numberFormat(locale, {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
    useGrouping: format.includes(","),
  }).format(value);
}
