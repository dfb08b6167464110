// Checks an .xlsx (a zip of XML parts) before ExcelJS sees it: declared sizes, then each part inflated with a limit,
// no DOCTYPE (entity expansion), and, for files ExcelJS cannot load because of their comments or drawings (exceljs
// issue 2591), a copy without those parts. Bytes in, bytes out: runs in Node and in the browser.

import { Inflate, inflateSync, strFromU8, strToU8, zipSync, type Zippable } from "fflate";
import { InputError } from "../../engine/errors";

/**
 * Limits for one workbook. A province's planning workbook is a few MB of XML; the largest honest input is a country's
 * table: 130,000 communes (or a costs table of 130,000 rows) with a dozen columns makes a sheet part of 80-150 MB that
 * compresses about 10:1 (openpyxl's inline strings: 78 MB for 130,000 rows × 9 columns, 6 MB zipped). A zip bomb
 * compresses about 1000:1. So a part may inflate to `freeBytes` whatever its ratio (a small workbook is never refused
 * for compressing well), past that only to `ratio` times its compressed bytes, and never past `partBytes`; all parts
 * together never past `totalBytes`. Every limit is checked while inflating: declared sizes are not trusted.
 */
/** The memory bound where the runtime does not say how large its heap is: 3 GB. */
export const MEMORY_BYTES = 3 * 1024 * 1024 * 1024;

export const XLSX_LIMITS = {
  /** Inflated bytes a part may reach whatever its compression ratio. */
  freeBytes: 50 * 1024 * 1024,
  /** Past `freeBytes`: inflated bytes per compressed byte of the part, at most. */
  ratio: 100,
  /** Inflated bytes of one part, at most. */
  partBytes: 256 * 1024 * 1024,
  /** Inflated bytes of all parts together. */
  totalBytes: 384 * 1024 * 1024,
  parts: 5_000,
  /**
   * Memory reading the workbook may take, estimated before ExcelJS loads it (see MEMORY): bytes alone do not bound it.
   * Lowered to the heap there is where the runtime says (boundMemoryByHeap: the CLI's Node, the web app's Chromium).
   */
  memoryBytes: MEMORY_BYTES,
};

/**
 * Memory reading costs, measured on the CLI's peak memory (Node 20, ExcelJS 4): each byte of XML about 7 bytes (the
 * part as a JavaScript string, then what is parsed from it: 250 MB of shared strings or of styles peaked at 1.8-2.0
 * GB with two cells) and each cell about 460 more (ExcelJS's cell object, then the grid). 130,000 communes × 25
 * columns (113 MB, 3.25 million cells) estimate 2.29 GB and peaked at 2.33 GB; 3.9 million cells of distinct texts
 * (233 MB) estimate 3.42 GB, peaked at 3.38 GB; 200 MB of shared strings with 3.4 million cells within the byte limits
 * estimate 3.94 GB and peaked at 3.89 GB, near Node's 4.1 GB heap on that machine. Other parts (images) count once.
 */
const MEMORY = { perXmlByte: 7, perCell: 460, perOtherByte: 1 };

/**
 * The memory bound for reading within a heap of `heapLimit` bytes: three quarters of it (the rest is the program's
 * own and what it makes of the workbook), never more than MEMORY_BYTES; MEMORY_BYTES when the heap is not known (a
 * browser that does not say). One rule for the CLI (Node's heap_size_limit) and the web app (Chromium's
 * performance.memory.jsHeapSizeLimit): the estimate is the same (readingMemory), only the heap differs.
 */
export function memoryBound(heapLimit: number | undefined): number {
  if (heapLimit === undefined || !Number.isFinite(heapLimit) || heapLimit <= 0) return MEMORY_BYTES;
  return Math.min(MEMORY_BYTES, Math.floor(heapLimit * 0.75));
}

/** Sets the reading's memory bound from the runtime's heap limit (memoryBound), once at start. */
export function boundMemoryByHeap(heapLimit: number | undefined): void {
  XLSX_LIMITS.memoryBytes = memoryBound(heapLimit);
}

/** The memory reading `xmlBytes` of XML holding `cells` cells is estimated to take (see MEMORY). */
export function readingMemory(xmlBytes: number, cells: number): number {
  return xmlBytes * MEMORY.perXmlByte + cells * MEMORY.perCell;
}

/** The most one part of `compressed` bytes may inflate to (before the workbook's total is counted). */
export function partLimit(compressed: number): number {
  return Math.min(
    XLSX_LIMITS.partBytes,
    Math.max(XLSX_LIMITS.freeBytes, compressed * XLSX_LIMITS.ratio)
  );
}

/** Compressed bytes fed to the inflater at a time: deflate expands at most about 1032:1, so ~16 MB out per slice. */
const SLICE = 16 * 1024;

function refuse(vi: string, en: string, found?: string): InputError {
  return new InputError({
    found,
    expected: {
      vi: `một tệp Excel .xlsx hợp lệ (${vi})`,
      en: `a valid Excel .xlsx file (${en})`,
    },
  });
}

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const kB = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The zip's central directory: names, methods, declared sizes, where each part starts. */
function entries(zip: Uint8Array): Entry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const notZip = () =>
    refuse("tệp không phải dạng zip của .xlsx", "the file is not the zip an .xlsx is");
  if (zip.length < 22 || view.getUint32(0, true) !== 0x04034b50) throw notZip();
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notZip();
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) {
    throw refuse(
      "tệp zip64 quá lớn cho một sổ kế hoạch",
      "a zip64 file, too large for a planning workbook"
    );
  }
  if (count > XLSX_LIMITS.parts) {
    throw refuse(
      `có ${count} phần, tối đa ${XLSX_LIMITS.parts}`,
      `it has ${count} parts, at most ${XLSX_LIMITS.parts}`
    );
  }
  const list: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) throw notZip();
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    list.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: strFromU8(zip.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extra + comment;
  }
  return list;
}

/** The refusal of one part that inflates past its limit: by ratio (a zip bomb) or by size (past any real sheet). */
function tooBig(name: string, compressed: number): InputError {
  const limit = partLimit(compressed);
  if (limit < XLSX_LIMITS.partBytes) {
    return refuse(
      `phần '${name}' giải nén vượt ${MB(limit)}, gấp hơn ${XLSX_LIMITS.ratio} lần cỡ nén (${kB(compressed)}): tệp bị hỏng hoặc là "bom zip"`,
      `the part '${name}' inflates past ${MB(limit)}, over ${XLSX_LIMITS.ratio} times its compressed size (${kB(compressed)}): a damaged file or a zip bomb`
    );
  }
  return refuse(
    `phần '${name}' giải nén vượt ${MB(limit)}, quá cỡ một sổ kế hoạch: tệp bị hỏng hoặc là "bom zip"; hãy tách bảng ra nhiều trang`,
    `the part '${name}' inflates past ${MB(limit)}, beyond any planning workbook: a damaged file or a zip bomb; split the table over several sheets`
  );
}

/** One part's bytes, inflated with its limit and the workbook's budget left (the declared size is not trusted). */
function inflatePart(zip: Uint8Array, e: Entry, budget: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (e.offset + 30 > zip.length || view.getUint32(e.offset, true) !== 0x04034b50) {
    throw refuse(`phần '${e.name}' bị hỏng`, `the part '${e.name}' is damaged`);
  }
  const start =
    e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const data = zip.subarray(start, Math.min(zip.length, start + e.compressed));
  const own = partLimit(data.length);
  const limit = Math.min(own, budget);
  const over = () => (limit < own ? tooBigTotal() : tooBig(e.name, data.length));
  if (e.method === 0) {
    if (data.length > limit) throw over();
    return data;
  }
  if (e.method !== 8) {
    throw refuse(
      `phần '${e.name}' nén theo cách Excel không dùng`,
      `the part '${e.name}' uses a compression Excel does not use`
    );
  }
  // A part of one slice or less (most parts of a small workbook) goes into a buffer of its declared size and one byte
  // more, in one call: one slice bounds the work as the streamed path does, and a part that fills the buffer (it
  // says more than it declared) or fails is inflated again below against the limit. The streamed inflater grows and
  // copies a buffer of 128 KB or more for every part: most of the cost of opening a small workbook.
  if (data.length <= SLICE && e.size < limit) {
    try {
      const whole = inflateSync(data, { out: new Uint8Array(e.size + 1) });
      if (whole.length <= e.size) return whole;
    } catch {
      // Below: the streamed path says what is wrong.
    }
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  let past = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) past = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !past; i += SLICE) {
      inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    }
  } catch {
    throw refuse(`phần '${e.name}' bị hỏng`, `the part '${e.name}' is damaged`);
  }
  if (past) throw over();
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function tooBigTotal(): InputError {
  return refuse(
    `các phần giải nén vượt ${MB(XLSX_LIMITS.totalBytes)}`,
    `its parts inflate past ${MB(XLSX_LIMITS.totalBytes)} in all`
  );
}

/**
 * One pass over a part's XML: whether it holds "<!D" or "<!E" (a DOCTYPE or ENTITY declaration; comments and CDATA
 * are "<!-", "<!["), and how many cells ("<c " or "<c>" or "<c/>") it holds.
 */
function scanXml(bytes: Uint8Array): { doctype: boolean; cells: number } {
  let cells = 0;
  for (
    let i = bytes.indexOf(0x3c);
    i >= 0 && i + 2 < bytes.length;
    i = bytes.indexOf(0x3c, i + 1)
  ) {
    const next = bytes[i + 1];
    if (next === 0x63) {
      const after = bytes[i + 2];
      if (after === 0x20 || after === 0x3e || after === 0x2f || (after >= 0x09 && after <= 0x0d)) {
        cells++;
      }
    } else if (next === 0x21) {
      const c = bytes[i + 2] | 0x20;
      if (c === 0x64 || c === 0x65) return { doctype: true, cells };
    }
  }
  return { doctype: false, cells };
}

const fmt = (n: number) => n.toLocaleString("en");
const fmtVi = (n: number) => n.toLocaleString("en").replace(/,/g, ".");

/**
 * The parts of an .xlsx, each inflated with the limits, refused with a bilingual InputError (never a library's
 * message) when the zip is damaged, too large once inflated, would take more memory to read than there is, or
 * declares a DOCTYPE (Excel never writes one; it is how entity-expansion attacks start).
 */
export function readXlsxParts(data: Uint8Array): Record<string, Uint8Array> {
  const list = entries(data);
  const declared = list.reduce((n, e) => n + e.size, 0);
  const big = list.find((e) => e.size > partLimit(e.compressed));
  if (big) throw tooBig(big.name, big.compressed);
  if (declared > XLSX_LIMITS.totalBytes) throw tooBigTotal();
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  let cells = 0;
  let memory = 0;
  for (const e of list) {
    if (e.name.endsWith("/")) continue;
    if (e.flags & 1) {
      throw refuse(
        "tệp có mật khẩu: hãy bỏ mật khẩu rồi lưu lại",
        "it is password-protected: remove the password and save it again"
      );
    }
    const bytes = inflatePart(data, e, XLSX_LIMITS.totalBytes - total);
    total += bytes.length;
    if (/\.(xml|rels|vml)$/i.test(e.name)) {
      const scan = scanXml(bytes);
      if (scan.doctype) {
        throw refuse(
          `phần '${e.name}' khai báo DOCTYPE/ENTITY, điều Excel không bao giờ ghi`,
          `the part '${e.name}' declares a DOCTYPE/ENTITY, which Excel never writes`
        );
      }
      const sheetCells = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) ? scan.cells : 0;
      cells += sheetCells;
      memory += readingMemory(bytes.length, sheetCells);
    } else {
      memory += bytes.length * MEMORY.perOtherByte;
    }
    if (memory > XLSX_LIMITS.memoryBytes) throw tooMuchMemory(memory, cells, total);
    parts[e.name] = bytes;
  }
  return parts;
}

const GB = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);

/** The refusal of a workbook that would take more memory to read than there is (counted so far: it stops early). */
function tooMuchMemory(memory: number, cells: number, bytes: number): InputError {
  const limit = XLSX_LIMITS.memoryBytes;
  return refuse(
    `đọc tệp cần hơn ${GB(memory).replace(".", ",")} GB bộ nhớ (${fmtVi(cells)} ô, ${MB(bytes)} dữ liệu), quá ${GB(limit).replace(".", ",")} GB máy cho phép; hãy tách ra nhiều tệp`,
    `reading it would take over ${GB(memory)} GB of memory (${fmt(cells)} cells, ${MB(bytes)} of data), more than the ${GB(limit)} GB available; split it over several files`
  );
}

/** Checked parts zipped again without compression (fast; the size is already bounded). */
export function zipParts(parts: Record<string, Uint8Array>): Uint8Array {
  return zipSync(parts as Zippable, { level: 0 });
}

const DRAWING_PART =
  /^xl\/(drawings|charts|comments|threadedComments|persons|media)\/|^xl\/comments\d*\.xml$/i;
const DRAWING_REL =
  /<Relationship\b[^>]*Type="[^"]*\/(drawing|comments|vmlDrawing|threadedComment|image|chart)"[^>]*\/>/g;

/**
 * The parts without cell comments, drawings and charts, which the add-in does not read. Files saved by other tools
 * (openpyxl, some online editors) place these parts where ExcelJS does not look, and ExcelJS then fails to load the
 * whole workbook ("reading 'anchors'", "reading 'comments'": exceljs issue 2591). Cells, tables, merges and formats
 * are kept.
 */
export function withoutDrawings(parts: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(parts)) {
    if (DRAWING_PART.test(name)) continue;
    if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/i.test(name)) {
      out[name] = strToU8(strFromU8(bytes).replace(DRAWING_REL, ""));
    } else if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      out[name] = strToU8(
        strFromU8(bytes).replace(/<(drawing|legacyDrawing|legacyDrawingHF)\b[^>]*\/>/g, "")
      );
    } else {
      out[name] = bytes;
    }
  }
  return out;
}
