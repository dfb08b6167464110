// Checks an .xlsx (a zip of XML parts) before ExcelJS sees it: declared sizes, then each part inflated with a limit,
// no DOCTYPE (entity expansion), and, for files ExcelJS cannot load because of their comments or drawings (exceljs
// issue 2591), a copy without those parts. Bytes in, bytes out: runs in Node and in the browser.

import { Inflate, inflateSync, strFromU8, strToU8, zipSync, type Zippable } from "fflate";
import { InputError } from "../../engine/errors";

/**
 * Limits for one workbook. A province's planning workbook is a few MB of XML: 10,000 rows × 30 columns make a
 * sheet part of about 15 MB. The limits leave room for that several times over, and bound what a zip bomb can take.
 */
export const XLSX_LIMITS = {
  /** Inflated bytes of one part. */
  partBytes: 50 * 1024 * 1024,
  /** Inflated bytes of all parts together. */
  totalBytes: 120 * 1024 * 1024,
  parts: 5_000,
};

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

function tooBig(name: string): InputError {
  return refuse(
    `phần '${name}' giải nén vượt ${MB(XLSX_LIMITS.partBytes)}: tệp bị hỏng hoặc là "bom zip"`,
    `the part '${name}' inflates past ${MB(XLSX_LIMITS.partBytes)}: a damaged file or a zip bomb`
  );
}

/** One part's bytes, inflated with the limit (the declared size is not trusted). */
function inflatePart(zip: Uint8Array, e: Entry, budget: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (e.offset + 30 > zip.length || view.getUint32(e.offset, true) !== 0x04034b50) {
    throw refuse(`phần '${e.name}' bị hỏng`, `the part '${e.name}' is damaged`);
  }
  const start =
    e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const data = zip.subarray(start, Math.min(zip.length, start + e.compressed));
  const limit = Math.min(XLSX_LIMITS.partBytes, budget);
  if (e.method === 0) {
    if (data.length > limit) throw tooBig(e.name);
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
  let over = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !over; i += SLICE) {
      inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    }
  } catch {
    throw refuse(`phần '${e.name}' bị hỏng`, `the part '${e.name}' is damaged`);
  }
  if (over) throw limit < XLSX_LIMITS.partBytes ? tooBigTotal() : tooBig(e.name);
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

/** True when the bytes hold "<!D" or "<!E" (a DOCTYPE or ENTITY declaration; comments and CDATA are "<!-", "<![". */
function declaresDoctype(bytes: Uint8Array): boolean {
  for (
    let i = bytes.indexOf(0x3c);
    i >= 0 && i + 2 < bytes.length;
    i = bytes.indexOf(0x3c, i + 1)
  ) {
    if (bytes[i + 1] === 0x21) {
      const c = bytes[i + 2] | 0x20;
      if (c === 0x64 || c === 0x65) return true;
    }
  }
  return false;
}

/**
 * The parts of an .xlsx, each inflated with the limits, refused with a bilingual InputError (never a library's
 * message) when the zip is damaged, too large once inflated, or declares a DOCTYPE (Excel never writes one; it is how
 * entity-expansion attacks start).
 */
export function readXlsxParts(data: Uint8Array): Record<string, Uint8Array> {
  const list = entries(data);
  const declared = list.reduce((n, e) => n + e.size, 0);
  const big = list.find((e) => e.size > XLSX_LIMITS.partBytes);
  if (big) throw tooBig(big.name);
  if (declared > XLSX_LIMITS.totalBytes) throw tooBigTotal();
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
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
    if (/\.(xml|rels|vml)$/i.test(e.name) && declaresDoctype(bytes)) {
      throw refuse(
        `phần '${e.name}' khai báo DOCTYPE/ENTITY, điều Excel không bao giờ ghi`,
        `the part '${e.name}' declares a DOCTYPE/ENTITY, which Excel never writes`
      );
    }
    parts[e.name] = bytes;
  }
  return parts;
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
