// --out: written whole or not at all (temporary file, then rename), never over an input (compared by device and
// inode), only as .xlsx (or a report's .docx), and every I/O failure is exit 2 with one bilingual line, never a hang.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { writeResultFile, type OutputFs } from "../../src/cli/io";
import type { OutputSheet } from "../../src/workbook/output";
import { captureIo } from "../fuzz/harness";
import { startCpuClock } from "../support/cpu-clock";
import { expectStrictFile, notOurFile } from "../support/strict-files";

const EXAMPLE = path.resolve(
  __dirname,
  "..",
  "fixtures",
  "examples",
  "soc-trang-2023-communes.csv"
);

const RESULT: OutputSheet = {
  sheet: "KQ_TongHop",
  tables: [{ name: "NTM_TongHop", columns: [{ header: "Số xã" }], rows: [[80]] }],
};

jest.setTimeout(30_000);

describe("ntm-plan --out", () => {
  let dir: string;
  let input: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-out-safety-"));
    input = path.join(dir, "xa.csv");
    await fs.copyFile(EXAMPLE, input);
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  async function run(out: string) {
    const io = captureIo();
    const clock = startCpuClock();
    const code = await main(["summary", input, "--out", out], io);
    return { code, io, ms: clock.ms() };
  }

  it("refuses a hard link to the input (same device and inode) and leaves the input as it was", async () => {
    const link = path.join(dir, "kq.xlsx");
    await fs.link(input, link);
    // The input (CSV) under a .xlsx name, not a file we wrote.
    notOurFile(link);
    const before = await fs.readFile(input);
    const { code, io } = await run(link);
    expect(code).toBe(2);
    expect(io.err.join("\n")).toContain("inputs are never overwritten");
    expect((await fs.readFile(input)).equals(before)).toBe(true);
  });

  it("refuses a symbolic link to the input", async () => {
    const link = path.join(dir, "kq.xlsx");
    await fs.symlink(input, link);
    const { code } = await run(link);
    expect(code).toBe(2);
  });

  it.each(["kq.xls", "kq.csv", "kq"])(
    "refuses --out %s: the file written is .xlsx",
    async (name) => {
      const { code, io } = await run(path.join(dir, name));
      expect(code).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toMatch(/đuôi \.xlsx.*ending in \.xlsx/);
      await expect(fs.stat(path.join(dir, name))).rejects.toThrow();
    }
  );

  it("refuses a folder as --out with a message, exit 2", async () => {
    const folder = path.join(dir, "kq.xlsx");
    await fs.mkdir(folder);
    const { code, io } = await run(folder);
    expect(code).toBe(2);
    expect(io.err[0]).toMatch(/thư mục.*folder/);
  });

  it.each(["/proc/version.xlsx", "/proc/self/kq.xlsx", "/proc/nope/kq.xlsx"])(
    "exits 2 within seconds for %s",
    async (out) => {
      const { code, io, ms } = await run(out);
      expect(code).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toMatch(/Cần: .* \/ Expected: /);
      expect(ms).toBeLessThan(10_000);
    }
  );

  it("replaces an earlier result atomically and leaves no temporary file", async () => {
    const out = path.join(dir, "kq.xlsx");
    expect((await run(out)).code).toBe(0);
    expect((await run(out)).code).toBe(0);
    expect((await fs.readdir(dir)).sort()).toEqual(["kq.xlsx", "xa.csv"]);
    expectStrictFile(out);
  });
});

describe("writeResultFile on a failing disk", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-out-disk-"));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  /** The real file system, except that writing fails half way with `code` (after writing half the bytes). */
  function failing(code: string): OutputFs {
    return {
      ...fs,
      writeFile: (async (file: string, bytes: Uint8Array) => {
        await fs.writeFile(file, bytes.subarray(0, bytes.length >> 1));
        throw Object.assign(new Error(`${code}: simulated`), { code });
      }) as unknown as OutputFs["writeFile"],
    };
  }

  it.each([
    ["ENOSPC", /ổ đĩa đã đầy.*the disk is full/],
    ["EACCES", /không có quyền.*no permission/],
    ["EIO", /EIO/],
  ])(
    "%s: an InputError, the earlier result kept whole, no temporary file left",
    async (code, why) => {
      const out = path.join(dir, "kq.xlsx");
      await writeResultFile(out, [RESULT]);
      const good = await fs.readFile(out);
      expectStrictFile(out);
      const error = await writeResultFile(out, [RESULT], failing(code)).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "InputError" });
      expect(String((error as Error).message)).toMatch(why);
      expect((await fs.readFile(out)).equals(good)).toBe(true);
      expect(await fs.readdir(dir)).toEqual(["kq.xlsx"]);
    }
  );
});
