// The communes index gives the answers of the one identity rule read the plain way (a scan of the list per row), on
// random lists with shared names, diacritics dropped, codes with and without leading zeros, and districts.

import fc from "fast-check";
import {
  CommuneIndex,
  normalCode,
  type CommuneMatch,
  type CommuneRef,
} from "../../src/engine/commune-identity";
import { labelKey, nameKey } from "../../src/engine/text";

const districtKey = (d: string) =>
  labelKey(d).replace(/^(huyen|h\.?|quan|q\.?|thi xa|tx\.?|thanh pho|tp\.?)\s+/, "");

/** The rule as a scan: by code, else among the communes without a code by name (exact, else loose), then district. */
function scan<T extends CommuneRef>(all: T[], ref: CommuneRef): CommuneMatch<T> {
  let list = all;
  if (ref.code?.trim()) {
    const byCode = list.filter(
      (c) => c.code?.trim() && normalCode(c.code) === normalCode(ref.code!)
    );
    if (byCode.length === 1) return { kind: "found", commune: byCode[0] };
    if (byCode.length > 1) return { kind: "ambiguous", communes: byCode };
    list = list.filter((c) => !c.code?.trim());
  }
  const exact = list.filter((c) => nameKey(c.name) === nameKey(ref.name));
  let found =
    exact.length > 0 ? exact : list.filter((c) => labelKey(c.name) === labelKey(ref.name));
  if (ref.district?.trim() && found.length > 0) {
    found = found.filter(
      (c) => !c.district?.trim() || districtKey(c.district) === districtKey(ref.district!)
    );
  }
  if (found.length === 0) return { kind: "missing" };
  if (found.length > 1) return { kind: "ambiguous", communes: found };
  return { kind: "found", commune: found[0] };
}

const NAMES = [
  "Tân Thạnh",
  "Tan Thanh",
  "tân  thạnh",
  "Phú Mỹ",
  "Phu My",
  "An Lạc",
  "Long Hưng",
  "",
];
const DISTRICTS = [undefined, "", "Huyện Long Phú", "long phu", "H. Châu Thành", "Châu Thành"];
const CODES = [undefined, "", " ", "09865", "9865", "09866", "31000"];

const ref = fc.record({
  name: fc.constantFrom(...NAMES),
  district: fc.constantFrom(...DISTRICTS),
  code: fc.constantFrom(...CODES),
});

describe("CommuneIndex", () => {
  it("finds what a scan of the list finds, for every row", () => {
    fc.assert(
      fc.property(
        fc.array(ref, { maxLength: 12 }),
        fc.array(ref, { maxLength: 8 }),
        (list, rows) => {
          const index = new CommuneIndex(list);
          for (const row of rows) expect(index.find(row)).toEqual(scan(list, row));
        }
      ),
      { numRuns: 500 }
    );
  });

  it("returns the list's own communes, so a caller can tell which one was found", () => {
    const list = [
      { name: "Tân Thạnh", district: "Long Phú" },
      { name: "Tân Thạnh", district: "Châu Thành" },
      { name: "An Lạc", code: "09865" },
    ];
    const index = new CommuneIndex(list);
    const found = index.find({ name: "tan thanh", district: "Huyện Châu Thành" });
    expect(found).toEqual({ kind: "found", commune: list[1] });
    expect(found.kind === "found" && found.commune).toBe(list[1]);
    expect(index.find({ name: "x", code: "9865" })).toEqual({ kind: "found", commune: list[2] });
    expect(index.find({ name: "Tân Thạnh" }).kind).toBe("ambiguous");
  });
});

describe("CommuneIndex built row by row", () => {
  it("added one at a time, with communes changed on the way: the answers of the list scanned as it stands", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ref, fc.option(fc.nat(20)), fc.constantFrom(...CODES)), {
          maxLength: 14,
        }),
        fc.array(ref, { maxLength: 8 }),
        (steps, rows) => {
          const index = new CommuneIndex<CommuneRef>([]);
          const list: CommuneRef[] = [];
          for (const [c, change, code] of steps) {
            const added = { ...c };
            list.push(added);
            index.add(added);
            // Now and then a commune added earlier gains (or changes) its code, as collect does.
            if (change !== null) {
              const earlier = list[change % list.length];
              index.update(earlier, () => {
                earlier.code = code;
              });
            }
          }
          expect(index.list).toEqual(list);
          for (const row of rows) expect(index.find(row)).toEqual(scan(list, row));
        }
      ),
      { numRuns: 500 }
    );
  });
});
