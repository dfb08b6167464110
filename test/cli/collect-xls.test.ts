// Commune reports kept as Excel 97-2003 files: test/fixtures/collect/xls/ holds .xls twins of two reports of the collect
// corpus (test/fixtures/collect/reports/), written by LibreOffice Calc (soffice --headless --calc --convert-to xls).
// collect reads them through the .xls reader and gives what it gives on the .xlsx.

import * as path from "node:path";
import { runCli } from "./helpers";

const COLLECT = path.resolve(__dirname, "..", "fixtures", "collect");
const POLICY = path.join(COLLECT, "inputs", "policy.xlsx");
const TWINS = ["01-tan-hoa", "03-my-phuoc-tay"];

async function collect(files: string[]): Promise<any> {
  const run = await runCli(["collect", ...files, "--indicators", POLICY, "--json"]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("collect on .xls commune reports", () => {
  it.each(TWINS)("%s.xls gives the communes and values of its .xlsx twin", async (name) => {
    const xls = await collect([path.join(COLLECT, "xls", `${name}.xls`)]);
    const xlsx = await collect([path.join(COLLECT, "reports", `${name}.xlsx`)]);
    expect(xls.counts).toEqual(xlsx.counts);
    expect(xls.counts.collected).toBe(1);
    // The same commune, group and values; only the file it came from differs.
    const strip = (communes: any[]) =>
      JSON.parse(JSON.stringify(communes).replace(/"[^"]*\.xlsx?"/g, '"FILE"'));
    expect(strip(xls.communes)).toEqual(strip(xlsx.communes));
  });

  it("keeps a commune sent as .xls and as .xlsx once: identical reports, no conflict", async () => {
    const both = await collect([
      path.join(COLLECT, "xls", "01-tan-hoa.xls"),
      path.join(COLLECT, "reports", "01-tan-hoa.xlsx"),
    ]);
    expect(both.counts).toMatchObject({ files: 2, collected: 2, communes: 1, problems: 0 });
  });
});
