// Sorting many items by a number without a comparator: both planners order tens of thousands of steps.

/** Few distinct values (costs in whole hundreds, say) are ranked through a map rather than a sort of all values. */
const FEW_DISTINCT = 4096;

/**
 * rank[id] = place of value[id] among the distinct values, ascending (-0 and 0 the same); d, their number.
 * NaN ranks first, as the binary search below puts it.
 */
function valueRanks(value: Float64Array, n: number): { rank: Int32Array; d: number } {
  const rank = new Int32Array(n);
  const seen = new Map<number, number>();
  let few = true;
  for (let id = 0; id < n && few; id++) {
    const v = value[id];
    if (Number.isNaN(v)) few = false;
    else if (!seen.has(v)) {
      seen.set(v, 0);
      few = seen.size <= FEW_DISTINCT;
    }
  }
  if (few) {
    const distinct = Float64Array.from(seen.keys()).sort();
    distinct.forEach((v, r) => seen.set(v, r));
    for (let id = 0; id < n; id++) rank[id] = seen.get(value[id])!;
    return { rank, d: distinct.length };
  }
  const distinct = value.slice(0, n).sort();
  let d = 0;
  for (let x = 0; x < n; x++)
    if (x === 0 || distinct[x] !== distinct[d - 1]) distinct[d++] = distinct[x];
  for (let id = 0; id < n; id++) {
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid] < value[id]) lo = mid + 1;
      else hi = mid;
    }
    rank[id] = lo;
  }
  return { rank, d };
}

/**
 * Items 0..n-1, sorted by value (ascending), then by `tie` (a whole number in 0..ties-1), then by item: the
 * order of the numbers ((rank of the value) × ties + tie) × n + item, by counting when there are few
 * (rank, tie) pairs, else by one native sort of those numbers, rather than a comparator called a million times.
 */
export function sortedByValue(
  value: Float64Array,
  tie: Int32Array | null,
  ties: number,
  n: number
): Float64Array {
  const { rank, d } = valueRanks(value, n);
  if (d * ties * n >= Number.MAX_SAFE_INTEGER) throw new Error(`Too many items to sort: ${n}`);
  const buckets = d * ties;
  const out = new Float64Array(n);
  if (buckets <= 4 * n + 1024) {
    // Counting sort: items go to their (rank, tie) bucket in ascending order, so ties keep item order.
    const start = new Int32Array(buckets + 1);
    for (let id = 0; id < n; id++) {
      rank[id] = rank[id] * ties + (tie ? tie[id] : 0);
      start[rank[id] + 1]++;
    }
    for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
    for (let id = 0; id < n; id++) out[start[rank[id]]++] = id;
    return out;
  }
  for (let id = 0; id < n; id++) out[id] = (rank[id] * ties + (tie ? tie[id] : 0)) * n + id;
  out.sort();
  for (let x = 0; x < n; x++) out[x] = out[x] % n;
  return out;
}
