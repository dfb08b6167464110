// A part's declared size is not trusted: a part that inflates to more than it declares is read whole (when within the
// limits) or refused (past them), never cut at the declared size.

import { strFromU8, zipSync } from "fflate";
import { readXlsxParts, XLSX_LIMITS } from "../../src/workbook/adapters/xlsx-guard";

/** Sets every part's declared (uncompressed) size in the central directory and the local headers. */
function declare(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x02014b50) view.setUint32(at + 24, size, true);
    if (sig === 0x04034b50) view.setUint32(at + 22, size, true);
  }
  return out;
}

describe("a part's declared size", () => {
  const xml = `<?xml version="1.0"?><root>${"<c>Xã An</c>".repeat(500)}</root>`;
  const zip = zipSync({ "xl/a.xml": new TextEncoder().encode(xml) }, { level: 6 });

  it("true: the part is read as it is", () => {
    expect(strFromU8(readXlsxParts(zip)["xl/a.xml"])).toBe(xml);
  });

  it("smaller than the part: the part is still read whole", () => {
    expect(strFromU8(readXlsxParts(declare(zip, 10))["xl/a.xml"])).toBe(xml);
  });

  it("small, on a part inflating past the limit: refused", () => {
    const bomb = zipSync(
      { "xl/a.xml": new Uint8Array(XLSX_LIMITS.freeBytes + 1024) },
      { level: 9 }
    );
    expect(() => readXlsxParts(declare(bomb, 100))).toThrow(/50 MB|vượt|past/);
  });
});
