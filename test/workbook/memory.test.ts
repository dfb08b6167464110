import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import { InputError } from "../../src/engine/errors";
import { RESULT, writeAndReadBack } from "./roundtrip";

describe("MemoryWorkbook", () => {
  it("reads back what it wrote: title, headers and values", async () => {
    const book = new MemoryWorkbook({ Xã: [["Tên xã"], ["An Mỹ"]] });
    const { names, grid } = await writeAndReadBack(book);
    expect(names).toEqual(["KQ_TongHop"]);
    expect(grid.rows[0][0]).toBe("Tổng hợp / Summary");
    expect(grid.rows[1]).toEqual(["Chỉ tiêu (Target)", "Giá trị (Value)", "Tỷ lệ (Share)"]);
    expect(grid.rows[3]).toEqual(["Bình quân tiêu chí/xã", 18.625, null]);
    expect(book.tables[0].formats).toEqual([undefined, "#,##0.00", "0.00%"]);
  });

  it("replaces its own sheet on a re-run and leaves the user's sheets alone", async () => {
    const book = new MemoryWorkbook({ Xã: [["Tên xã"], ["An Mỹ"]] });
    await book.writeResults([RESULT]);
    await book.writeResults([RESULT]);
    expect(await book.sheetNames()).toEqual(["Xã", "KQ_TongHop"]);
    expect(book.tables.map((t) => t.name)).toEqual(["NTM_TongHop"]);
    expect((await book.readSheet("Xã")).rows).toEqual([["Tên xã"], ["An Mỹ"]]);
  });

  it("never writes into a user's sheet that has the result's name (in any case)", async () => {
    const book = new MemoryWorkbook({ kq_tonghop: [["của tôi / mine"]] });
    const names = await book.writeResults([RESULT]);
    expect(names).toEqual(["KQ_TongHop (2)"]);
    expect((await book.readSheet("kq_tonghop")).rows).toEqual([["của tôi / mine"]]);
  });

  it("names the missing sheet in both languages", async () => {
    const book = new MemoryWorkbook({ A: [] });
    await expect(book.readSheet("Xã")).rejects.toThrow(InputError);
    await expect(book.readSheet("Xã")).rejects.toThrow(/Xã.*trang tính.*sheet/);
  });

  it("finds sheets case-insensitively, as Excel does", async () => {
    const book = new MemoryWorkbook({ "Nguồn Vốn": [[1]] });
    expect((await book.readSheet("nguồn vốn")).sheet).toBe("Nguồn Vốn");
  });
});
