// A strict reader for every .xlsx and .docx a test writes: what Excel, Word, LibreOffice and openpyxl refuse or
// "repair" fails here first. Every part of the zip is UTF-8 and well-formed XML 1.0 (saxes, the parser ExcelJS itself
// reads with, rejects the characters XML does not allow); no cell is over 32,767 characters; table column names are
// unique ignoring case; a page header or footer is within 255 characters.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";

const CELL_LIMIT = 32_767;
const HEADER_FOOTER_LIMIT = 255;

/** Problems found in one written file, as "part: what" lines; empty when the file is sound. */
export function strictProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch (e) {
    return [`(zip): ${(e as Error).message}`];
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    let text: string;
    try {
      text = decoder.decode(data);
    } catch {
      problems.push(`${name}: not UTF-8`);
      continue;
    }
    problems.push(...checkPart(name, text));
  }
  return problems;
}

/** Excel's _xHHHH_ escape stands for one character. */
function excelLength(text: string): number {
  return text.replace(/_x[0-9A-Fa-f]{4}_/g, "_").length;
}

function checkPart(name: string, text: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let error: string | null = null;
  parser.on("error", (e) => {
    error ??= e.message;
  });
  // Text of the current string item (<si> shared string, <is> inline string, <c><v> cell), of a header/footer.
  const stack: string[] = [];
  let collected: string | null = null;
  let collecting: string | null = null;
  const columns: string[] = [];
  parser.on("opentag", (tag) => {
    stack.push(tag.name);
    if (
      tag.name === "si" ||
      tag.name === "is" ||
      /^(odd|even|first)(Header|Footer)$/.test(tag.name)
    ) {
      collecting = tag.name;
      collected = "";
    }
    if (tag.name === "tableColumn" && typeof tag.attributes.name === "string") {
      columns.push(tag.attributes.name);
    }
  });
  parser.on("text", (t) => {
    if (
      collected !== null &&
      (stack[stack.length - 1] === "t" || stack[stack.length - 1] === collecting)
    ) {
      collected += t;
    }
  });
  parser.on("closetag", (tag) => {
    stack.pop();
    if (tag.name === collecting && collected !== null) {
      const limit = collecting === "si" || collecting === "is" ? CELL_LIMIT : HEADER_FOOTER_LIMIT;
      if (excelLength(collected) > limit) {
        problems.push(
          `${name}: <${collecting}> of ${excelLength(collected)} characters (over ${limit})`
        );
      }
      collecting = null;
      collected = null;
    }
  });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  if (error) problems.push(`${name}: not well-formed XML: ${error}`);
  const seen = new Map<string, string>();
  for (const column of columns) {
    const key = column.toLocaleLowerCase("vi");
    if (seen.has(key))
      problems.push(
        `${name}: table columns "${seen.get(key)}" and "${column}" differ only by case`
      );
    else seen.set(key, column);
  }
  return problems;
}

/** Fails the test, naming each problem, when a written file is not one every office program opens as it is. */
export function expectStrictFile(file: string | Uint8Array): void {
  const bytes = typeof file === "string" ? new Uint8Array(readFileSync(file)) : file;
  const problems = strictProblems(bytes);
  if (problems.length > 0) {
    const name = typeof file === "string" ? file : "(bytes)";
    throw new Error(`${name} would not open cleanly:\n${problems.slice(0, 20).join("\n")}`);
  }
}

/** Where the test's global keeps the sha256 of the files notOurFile() was told of. */
export const NOT_OURS_KEY = "__ntmStrictNotOurs";

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A file the test wrote that is not ours on purpose (a corrupt or hostile input): the strict check of every written
 * file (strict-environment.ts) leaves out files with these bytes, wherever they end up. Returns the path.
 */
export function notOurFile(file: string): string {
  const g = globalThis as unknown as Record<string, Set<string> | undefined>;
  (g[NOT_OURS_KEY] ??= new Set()).add(sha256(new Uint8Array(readFileSync(file))));
  return file;
}
