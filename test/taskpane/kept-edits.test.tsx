// The pane says when a result sheet the user changed by hand was kept rather than replaced: the write gathers the
// port's notes (here through the fake Excel and the Office.js adapter) and the pane shows them in its language.

import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { OfficeJsWorkbook } from "../../src/workbook/adapters/officejs";
import { KeptEditsNotes } from "../../src/taskpane/components/KeptEditsNotes";
import { writeResultSheets } from "../../src/taskpane/run";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";
import { RESULT } from "../workbook/roundtrip";

function excelWithResult() {
  const excel = new FakeExcel();
  excel.install();
  excel.addSheet("Xã", [["x"]]);
  return { excel, port: new OfficeJsWorkbook(requirementsUpTo("1.12")) };
}

describe("the pane's note on a result sheet edited by hand", () => {
  it("gathers one note naming the kept sheet when the user typed into ours, none when they did not", async () => {
    const { excel, port } = excelWithResult();
    expect(await writeResultSheets(port, [RESULT])).toEqual({ written: ["KQ_TongHop"], notes: [] });
    // Untouched: replaced quietly.
    expect((await writeResultSheets(port, [RESULT])).notes).toEqual([]);
    excel.sheets.find((s) => s.name === "KQ_TongHop")!.set(4, 1, "ghi chú của tôi");
    const outcome = await writeResultSheets(port, [RESULT]);
    expect(outcome.written).toEqual(["KQ_TongHop"]);
    expect(outcome.notes).toHaveLength(1);
    expect(excel.sheets.map((s) => s.name)).toContain("KQ_TongHop (sửa tay)");

    const vi = renderToStaticMarkup(<KeptEditsNotes notes={outcome.notes} lang="vi" />);
    expect(vi).toContain('data-testid="kept-edited"');
    expect(vi).toMatch(
      /Trang kết quả &#x27;KQ_TongHop&#x27;.*giữ thành &#x27;KQ_TongHop \(sửa tay\)&#x27;/
    );
    expect(vi).not.toMatch(/changed by hand/);
    const en = renderToStaticMarkup(<KeptEditsNotes notes={outcome.notes} lang="en" />);
    expect(en).toMatch(
      /&#x27;KQ_TongHop&#x27; was changed by hand.*kept as &#x27;KQ_TongHop \(sửa tay\)&#x27;/
    );
    expect(en).not.toMatch(/giữ thành/);
  });

  it("shows nothing when no sheet was kept", () => {
    expect(renderToStaticMarkup(<KeptEditsNotes notes={[]} lang="vi" />)).toBe("");
    expect(renderToStaticMarkup(<KeptEditsNotes notes={undefined} lang="en" />)).toBe("");
  });
});
