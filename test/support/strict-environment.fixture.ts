// Run only by strict-environment.test.ts, in a Jest of its own: writes files the strict check must refuse, one it
// must pass, and one the test says is not ours, then removes them all as tests clean up.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { notOurFile } from "./strict-files";

it("writes files and removes them", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "strict-fixture-"));
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Xã").getCell("A1").value = "An Bình";
  await fs.writeFile(path.join(dir, "sound.xlsx"), new Uint8Array(await book.xlsx.writeBuffer()));
  const zip = (parts: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
  await fs.writeFile(
    path.join(dir, "control.docx"),
    zip({ "word/document.xml": "<w:document><w:t>Xã\u000BAn</w:t></w:document>" })
  );
  await fs.writeFile(
    path.join(dir, "long.xlsx"),
    zip({ "xl/sharedStrings.xml": `<sst><si><t>${"x".repeat(40_000)}</t></si></sst>` })
  );
  await fs.mkdir(path.join(dir, "nested"));
  await fs.writeFile(
    path.join(dir, "nested", "columns.xlsx"),
    zip({
      "xl/tables/table1.xml": '<table><tableColumn name="Xã"/><tableColumn name="XÃ"/></table>',
    })
  );
  await fs.writeFile(path.join(dir, "input-on-purpose.xlsx"), "not a zip");
  notOurFile(path.join(dir, "input-on-purpose.xlsx"));
  await fs.rm(path.join(dir, "nested"), { recursive: true, force: true });
  await fs.rm(dir, { recursive: true, force: true });
});
