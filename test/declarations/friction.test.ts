// What a new user hit: missing budget said nowhere, criteria labelled as money, unclear file messages.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "ntm-sample.xlsx");

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("what a new user hit", () => {
  it("says 'không giới hạn / no limit' first when --budget is missing, and warns", async () => {
    const r = await run(["targets", SAMPLE, "--year", "2024", "--period", "2021-2025"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toContain("KHÔNG GIỚI HẠN / NO LIMIT");
    expect(r.out).toContain("No budget given (--budget)");
  });

  it("counts the budget in criteria when there is no costs table, in the text and the JSON", async () => {
    const r = await run([
      "targets",
      SAMPLE,
      "--year",
      "2024",
      "--period",
      "2021-2025",
      "--budget",
      "16",
    ]);
    expect(r.out.split("\n")[0]).toBe("Ngân sách / budget: 16 tiêu chí / criteria");
    const json = await run([
      "targets",
      SAMPLE,
      "--year",
      "2024",
      "--period",
      "2021-2025",
      "--budget",
      "16",
      "--json",
    ]);
    expect(JSON.parse(json.out).unit).toBe("criteria");
  });

  it("says a missing file is not found", async () => {
    const r = await run(["summary", "khong-co-tep.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("không tìm thấy / not found");
  });

  it("asks for a damaged legacy .xls to be saved as .xlsx, without the readers' words", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-xls-"));
    const file = path.join(dir, "cu.xls");
    await fs.writeFile(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const r = await run(["summary", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("save it as .xlsx");
    expect(r.err).toContain("Excel 97-2003 (.xls)");
    // The words, not the file's path (its random folder name may hold "zip" or "cfb").
    expect(r.err.split(file).join("")).not.toMatch(/central directory|zip|CFB|header signature/i);
  });

  it("names --budget when the roadmap has none", async () => {
    const r = await run(["roadmap", SAMPLE, "--to", "2025"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("(--budget)");
    expect(r.err).toContain("required");
  });
});
