// The browser app on a workbook whose result sheet the user typed a note into: writing the new result keeps their
// sheet as "KQ_TongHop (sửa tay)" and the pane says so, within 320 px, in Vietnamese and English.

import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { RESULT } from "../workbook/roundtrip";
import { ensureDist, open, runChosenJob, screenshot, type Session } from "./browser";
import { measure, setLanguage } from "./fit";

jest.setTimeout(600_000);

const SAMPLE = path.resolve(__dirname, "../../assets/ntm-sample.xlsx");

describe("browser mode: a result sheet the user edited", () => {
  let session: Session;
  let file: string;
  beforeAll(async () => {
    // The sample with an earlier result of ours (recorded in the bookkeeping), then a note typed into it.
    const book = await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE));
    await book.writeResults([RESULT]);
    const edited = await ExcelJsWorkbook.fromXlsx(await book.toXlsx());
    edited.workbook.getWorksheet("KQ_TongHop")!.getCell("B5").value = "ghi chú của tôi";
    file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "ntm-kept-")), "so-da-sua.xlsx");
    await fs.writeFile(file, await edited.toXlsx());
    session = await open(ensureDist());
  });
  afterAll(async () => session && (await session.close()));

  it("keeps the edited sheet and shows the note at 320 px in both languages", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 320, height: 1000 });
    await page.getByTestId("upload").setInputFiles(file);
    await page.locator('[data-testid="file-name"]', { hasText: "so-da-sua.xlsx" }).waitFor();
    await page.getByTestId("job-picker").selectOption("summary");
    await page.getByTestId("option-year").fill("2024");
    await runChosenJob(page);
    expect(await page.getByTestId("problem").allInnerTexts()).toEqual([]);
    await page.getByTestId("write").click();
    const note = page.getByTestId("kept-edited");
    await note.waitFor();
    await setLanguage(page, "vi");
    expect(await note.innerText()).toMatch(
      /Trang kết quả 'KQ_TongHop' đã được sửa tay.*giữ thành 'KQ_TongHop \(sửa tay\)'/
    );
    expect(await page.getByTestId("written").innerText()).toContain("KQ_TongHop");
    let fit = await measure(page);
    expect(fit.outside).toEqual([]);
    expect(fit.documentScroll).toBeLessThanOrEqual(fit.viewport);
    await screenshot(page, "kept-edited-vi-320");
    await setLanguage(page, "en");
    expect(await note.innerText()).toMatch(
      /The result sheet 'KQ_TongHop' was changed by hand.*kept as 'KQ_TongHop \(sửa tay\)'/
    );
    fit = await measure(page);
    expect(fit.outside).toEqual([]);
    await screenshot(page, "kept-edited-en-320");
  });
});
