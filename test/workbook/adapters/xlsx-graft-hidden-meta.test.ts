// A result workbook saved by LibreOffice has our bookkeeping sheet hidden, not very hidden (LibreOffice has no such
// state). Adding results to it again replaces only our sheets, and makes the bookkeeping very hidden again.

import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { addResultsToWorkbook } from "../../../src/workbook/adapters/xlsx-graft";
import { META_SHEET } from "../../../src/workbook/ownership";
import { RESULT } from "../roundtrip";

/** The `state` of each <sheet> in workbook.xml, by name. */
function states(bytes: Uint8Array): Record<string, string> {
  const xml = strFromU8(unzipSync(bytes)["xl/workbook.xml"]);
  const out: Record<string, string> = {};
  for (const [tag] of xml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(tag)![1];
    out[name] = /\sstate="([^"]*)"/.exec(tag)?.[1] ?? "visible";
  }
  return out;
}

/** What LibreOffice does to the sheet list on saving: very hidden becomes hidden. */
function asLibreOfficeSaves(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const xml = strFromU8(parts["xl/workbook.xml"]);
  parts["xl/workbook.xml"] = strToU8(xml.replace(/state="veryHidden"/g, 'state="hidden"'));
  return zipSync(parts);
}

it("replaces our result in a workbook whose bookkeeping was saved hidden, and hides it very again", async () => {
  const user = ExcelJsWorkbook.empty();
  user.workbook.addWorksheet("Xã").addRow(["Tên xã"]);
  const first = await addResultsToWorkbook(await user.toXlsx(), [RESULT]);
  expect(states(first.bytes)[META_SHEET]).toBe("veryHidden");
  const saved = asLibreOfficeSaves(first.bytes);
  expect(states(saved)[META_SHEET]).toBe("hidden");

  const again = await addResultsToWorkbook(saved, [RESULT]);
  expect(again.names).toEqual(["KQ_TongHop"]);
  expect(again.notes).toEqual([]);
  expect(states(again.bytes)).toEqual({
    Xã: "visible",
    KQ_TongHop: "visible",
    [META_SHEET]: "veryHidden",
  });
  const book = await ExcelJsWorkbook.fromXlsx(again.bytes);
  expect(book.ownedSheetNames()).toEqual(["KQ_TongHop"]);
});
