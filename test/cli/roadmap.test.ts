import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isInputError } from "../../src/engine/errors";
import { createRoadmapCommand } from "../../src/cli/commands/roadmap";
import { createRoadmapJob } from "../../src/workbook/jobs/roadmap";
import { readCommuneCounts } from "../workbook/jobs/communes-reader-for-tests";

const command = createRoadmapCommand(createRoadmapJob(readCommuneCounts));

async function writeCsv(name: string, text: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-roadmap-"));
  const file = path.join(dir, name);
  await fs.writeFile(file, text, "utf8");
  return file;
}

describe("ntm-plan roadmap", () => {
  it("gives years and targets as JSON", async () => {
    const rows = ["Tên xã,Số tiêu chí đạt", "A,17", "B,18", "C,19"];
    const file = await writeCsv("xa.csv", rows.join("\n"));
    const result = await command.run({
      files: [file],
      options: { budget: "3", to: "2025", from: "2024", "target-standard": "3" },
    });
    // 2024 (pace 1.5 → allowance 1, finish within 2): B +1 (first: closest), A +2 → all three at 19 for 3.
    expect(result.json.years).toMatchObject([
      { year: 2024, standard: 3, averageCriteria: 19, cost: 3 },
      { year: 2025, cost: 0 },
    ]);
    expect(result.json.targets).toMatchObject([
      { name: "standard", target: 3, projected: 3, reachable: true, year: 2024, shortfall: 0 },
    ]);
  });

  it("names the file, sheet and cell of a bad count", async () => {
    const file = await writeCsv("xa-loi.csv", "Tên xã,Số tiêu chí đạt\nA,17\nB,#REF!\n");
    try {
      await command.run({ files: [file], options: { budget: "3", to: "2025", from: "2024" } });
      throw new Error("no error");
    } catch (e) {
      expect(isInputError(e)).toBe(true);
      expect((e as Error).message).toMatch(/xa-loi\.csv, sheet 'xa-loi', ô\/cell B3/);
    }
  });
});
