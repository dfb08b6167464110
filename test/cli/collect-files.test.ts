// Commune reports kept as Excel 97-2003 files: test/fixtures/collect/xls/ holds .xls twins of two reports of the collect
// corpus (test/fixtures/collect/reports/), written by LibreOffice Calc (soffice --headless --calc --convert-to xls).
// collect reads them through the .xls reader and gives what it gives on the .xlsx. Also: a run cancelled with Ctrl+C.

import { existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
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

describe("collect cancelled with Ctrl+C", () => {
  it("stops between files, exits 130 and writes nothing", async () => {
    const out = path.join(os.tmpdir(), `ntm-collect-cancel-${process.pid}.xlsx`);
    const progress: string[] = [];
    const code = await main(
      ["collect", path.join(COLLECT, "reports"), "--indicators", POLICY, "--out", out],
      {
        stdout: () => undefined,
        stderr: (t) => {
          progress.push(t);
          // The user presses Ctrl+C once the first file is done.
          if (/^\[1\/\d+\]/.test(t)) process.emit("SIGINT");
        },
      }
    );
    expect(progress.some((t) => /^\[1\/\d+\]/.test(t))).toBe(true);
    expect(progress.some((t) => /^\[2\/\d+\]/.test(t))).toBe(false);
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
    // Nothing is left listening for a later Ctrl+C.
    expect(process.listenerCount("SIGINT")).toBe(0);
  });
});
