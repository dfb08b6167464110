// ntm-plan: runs the planning on .xlsx/.csv files. Input errors exit 2 with one line; never a stack trace.

import { realpathSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { InputError, isInputError } from "../engine/errors";
import { writeFileAtomic, writeResultFile } from "./io";
import { commands } from "./commands";
import type { CliCommand } from "./command";

const COMMON = {
  json: { type: "boolean" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t + "\n"),
  stderr: (t) => process.stderr.write(t + "\n"),
};

function helpText(): string {
  const lines = [
    "ntm-plan — lập kế hoạch nông thôn mới / New Rural Development planning",
    "",
    "Cách dùng / Usage: ntm-plan <lệnh/command> FILE [tùy chọn/options] [--json] [--out result.xlsx]",
    "",
  ];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.summary.vi} / ${c.summary.en}`);
  lines.push(
    "",
    "  --json        in đúng một đối tượng JSON / print exactly one JSON object",
    "  --out FILE    ghi kết quả ra tệp .xlsx / write the results as Excel tables"
  );
  return lines.join("\n");
}

function samePath(a: string): string {
  try {
    return realpathSync(a);
  } catch {
    return path.resolve(a);
  }
}

/** --out writes a new workbook of results only: pointing it at an input file would destroy the user's data. */
function refuseOverwritingInput(out: string | undefined, args: string[]): void {
  if (!out) return;
  const target = samePath(out);
  if (!args.some((a) => samePath(a) === target)) return;
  throw new InputError({
    file: out,
    found: `--out ${out}`,
    expected: {
      vi: "một tệp kết quả khác tệp đầu vào (tệp đầu vào không bao giờ bị ghi đè)",
      en: "a result file other than the input file (inputs are never overwritten)",
    },
  });
}

/** Runs one CLI invocation and returns the exit code: 0 ok, 1 internal failure, 2 bad input or usage. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Lệnh không có: '${name}' / Unknown command: '${name}'. ntm-plan --help`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...COMMON, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.stderr(`${(e as Error).message}. Cách dùng / Usage: ${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${command.usage}\n${command.summary.vi} / ${command.summary.en}`);
    return 0;
  }
  try {
    const { out: outOption, ...otherOptions } = parsed.values as Record<string, unknown>;
    refuseOverwritingInput(typeof outOption === "string" ? outOption : undefined, [
      ...parsed.positionals.map(String),
      ...Object.values(otherOptions).filter((v): v is string => typeof v === "string"),
    ]);
    const result = await command.run({ files: parsed.positionals, options: parsed.values });
    const out = parsed.values.out as string | undefined;
    let written: string[] = [];
    if (out && result.document) {
      refuseOverwritingInput(out, parsed.positionals.map(String));
      await writeFileAtomic(out, result.document.bytes);
      written = [path.basename(out)];
    } else if (out) written = await writeResultFile(out, result.sheets);
    if (parsed.values.json) {
      io.stdout(JSON.stringify(out ? { ...result.json, out, outSheets: written } : result.json));
    } else {
      io.stdout(result.text);
      if (out) io.stdout(`\nĐã ghi / Written: ${out} (${written.join(", ")})`);
    }
    return 0;
  } catch (e) {
    if (isInputError(e)) {
      io.stderr(e.message);
      return 2;
    }
    io.stderr(`Lỗi nội bộ / Internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.NTM_DEBUG && e instanceof Error) io.stderr(e.stack ?? "");
    return 1;
  }
}
