// The pane's collect run says what collecting warned about: each commune report cell whose text writing had to change
// (a control character pasted into a name) is named by its file, sheet and cell, in the pane's language; what the
// output boundary counts rather than names is counted as the CLI prints it; and thousands of warnings are drawn
// only as the first few and how many more. The run is the pane's own (collectAndWrite)
// into the in-memory workbook; what it shows is CollectDone as the collect chunk draws it.

import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { collectAndWrite, type CollectDoneState } from "../../src/taskpane/collect";
import { CollectDone } from "../../src/taskpane/components/CollectDone";
import { WARNINGS_SHOWN } from "../../src/taskpane/components/WarningList";
import { OUTPUT_NOTES_LISTED } from "../../src/workbook/output-text";
import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import type { PickedFile } from "../../src/workbook/collect/from-files";

/** A commune report saved as CSV (semicolons, as Vietnamese Excel saves it), picked under `name`. */
function report(name: string, communes: [string, string, number][]): PickedFile {
  const lines = ["TT;Tên xã;Mã xã;Số tiêu chí đạt"];
  communes.forEach(([commune, code, met], i) => lines.push(`${i + 1};${commune};${code};${met}`));
  const bytes = Buffer.from(lines.join("\n") + "\n", "utf8");
  return {
    name,
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

/** The text of each drawn warning, tags and entities out. */
function shownWarnings(html: string): string[] {
  return [...html.matchAll(/<li[^>]*data-testid="warning"[^>]*>(.*?)<\/li>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, "")
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
  );
}

const draw = (state: CollectDoneState, lang: "vi" | "en") =>
  renderToStaticMarkup(<CollectDone state={state} lang={lang} />);

describe("the pane's collect warnings", () => {
  // A file name longer than the pane is wide, with no space to break at.
  const LONG = "bao-cao-ket-qua-thuc-hien-bo-tieu-chi-nong-thon-moi-nam-2025-cua-xa-binh-loi.csv";
  const files = [
    report("huyen-cu.csv", [
      ["Xã Tân\u0001Hòa", "31000", 19],
      ["Xã Mỹ Phước", "31002", 17],
    ]),
    report(LONG, [
      ["Xã Long Đức", "31003", 18],
      ["Xã Bình\u000bLợi", "31001", 15],
    ]),
  ];
  /** A CSV's sheet is its base name, within Excel's 31 characters for a sheet name. */
  const sheetOf = (file: string) => file.replace(/\.csv$/, "").slice(0, 31);
  /** The cells with a control character: file, sheet and cell. */
  const BAD = [
    { file: "huyen-cu.csv", place: `${sheetOf("huyen-cu.csv")}!B2`, char: "U+0001" },
    { file: LONG, place: `${sheetOf(LONG)}!B3`, char: "U+000B" },
  ];

  it("names each report cell's file, sheet and cell after the run, in Vietnamese and in English", async () => {
    const state = await collectAndWrite(files, new MemoryWorkbook());
    expect(state).not.toBeNull();
    expect(state!.communes).toBe(4);

    const vi = shownWarnings(draw(state!, "vi"));
    const en = shownWarnings(draw(state!, "en"));
    for (const bad of BAD) {
      const inVi = vi.filter((w) => w.includes(bad.place));
      expect(inVi).toHaveLength(1);
      expect(inVi[0]).toContain(`Tệp ${bad.file}`);
      expect(inVi[0]).toContain(bad.char);
      const inEn = en.filter((w) => w.includes(bad.place));
      expect(inEn).toHaveLength(1);
      expect(inEn[0]).toContain(`File ${bad.file}`);
      expect(inEn[0]).toContain(bad.char);
    }
    // The clean communes warn about nothing; each language speaks only itself.
    expect(vi).toHaveLength(BAD.length);
    expect(vi.join("\n")).not.toMatch(/\b(File|cell|removed)\b/);
    expect(en.join("\n")).not.toMatch(/Tệp|ghi vào|đã bỏ/);
    expect(draw(state!, "vi")).toContain("Lưu ý");
    expect(draw(state!, "en")).toContain("Warnings");
    // Nothing to count when all are shown.
    expect(draw(state!, "vi")).not.toContain('data-testid="warnings-more"');
  });

  it("shows what writing changed in many report cells whole, as the CLI prints it: each cell, then the count", async () => {
    const many = 3 * OUTPUT_NOTES_LISTED + 7;
    const communes = Array.from(
      { length: many },
      (_, i) => [`Xã Số\u0001${i + 1}`, String(40000 + i), 19] as [string, string, number]
    );
    const state = await collectAndWrite([report("ca-tinh.csv", communes)], new MemoryWorkbook());
    for (const lang of ["vi", "en"] as const) {
      const shown = shownWarnings(draw(state!, lang));
      // The first cells one by one, in order from the first commune's, each naming its file.
      expect(shown).toHaveLength(OUTPUT_NOTES_LISTED + 1);
      shown
        .slice(0, OUTPUT_NOTES_LISTED)
        .forEach((w, i) => expect(w).toMatch(new RegExp(`ca-tinh\\.csv, .*ca-tinh!B${i + 2} `)));
      // Each name is written to 4 cells (the table's, and 3 in "Nguồn"): the rest counted by cell.
      const rest = 4 * (many - OUTPUT_NOTES_LISTED);
      expect(shown[OUTPUT_NOTES_LISTED]).toBe(
        lang === "vi"
          ? `… và ${rest} ô khác được sửa như trên khi ghi`
          : `… and ${rest} more cells changed the same way when written`
      );
      expect(draw(state!, lang)).not.toContain('data-testid="warnings-more"');
    }
  });

  it("draws the first of thousands of warnings and says how many more, counted the Vietnamese way", () => {
    const state: CollectDoneState = {
      status: "done",
      communes: 0,
      leftOut: 0,
      unreadable: 0,
      written: [],
      notes: [],
      warnings: Array.from({ length: 10_000 }, (_, i) => ({
        vi: `cảnh báo ${i}`,
        en: `warning ${i}`,
        sheet: "Xã",
        cell: `B${i + 2}`,
      })),
    };
    const more = (10_000 - WARNINGS_SHOWN).toLocaleString("vi-VN");
    const vi = draw(state, "vi");
    const shown = shownWarnings(vi);
    expect(shown).toHaveLength(WARNINGS_SHOWN);
    shown.forEach((w, i) => expect(w).toBe(`Xã!B${i + 2}: cảnh báo ${i}`));
    expect(vi).toContain(`và ${more} lưu ý khác`);
    expect(vi).toContain("Xem tất cả 10.000 lưu ý");
    const en = draw(state, "en");
    expect(shownWarnings(en)).toHaveLength(WARNINGS_SHOWN);
    expect(en).toContain(`and ${more} more`);
    expect(en).toContain("Show all 10.000 warnings");
  });
});
