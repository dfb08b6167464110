// Builds the hostile files of test/fixtures/hostile/ (`npm run hostile`): small files that once crashed the CLI or
// ran it out of memory. Each must end in exit 2 with a clear message within seconds, or (comments, charts) be read.
// The .xlsx files are written part by part (fflate), so that each holds exactly the trap it is named after.

import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";

function repoRoot(): string {
  // Runs from scripts/ (ts-jest) and from dist-cli/scripts/ (npm run hostile).
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json")) || path.basename(dir) === "dist-cli") {
    if (path.dirname(dir) === dir) return process.cwd();
    dir = path.dirname(dir);
  }
  return dir;
}

export const HOSTILE_DIR = path.join(repoRoot(), "test", "fixtures", "hostile");

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const HEADER = ["TT", "Tên xã", "Huyện", "Số tiêu chí đạt"];
const COMMUNES: [number, string, string, number][] = [
  [1, "Thạnh Phú", "Mỹ Xuyên", 19],
  [2, "Tân Thạnh", "Long Phú", 17],
  [3, "Tân Thạnh", "Châu Thành", 15],
];

function inlineCell(ref: string, value: string | number): string {
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
}

/** The commune table at A1:D4 as sheetData rows. */
function tableRows(): string {
  const rows = [HEADER, ...COMMUNES];
  return rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v, c) => inlineCell(`${"ABCD"[c]}${r + 1}`, v)).join("")}</row>`
    )
    .join("");
}

function sheetXml(sheetData: string, extra = "", prolog = ""): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}` +
    `<worksheet ${NS} ${R_NS}><sheetData>${sheetData}</sheetData>${extra}</worksheet>`
  );
}

/** A minimal workbook of one sheet "Xa" whose sheet XML is `sheet`, plus any extra parts. */
function xlsx(sheet: string | Uint8Array, extra: Zippable = {}, sheetRels?: string): Uint8Array {
  const files: Zippable = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `</Types>`
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<workbook ${NS} ${R_NS}><sheets><sheet name="Xa" sheetId="1" r:id="rId1"/></sheets></workbook>`
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
    ),
    "xl/worksheets/sheet1.xml": typeof sheet === "string" ? strToU8(sheet) : sheet,
    ...extra,
  };
  if (sheetRels) files["xl/worksheets/_rels/sheet1.xml.rels"] = strToU8(sheetRels);
  return zipSync(files, { level: 9 });
}

/**
 * Sets every declared uncompressed size in the zip (local headers and central directory) to `size`: a zip bomb that
 * lies about what it holds, so that only inflating with a limit can stop it.
 */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true); // local file header
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true); // central directory header
  }
  return out;
}

/** Sheet XML of `mb` megabytes: the table, then blanks between elements (compresses about 1000:1). */
function hugeSheet(mb: number): Uint8Array {
  const [head, tail] = sheetXml(tableRows()).split("</sheetData>");
  return strToU8(head + " ".repeat(mb * 1024 * 1024) + "</sheetData>" + tail);
}

export interface HostileFile {
  file: string;
  what: string;
  bytes: () => Uint8Array;
}

const CSV_HEADER = "TT,Tên xã,Huyện,Số tiêu chí đạt\n1,Thạnh Phú,Mỹ Xuyên,19\n";

export const HOSTILE: HostileFile[] = [
  {
    file: "stray-cell.xlsx",
    what: "the commune table and one cell at XFD1048576",
    bytes: () =>
      xlsx(sheetXml(tableRows() + `<row r="1048576">${inlineCell("XFD1048576", "x")}</row>`)),
  },
  {
    file: "beyond-excel.xlsx",
    what: "a cell at XFE1048577, past Excel's last column and row",
    bytes: () =>
      xlsx(sheetXml(tableRows() + `<row r="1048577">${inlineCell("XFE1048577", 1)}</row>`)),
  },
  {
    file: "zip-bomb.xlsx",
    what: "sheet XML that inflates to 60 MB (declared honestly)",
    bytes: () => xlsx(hugeSheet(60)),
  },
  {
    file: "zip-bomb-lying.xlsx",
    what: "sheet XML that inflates to 60 MB while the zip declares 1 KB",
    bytes: () => lieAboutSizes(xlsx(hugeSheet(60)), 1024),
  },
  {
    file: "entity-expansion.xlsx",
    what: "a DOCTYPE whose entities expand to a billion characters",
    bytes: () => {
      const entities = ['<!ENTITY a0 "ha">'];
      for (let i = 1; i < 10; i++) entities.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
      return xlsx(
        sheetXml(
          `<row r="1">${inlineCell("A1", "&a9;")}</row>`,
          "",
          `<!DOCTYPE worksheet [${entities.join("")}]>`
        )
      );
    },
  },
  {
    file: "deep-nesting.xlsx",
    what: "an inline string whose runs nest 100,000 deep",
    bytes: () =>
      xlsx(
        sheetXml(
          tableRows() +
            `<row r="5"><c r="A5" t="inlineStr"><is>${"<r>".repeat(100_000)}${"</r>".repeat(100_000)}</is></c></row>`
        )
      ),
  },
  {
    file: "wide.csv",
    what: "a CSV header of 16,385 columns, one more than Excel has",
    bytes: () => strToU8("TT,Tên xã," + "1,".repeat(16_382) + "1\n"),
  },
  {
    file: "communes.csv",
    what: "a good CSV, copied by the tests under names Excel refuses for a sheet",
    bytes: () => strToU8(CSV_HEADER),
  },
];

async function main(): Promise<void> {
  await fs.mkdir(HOSTILE_DIR, { recursive: true });
  for (const h of HOSTILE) {
    const bytes = h.bytes();
    await fs.writeFile(path.join(HOSTILE_DIR, h.file), bytes);
    process.stdout.write(`${h.file}: ${bytes.length} bytes (${h.what})\n`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
