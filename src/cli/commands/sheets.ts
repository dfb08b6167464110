// `ntm-plan sheets FILE`: lists the sheets of a workbook and their size, to check what the planner will see.

import { maxOf } from "../../engine/arrays";
import { openWorkbook } from "../io";
import { requireFile, type CliCommand } from "../command";

export const sheetsCommand: CliCommand = {
  name: "sheets",
  summary: { vi: "Liệt kê các trang tính của tệp", en: "List the sheets of a file" },
  usage: "ntm-plan sheets FILE [--json]",
  options: {},
  async run(input) {
    const file = requireFile(input, this.usage);
    const book = await openWorkbook(file);
    const sheets = [];
    for (const name of await book.sheetNames()) {
      const grid = await book.readSheet(name);
      sheets.push({
        name,
        rows: grid.rows.length,
        columns: maxOf(
          grid.rows.map((r) => r.length),
          0
        ),
      });
    }
    const text = sheets
      .map((s) => `${s.name}: ${s.rows} dòng/rows × ${s.columns} cột/columns`)
      .join("\n");
    return { json: { file, sheets }, text, sheets: [] };
  },
};
