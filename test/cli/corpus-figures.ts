// The figures each corpus test checks a command's JSON against (the office corpus and the layouts corpus): one
// place, so both manifests are held to the same checks. Money is compared in million VND: each column's figures are
// scaled by the unit the JSON says it was read in, so a file in tỷ đồng is held to the same triệu đồng figures.

/** Half up to 2 decimals, as reports print averages (18,625 → 18,63). */
export const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

/** Million VND in one unit of the figure's unit. */
export const MILLIONS: Record<string, number> = {
  "triệu đồng": 1,
  "tỷ đồng": 1000,
  "nghìn đồng": 0.001,
  đồng: 0.000001,
};

export function millions(unit: any): number {
  if (!unit) return 1;
  if (typeof unit.millions === "number") return unit.millions;
  const m = MILLIONS[String(unit.vi ?? "").toLocaleLowerCase("vi")];
  if (m === undefined) throw new Error(`unknown unit ${JSON.stringify(unit)}`);
  return m;
}

/** Equal up to the float error of scaling a figure by its unit (a relative 1e-9). */
const close = (b: number) =>
  expect.closeTo(b, Math.max(0, 9 - Math.ceil(Math.log10(Math.max(1, Math.abs(b))))));

/** Every "warnings" array anywhere in a result, as text. */
export function warningsText(json: any): string {
  const found: unknown[] = [];
  const walk = (v: any) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        if (k === "warnings") found.push(x);
        else walk(x);
      }
  };
  walk(json);
  return JSON.stringify(found);
}

/**
 * Throws (a Jest assertion error) when a job's result differs from the manifest's figures. `categorised`: every
 * funding line must have a source category (the layouts corpus, whose lines are the report's own; the office corpus
 * has lines such as "Tiền mặt" that rightly stay "other").
 */
export function checkFigures(
  command: string,
  json: any,
  e: any,
  opts: { categorised?: boolean } = {}
): void {
  switch (command) {
    case "summary":
      expect(json.sheet).toBe(e.sheet);
      expect({
        communes: json.communes,
        average: round2(json.averageCriteria),
        standard: json.standard,
        ...(e.criterionCounts ? { perCriterion: json.criterionCounts } : {}),
      }).toEqual({
        communes: e.communes,
        average: e.averageCriteria,
        standard: e.standard,
        ...(e.criterionCounts ? { perCriterion: e.criterionCounts } : {}),
      });
      if (e.warnCell) expect(warningsText(json)).toContain(e.warnCell);
      break;
    case "targets":
      expect(round2(json.currentAverage)).toBe(e.currentAverage);
      if (e.districts) {
        const lower = (t: unknown) => (typeof t === "string" ? t.toLocaleLowerCase("vi") : t);
        const read = Object.fromEntries(json.communes.map((c: any) => [c.name, lower(c.district)]));
        expect(read).toEqual(
          Object.fromEntries(Object.entries(e.districts).map(([k, v]) => [k, lower(v)]))
        );
      }
      break;
    case "roadmap":
      expect({
        communes: json.communes,
        standard: json.start.standard,
        average: round2(json.start.averageCriteria),
      }).toEqual({
        communes: e.communes,
        standard: e.start.standard,
        average: e.start.averageCriteria,
      });
      break;
    case "funding": {
      expect(json.sheet).toBe(e.sheet);
      const scale: number[] = json.columns.map((c: any) => millions(c.unit ?? json.unit));
      expect(json.columns.map((c: any, i: number) => c.total * scale[i])).toEqual(
        e.columns.map((c: any) => close(Number(c.total)))
      );
      const top = typeof e.top === "number" ? e.top : e.top.length;
      for (const column of json.columns) {
        expect(column.lines.filter((l: any) => l.level === 1)).toHaveLength(top);
        if (opts.categorised)
          expect(column.lines.filter((l: any) => l.category === "other")).toEqual([]);
        expect(column.checks.length).toBeGreaterThan(0);
      }
      if (e.unit) expect(json.unit).toMatchObject({ vi: e.unit.vi });
      // Every sum that does not add up is named, and only those: the report's own, and any planted in the file.
      const bad = json.columns.flatMap((c: any, i: number) =>
        c.checks
          .filter((x: any) => !x.ok)
          .map((x: any) => ({
            ...x,
            column: i,
            stated: x.stated * scale[i],
            computed: x.computed * scale[i],
          }))
      );
      expect(bad).toEqual(
        e.mismatches.map((m: any) =>
          expect.objectContaining({
            column: m.column,
            stated: close(Number(m.stated)),
            computed: close(Number(m.computed)),
            ...(m.cell ? { cell: m.cell } : {}),
          })
        )
      );
      break;
    }
    case "counterpart": {
      expect(json.sheet).toBe(e.sheet);
      const read = json.columns.map((c: any) => {
        const k = millions(c.unit ?? json.unit);
        return { central: c.central * k, local: c.local * k, compliant: c.compliant };
      });
      expect(read).toEqual(
        e.columns.map((c: any) => ({
          central: close(Number(c.central)),
          local: close(Number(c.local)),
          compliant: c.compliant,
        }))
      );
      if (e.unit) expect(json.unit).toMatchObject({ vi: e.unit.vi });
      break;
    }
    case "allocate":
      expect(json.sheet).toBe(e.sheet);
      expect(json.allocations.map((a: any) => a.unit)).toEqual(e.units);
      expect(json.allocations.map((a: any) => a.coefficient)).toEqual(e.coefficients);
      expect(json.allocations.reduce((s: number, a: any) => s + a.amount, 0)).toBe(e.total);
      json.allocations.forEach((a: any, i: number) =>
        expect(Math.abs(a.amount - e.exact[i])).toBeLessThan(1)
      );
      if (e.warningCell) expect(json.warnings.map((w: any) => w.cell)).toContain(e.warningCell);
      break;
    default:
      throw new Error(`no figures for ${command}`);
  }
}
