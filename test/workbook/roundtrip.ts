// Shared round-trip checks every WorkbookPort adapter must pass.

import type { OutputSheet } from "../../src/workbook/output";
import { FORMATS } from "../../src/workbook/output";
import type { WorkbookPort } from "../../src/workbook/port";

export const RESULT: OutputSheet = {
  sheet: "KQ_TongHop",
  tables: [
    {
      name: "NTM_TongHop",
      title: "Tổng hợp / Summary",
      columns: [
        { header: "Chỉ tiêu (Target)" },
        { header: "Giá trị (Value)", format: FORMATS.average },
        { header: "Tỷ lệ (Share)", format: FORMATS.share },
      ],
      rows: [
        ["Số xã", 80, 1],
        ["Bình quân tiêu chí/xã", 18.625, null],
      ],
    },
  ],
};

/** Writes RESULT and reads it back through the same port. */
export async function writeAndReadBack(port: WorkbookPort) {
  const names = await port.writeResults([RESULT]);
  const grid = await port.readSheet(names[0]);
  return { names, grid };
}
