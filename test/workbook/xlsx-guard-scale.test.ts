// The zip guard at a country's scale: a real sheet of 130,000 rows (60-115 MB of XML, about 10:1 zipped) is read, while a
// part that compresses like a zip bomb, a part or a workbook past the absolute bounds, or more cells than fit in memory
// are refused in both languages, checked while inflating (declared sizes are not trusted).

import { strToU8, zipSync, type Zippable } from "fflate";
import {
  partLimit,
  readingMemory,
  readXlsxParts,
  XLSX_LIMITS,
} from "../../src/workbook/adapters/xlsx-guard";
import { InputError } from "../../src/engine/errors";

const MB = 1024 * 1024;
const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const TAIL = "</sheetData></worksheet>";

const num = (ref: string, n: number) => `<c r="${ref}" t="n"><v>${n}</v></c>`;

const zip = (files: Record<string, Uint8Array>, level: 0 | 1 | 6 | 9 = 6) =>
  zipSync(files as Zippable, { level });

/** Runs `body` with some limits lowered, so the arithmetic is tested on kilobytes instead of hundreds of MB. */
function withLimits(limits: Partial<typeof XLSX_LIMITS>, body: () => void): void {
  const saved = { ...XLSX_LIMITS };
  Object.assign(XLSX_LIMITS, limits);
  try {
    body();
  } finally {
    Object.assign(XLSX_LIMITS, saved);
  }
}

/** The refusal, with its two languages. */
function refusal(body: () => unknown): string {
  try {
    body();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("not refused");
}

/** Bytes that deflate about 10:1, as a sheet's XML does (text with numbers that keep changing). */
function honest(bytes: number): Uint8Array {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const s = `<c r="A${i}"><v>${(i * 2654435761) % 1000003}</v></c>`;
    out.push(s);
    n += s.length;
  }
  return strToU8(out.join("").slice(0, bytes));
}

describe("a country's sheets are within the limits", () => {
  // Measured on files written by openpyxl and by ExcelJS (the full-size read is a bench row: bench/sections/readers-scale.ts).
  it.each([
    [
      "130,000 rows × 9 columns of costs (openpyxl, inline strings)",
      78_645_572,
      6_392_781,
      1_170_009,
    ],
    ["130,000 rows × 9 columns of costs (ExcelJS)", 58_087_987, 6_747_957, 1_175_535],
    ["130,000 communes × 25 columns, marks (ExcelJS)", 112_986_337, 16_170_253, 2_968_491],
  ])("%s: %d bytes of XML from %d zipped, %d cells", (_, inflated, compressed, cells) => {
    expect(inflated).toBeGreaterThan(XLSX_LIMITS.freeBytes);
    expect(partLimit(compressed)).toBeGreaterThanOrEqual(inflated);
    expect(XLSX_LIMITS.totalBytes).toBeGreaterThanOrEqual(inflated + 1024 * 1024);
    expect(readingMemory(inflated, cells)).toBeLessThanOrEqual(XLSX_LIMITS.memoryBytes);
  });

  it("a zip bomb's ratio (about 1000:1) is far past the limit", () => {
    expect(partLimit(62_000)).toBe(XLSX_LIMITS.freeBytes);
    expect(partLimit(1024 * 1024)).toBeLessThan(1000 * 1024 * 1024);
  });
});

describe("the limits' arithmetic (limits lowered to kilobytes)", () => {
  const small = { freeBytes: 64 * 1024, ratio: 20, partBytes: 1 * MB, totalBytes: 1.5 * MB };

  it("a part's limit: the free size whatever the ratio, then the ratio, then the absolute bound", () => {
    withLimits(small, () => {
      expect(partLimit(100)).toBe(64 * 1024);
      expect(partLimit(10_000)).toBe(200_000);
      expect(partLimit(1_000_000)).toBe(1 * MB);
    });
  });

  it("a part past the free size that compresses like a zip bomb: refused naming the ratio", () => {
    withLimits(small, () => {
      const bomb = zip({ "xl/worksheets/sheet1.xml": new Uint8Array(200 * 1024) }, 9);
      const message = refusal(() => readXlsxParts(bomb));
      expect(message).toMatch(/sheet1\.xml.*gấp hơn 20 lần.*bom zip/);
      expect(message).toMatch(/over 20 times its compressed size.*zip bomb/);
    });
  });

  it("a part past the free size at an honest ratio: read", () => {
    withLimits(small, () => {
      const sheet = honest(600 * 1024);
      const file = zip({ "xl/worksheets/sheet1.xml": sheet });
      const read = readXlsxParts(file)["xl/worksheets/sheet1.xml"];
      expect(Buffer.from(read).equals(Buffer.from(sheet))).toBe(true);
    });
  });

  it("a part past the absolute bound at an honest ratio: refused, asking to split the table", () => {
    withLimits(small, () => {
      const file = zip({ "xl/worksheets/sheet1.xml": honest(1.2 * MB) });
      const message = refusal(() => readXlsxParts(file));
      expect(message).toMatch(/vượt 1 MB.*tách bảng/);
      expect(message).toMatch(/inflates past 1 MB.*split the table/);
    });
  });

  it("a stored (uncompressed) part past the absolute bound: refused", () => {
    withLimits(small, () => {
      const file = zip({ "xl/worksheets/sheet1.xml": honest(1.2 * MB) }, 0);
      expect(refusal(() => readXlsxParts(file))).toMatch(/inflates past 1 MB/);
    });
  });

  it("parts each within their bounds, past the total together: refused", () => {
    withLimits(small, () => {
      const file = zip({
        "xl/worksheets/sheet1.xml": honest(0.8 * MB),
        "xl/worksheets/sheet2.xml": honest(0.8 * MB),
      });
      expect(refusal(() => readXlsxParts(file))).toMatch(/vượt 2 MB.*past 2 MB in all/);
    });
  });

  it("a bomb declaring a small size is stopped while inflating, at the ratio's limit", () => {
    withLimits(small, () => {
      const bomb = zip({ "xl/worksheets/sheet1.xml": new Uint8Array(4 * MB) }, 9);
      const lying = bomb.slice();
      const view = new DataView(lying.buffer);
      for (let at = 0; at + 4 <= lying.length; at++) {
        const sig = view.getUint32(at, true);
        if (sig === 0x02014b50) view.setUint32(at + 24, 100, true);
        if (sig === 0x04034b50) view.setUint32(at + 22, 100, true);
      }
      expect(refusal(() => readXlsxParts(lying))).toMatch(/zip bomb/);
    });
  });
});

describe("more than fits in memory", () => {
  const sheet = (cells: number) =>
    strToU8(
      HEAD +
        Array.from(
          { length: cells },
          (_, i) => `<row r="${i + 1}">${num(`A${i + 1}`, i)}</row>`
        ).join("") +
        TAIL
    );

  it("is estimated at 7 bytes per byte of XML and 460 per cell, over all parts: up to the limit read, past it refused", () => {
    const one = sheet(600);
    const two = sheet(400);
    const styles = strToU8("<styleSheet/>");
    const files = {
      "xl/worksheets/sheet1.xml": one,
      "xl/worksheets/sheet2.xml": two,
      "xl/styles.xml": styles,
      "xl/media/image1.png": new Uint8Array(100),
    };
    const estimate = 7 * (one.length + two.length + styles.length) + 460 * 1000 + 100;
    expect(readingMemory(one.length, 600)).toBe(7 * one.length + 460 * 600);
    withLimits({ memoryBytes: estimate }, () => {
      expect(() => readXlsxParts(zip(files))).not.toThrow();
    });
    withLimits({ memoryBytes: estimate - 1 }, () => {
      const message = refusal(() => readXlsxParts(zip(files)));
      expect(message).toMatch(/bộ nhớ \(1\.000 ô.*tách ra nhiều tệp/);
      expect(message).toMatch(/of memory \(1,000 cells.*split it over several files/);
    });
  });

  it("counts cells only: rows, columns and other parts' <c…> tags do not count", () => {
    const xml =
      HEAD +
      '<row r="1"><c r="A1"/><c r="B1" t="s"><v>0</v></c>\n<c\tr="C1"></c></row>' +
      TAIL.replace("</worksheet>", "<cols><col min='1' max='3'/></cols></worksheet>");
    const comments = "<comments><c r='A1'/><c r='A2'/></comments>";
    const files = {
      "xl/worksheets/sheet1.xml": strToU8(xml),
      "xl/comments1.xml": strToU8(comments),
    };
    const estimate = 7 * (strToU8(xml).length + comments.length) + 460 * 3;
    withLimits({ memoryBytes: estimate }, () => {
      expect(() => readXlsxParts(zip(files))).not.toThrow();
    });
    withLimits({ memoryBytes: estimate - 1 }, () => {
      expect(refusal(() => readXlsxParts(zip(files)))).toMatch(/\(3 cells/);
    });
  });

  it.each([
    // Measured peaks: 3.38 GB and 3.89 GB against Node's 4.1 GB heap; both within the byte limits.
    ["3.9 million cells of distinct texts", 232_855_490, 3_900_000],
    ["200 MB of shared strings and 3.4 million cells", 209_715_387 + 130_512_283, 3_400_000],
  ])("%s: refused before ExcelJS loads it", (_, bytes, cells) => {
    expect(bytes).toBeLessThanOrEqual(XLSX_LIMITS.totalBytes);
    expect(readingMemory(bytes, cells)).toBeGreaterThan(XLSX_LIMITS.memoryBytes);
  });
});
