// Sorting many items by a number without a comparator: both planners order tens of thousands of steps.

/**
 * Items 0..n-1, sorted by value (ascending), then by `tie` (a whole number in 0..ties-1), then by item: one native sort of the
 * numbers ((rank of the value) × ties + tie) × n + item, rather than a comparator called a million times.
 */
export function sortedByValue(
  value: Float64Array,
  tie: Int32Array | null,
  ties: number,
  n: number
): Float64Array {
  const distinct = value.slice(0, n).sort();
  let d = 0;
  for (let x = 0; x < n; x++)
    if (x === 0 || distinct[x] !== distinct[d - 1]) distinct[d++] = distinct[x];
  if (d * ties * n >= Number.MAX_SAFE_INTEGER) throw new Error(`Too many items to sort: ${n}`);
  const keys = new Float64Array(n);
  for (let id = 0; id < n; id++) {
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid] < value[id]) lo = mid + 1;
      else hi = mid;
    }
    keys[id] = (lo * ties + (tie ? tie[id] : 0)) * n + id;
  }
  keys.sort();
  for (let x = 0; x < n; x++) keys[x] = keys[x] % n;
  return keys;
}
