// Mistyped flags are answered in both languages with the closest known option, never with Node's parser text.

import { main } from "../../src/cli/main";

async function stderrOf(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(args, { stdout: () => undefined, stderr: (t) => err.push(t) });
  return { code, err: err.join("\n") };
}

describe("unknown options", () => {
  it("suggests --budget for --budjet, in Vietnamese and English", async () => {
    const { code, err } = await stderrOf(["targets", "x.csv", "--budjet", "16"]);
    expect(code).toBe(2);
    expect(err).toContain("--budjet: có phải --budget? / did you mean --budget?");
    expect(err).not.toMatch(/ERR_PARSE_ARGS|Unknown option '--budjet'\. To specify/);
  });

  it("suggests the closest option of the command at hand (--max-per-comune → --max-per-commune)", async () => {
    const { err } = await stderrOf(["plan", "x.xlsx", "--max-per-comune", "3"]);
    expect(err).toContain("did you mean --max-per-commune?");
  });

  it("says a flag needs a value, with an example, instead of the parser's words", async () => {
    const { code, err } = await stderrOf(["roadmap", "x.xlsx", "--budget"]);
    expect(code).toBe(2);
    expect(err).toBe("--budget cần một giá trị / needs a value, ví dụ/e.g. --budget 16");
  });

  it("suggests the closest command for a mistyped command", async () => {
    const { err } = await stderrOf(["sumary", "x.csv"]);
    expect(err).toContain("Did you mean 'summary'?");
  });

  it("names no option when nothing is close", async () => {
    const { err } = await stderrOf(["targets", "x.csv", "--zzzzzzzz"]);
    expect(err).toContain("Unknown option --zzzzzzzz.");
    expect(err).not.toContain("did you mean");
  });
});
