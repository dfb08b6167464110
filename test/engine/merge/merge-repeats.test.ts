// The merger map's repeat check (an old commune listed again) is a lookup in the communes index, not a scan of the
// rows before: the same maps and the same refusals as the scan it replaced, on random mappings with shared names,
// names differing only by diacritics, codes with and without leading zeros, districts and blanks; and linear time.

import fc from "fast-check";
import { normalCode, type CommuneRef } from "../../../src/engine/commune-identity";
import { InputError } from "../../../src/engine/errors";
import { buildMergeMap, findOld, type MergeEntry } from "../../../src/engine/merge";
import { startCpuClock } from "../../support/cpu-clock";
import { communeKey } from "../../../src/engine/commune-identity";
import { labelKey, nameKey } from "../../../src/engine/text";

/** buildMergeMap as it was: each row's repeat check scanned every old commune before it. */
function scanned(entries: MergeEntry[]) {
  const merged: { name: string; code?: string; date?: string; from: CommuneRef[] }[] = [];
  const news: (CommuneRef & { index: number })[] = [];
  const olds: (CommuneRef & { index: number; source?: MergeEntry["source"] })[] = [];
  const byNew = new Map<string, number>();
  const newKey = (name: string, code: string | undefined) => communeKey({ name, code });
  for (const entry of entries) {
    let index = byNew.get(newKey(entry.newName, entry.newCode));
    if (index === undefined) {
      const byName = byNew.get(newKey(entry.newName, undefined));
      if (byName !== undefined && merged[byName].code === undefined) index = byName;
    }
    if (index === undefined) {
      index = merged.length;
      merged.push({
        name: entry.newName.trim(),
        code: entry.newCode?.trim() || undefined,
        date: entry.date,
        from: [],
      });
      news.push({ name: entry.newName.trim(), code: entry.newCode?.trim() || undefined, index });
      byNew.set(newKey(entry.newName, entry.newCode), index);
      byNew.set(newKey(entry.newName, undefined), index);
    } else {
      if (nameKey(merged[index].name) !== nameKey(entry.newName)) throw new Error("new code");
      if (merged[index].date === undefined) merged[index].date = entry.date;
    }
    const old: CommuneRef = {
      name: entry.oldName.trim(),
      code: entry.oldCode?.trim() || undefined,
      district: entry.oldDistrict?.trim() || undefined,
    };
    const again = olds.filter((o) =>
      old.code && o.code
        ? normalCode(o.code) === normalCode(old.code)
        : nameKey(o.name) === nameKey(old.name) &&
          (!o.district || !old.district || labelKey(o.district) === labelKey(old.district))
    );
    const elsewhere = again.find((o) => o.index !== index);
    if (elsewhere) throw new Error(`old into ${merged[elsewhere.index].name}`);
    if (again.length === 0) {
      olds.push({ ...old, index, source: entry.source });
      merged[index].from.push(old);
    }
  }
  return { merged, news, olds };
}

/** What a build gives: the map's lists, or which refusal (and the merged commune it names). */
function outcome(build: () => ReturnType<typeof scanned>): unknown {
  try {
    const { merged, news, olds } = build();
    return { merged, news, olds };
  } catch (e) {
    const message = (e as Error).message;
    if (e instanceof InputError) {
      const into = /đã được sáp nhập vào (.*?) \//.exec(message);
      return into ? `old into ${into[1]}` : "new code";
    }
    return message;
  }
}

// Districts as a mapping writes them, without the "Huyện"/"H." prefixes the scan did not strip (see below).
const OLD_NAMES = ["Tân Thạnh", "Tân Thành", "tân  thạnh", "Tan Thanh", "Phú Mỹ", "An Lạc"];
const DISTRICTS = [undefined, "", "Long Phú", "long phu", "Châu Thành", "Mỹ Xuyên"];
const CODES = [undefined, "", " ", "09865", "9865", "09866", "31000", "31001"];
const NEW_NAMES = ["Phú Tâm", "Tài Văn", "Long Hưng"];
const NEW_CODES = [undefined, "31700", "31710"];

const entry: fc.Arbitrary<MergeEntry> = fc.record({
  oldName: fc.constantFrom(...OLD_NAMES),
  oldCode: fc.constantFrom(...CODES),
  oldDistrict: fc.constantFrom(...DISTRICTS),
  newName: fc.constantFrom(...NEW_NAMES),
  newCode: fc.constantFrom(...NEW_CODES),
  source: fc.nat(200).map((n) => ({ sheet: "SapNhap", cell: `B${n + 2}` })),
});

describe("buildMergeMap's repeat check", () => {
  it("gives the scan's map or the scan's refusal, for every random mapping", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        expect(outcome(() => buildMergeMap(entries))).toEqual(outcome(() => scanned(entries)));
      }),
      { numRuns: 2000 }
    );
  });

  it("one district written with and without 'Huyện': one old commune (the identity rule), refused when it goes to two new communes", () => {
    const rows: MergeEntry[] = [
      { oldName: "Tân Thạnh", oldDistrict: "Huyện Long Phú", newName: "Phú Tâm" },
      { oldName: "Tân Thạnh", oldDistrict: "Long Phú", newName: "Tài Văn" },
    ];
    expect(() => buildMergeMap(rows)).toThrow(/Tân Thạnh đã được sáp nhập vào Phú Tâm/);
    const once = buildMergeMap([rows[0], { ...rows[1], newName: "Phú Tâm" }]);
    expect(once.olds).toHaveLength(1);
    expect(findOld(once, { name: "Tân Thạnh", district: "Long Phú" })).toBe(0);
  });

  it("is linear: 100,000 old communes into 25,000 new ones, each found after", () => {
    const rows: MergeEntry[] = Array.from({ length: 100_000 }, (_, i) => ({
      oldName: `Xã ${i}`,
      oldCode: String(100_000 + i),
      oldDistrict: `Huyện ${i % 700}`,
      newName: `Xã mới ${Math.floor(i / 4)}`,
      newCode: String(500_000 + Math.floor(i / 4)),
    }));
    const clock = startCpuClock();
    const map = buildMergeMap(rows);
    // The scan took about n²/2 = 5 billion comparisons here (minutes); the index takes well under a second.
    expect(clock.ms()).toBeLessThan(10_000);
    expect(map.olds).toHaveLength(100_000);
    expect(map.merged).toHaveLength(25_000);
    expect(findOld(map, { name: "Xã 99999", code: "199999" })).toBe(24_999);
    expect(map.merged[24_999].from.map((f) => f.name)).toEqual([
      "Xã 99996",
      "Xã 99997",
      "Xã 99998",
      "Xã 99999",
    ]);
  });
});
