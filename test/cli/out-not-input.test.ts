// `--out` writes a workbook of results only; pointing it at an input file would replace the user's data.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { captureIo } from "../fuzz/harness";

const EXAMPLE = path.resolve(
  __dirname,
  "..",
  "fixtures",
  "examples",
  "soc-trang-2023-communes.csv"
);

describe("ntm-plan --out", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-out-"));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it.each([
    ["the same path", (f: string) => f],
    [
      "another spelling of the same path",
      (f: string) =>
        path.join(path.dirname(f), "..", path.basename(path.dirname(f)), path.basename(f)),
    ],
  ])(
    "refuses to write over the input file given as %s, and leaves it as it was",
    async (_how, spell) => {
      const input = path.join(dir, "xa.csv");
      await fs.copyFile(EXAMPLE, input);
      const before = await fs.readFile(input);
      const io = captureIo();
      const code = await main(["summary", input, "--out", spell(input)], io);
      expect(code).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toContain("tệp đầu vào không bao giờ bị ghi đè");
      expect(io.err[0]).toContain("inputs are never overwritten");
      expect((await fs.readFile(input)).equals(before)).toBe(true);
    }
  );

  it("still writes results to another file", async () => {
    const input = path.join(dir, "xa.csv");
    await fs.copyFile(EXAMPLE, input);
    const out = path.join(dir, "kq.xlsx");
    expect(await main(["summary", input, "--out", out], captureIo())).toBe(0);
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });
});
