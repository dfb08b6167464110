// Constraint rows of a mixed-integer program, built row by row in the CSR layout the solver interface takes.

export class Rows {
  starts = [0];
  indices: number[] = [];
  values: number[] = [];
  lower: number[] = [];
  upper: number[] = [];
  add(entries: [number, number][], lo: number, hi: number): void {
    for (const [j, v] of entries) {
      this.indices.push(j);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lo);
    this.upper.push(hi);
  }
}

export function copyRows(rows: Rows): Rows {
  const copy = new Rows();
  copy.starts = [...rows.starts];
  copy.indices = [...rows.indices];
  copy.values = [...rows.values];
  copy.lower = [...rows.lower];
  copy.upper = [...rows.upper];
  return copy;
}
