// A solver-neutral mixed-integer model and its translations for HiGHS (LP text), glpk.js and javascript-lp-solver,
// so that the three solvers are given exactly the same problem.

export interface MipColumn {
  name: string;
  cost: number;
  lb: number;
  ub: number;
  integer: boolean;
}

export interface MipRow {
  name: string;
  /** Column index → coefficient. */
  entries: [number, number][];
  lb: number;
  ub: number;
}

export interface MipModel {
  name: string;
  sense: "max" | "min";
  columns: MipColumn[];
  rows: MipRow[];
}

function term(coef: number, name: string): string {
  return `${coef < 0 ? "-" : "+"} ${Math.abs(coef)} ${name}`;
}

/** Terms wrapped a few to a line: the LP format reader is line-based and long lines are best avoided. */
function wrap(terms: string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 8) lines.push("  " + terms.slice(i, i + 8).join(" "));
  return lines.join("\n");
}

/** CPLEX LP format, as HiGHS reads it. */
export function toLpText(model: MipModel): string {
  const out: string[] = [model.sense === "max" ? "Maximize" : "Minimize"];
  const objTerms = model.columns.filter((c) => c.cost !== 0).map((c) => term(c.cost, c.name));
  out.push(" obj:", objTerms.length > 0 ? wrap(objTerms) : `  0 ${model.columns[0].name}`);
  out.push("Subject To");
  for (const row of model.rows) {
    const body = wrap(row.entries.map(([j, a]) => term(a, model.columns[j].name)));
    if (Number.isFinite(row.lb) && Number.isFinite(row.ub) && row.lb === row.ub) {
      out.push(` ${row.name}:`, body, `  = ${row.ub}`);
    } else {
      if (Number.isFinite(row.ub)) out.push(` ${row.name}:`, body, `  <= ${row.ub}`);
      if (Number.isFinite(row.lb)) out.push(` ${row.name}_lo:`, body, `  >= ${row.lb}`);
    }
  }
  out.push("Bounds");
  for (const c of model.columns) {
    const isBinary = c.integer && c.lb === 0 && c.ub === 1;
    if (isBinary) continue;
    const lb = Number.isFinite(c.lb) ? String(c.lb) : "-inf";
    const ub = Number.isFinite(c.ub) ? String(c.ub) : "+inf";
    out.push(` ${lb} <= ${c.name} <= ${ub}`);
  }
  const binaries = model.columns
    .filter((c) => c.integer && c.lb === 0 && c.ub === 1)
    .map((c) => c.name);
  const generals = model.columns
    .filter((c) => c.integer && !(c.lb === 0 && c.ub === 1))
    .map((c) => c.name);
  if (binaries.length > 0) out.push("Binaries", wrap(binaries));
  if (generals.length > 0) out.push("Generals", wrap(generals));
  out.push("End", "");
  return out.join("\n");
}

/** GLPK constants used in the JSON model (same values as glpk.h; glpk.js exposes them too). */
const GLP = { MIN: 1, MAX: 2, FR: 1, LO: 2, UP: 3, DB: 4, FX: 5 };

function glpBounds(lb: number, ub: number): { type: number; lb: number; ub: number } {
  const hasLb = Number.isFinite(lb);
  const hasUb = Number.isFinite(ub);
  if (hasLb && hasUb) return { type: lb === ub ? GLP.FX : GLP.DB, lb, ub };
  if (hasLb) return { type: GLP.LO, lb, ub: 0 };
  if (hasUb) return { type: GLP.UP, lb: 0, ub };
  return { type: GLP.FR, lb: 0, ub: 0 };
}

export interface GlpkModel {
  name: string;
  objective: { direction: number; name: string; vars: { name: string; coef: number }[] };
  subjectTo: {
    name: string;
    vars: { name: string; coef: number }[];
    bnds: { type: number; ub: number; lb: number };
  }[];
  bounds: { name: string; type: number; ub: number; lb: number }[];
  binaries: string[];
  generals: string[];
}

export function toGlpk(model: MipModel): GlpkModel {
  const isBinary = (c: MipColumn): boolean => c.integer && c.lb === 0 && c.ub === 1;
  return {
    name: model.name,
    objective: {
      direction: model.sense === "max" ? GLP.MAX : GLP.MIN,
      name: "obj",
      vars: model.columns.map((c) => ({ name: c.name, coef: c.cost })),
    },
    subjectTo: model.rows.map((r) => ({
      name: r.name,
      vars: r.entries.map(([j, a]) => ({ name: model.columns[j].name, coef: a })),
      bnds: glpBounds(r.lb, r.ub),
    })),
    bounds: model.columns
      .filter((c) => !isBinary(c))
      .map((c) => ({ name: c.name, ...glpBounds(c.lb, c.ub) })),
    binaries: model.columns.filter(isBinary).map((c) => c.name),
    generals: model.columns.filter((c) => c.integer && !isBinary(c)).map((c) => c.name),
  };
}

export interface JslpModel {
  optimize: string;
  opType: "max" | "min";
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  ints: Record<string, 1>;
  binaries: Record<string, 1>;
}

/** javascript-lp-solver's JSON model: variables carry their coefficients by constraint name. */
export function toJslp(model: MipModel): JslpModel {
  const OBJ = "__objective";
  const variables: Record<string, Record<string, number>> = {};
  const constraints: JslpModel["constraints"] = {};
  for (const c of model.columns) variables[c.name] = { [OBJ]: c.cost };
  for (const r of model.rows) {
    const bound: { min?: number; max?: number; equal?: number } = {};
    if (Number.isFinite(r.lb) && Number.isFinite(r.ub) && r.lb === r.ub) bound.equal = r.ub;
    else {
      if (Number.isFinite(r.lb)) bound.min = r.lb;
      if (Number.isFinite(r.ub)) bound.max = r.ub;
    }
    constraints[r.name] = bound;
    for (const [j, a] of r.entries) variables[model.columns[j].name][r.name] = a;
  }
  const ints: Record<string, 1> = {};
  const binaries: Record<string, 1> = {};
  model.columns.forEach((c, j) => {
    const isBinary = c.integer && c.lb === 0 && c.ub === 1;
    if (isBinary) binaries[c.name] = 1;
    else {
      if (c.integer) ints[c.name] = 1;
      // jslp has no column bounds: finite ones become one-variable constraints.
      if (Number.isFinite(c.ub)) {
        constraints[`__ub${j}`] = { max: c.ub };
        variables[c.name][`__ub${j}`] = 1;
      }
      if (Number.isFinite(c.lb) && c.lb !== 0) {
        constraints[`__lb${j}`] = { min: c.lb };
        variables[c.name][`__lb${j}`] = 1;
      }
    }
  });
  return { optimize: OBJ, opType: model.sense, constraints, variables, ints, binaries };
}
