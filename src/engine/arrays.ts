// Largest, smallest and appending over arrays of any length: spreading an array into a call's arguments
// (Math.max(...values), push(...rows)) puts every element on the stack and fails past about 125,000 of them.

/** The largest of the values, or `empty` when there are none (NaN is skipped). */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let best = -Infinity;
  let any = false;
  for (const v of values) {
    if (v > best) best = v;
    any = true;
  }
  return any ? best : empty;
}

/** The smallest of the values, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let best = Infinity;
  let any = false;
  for (const v of values) {
    if (v < best) best = v;
    any = true;
  }
  return any ? best : empty;
}

/** Appends every item to the target, in order, and returns the target. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Puts the items before the target's first element, in their order, and returns the target. */
export function prependAll<T>(target: T[], items: readonly T[]): T[] {
  // The same array object stays, for callers holding it.
  const rest = target.splice(0, target.length);
  pushAll(target, items);
  pushAll(target, rest);
  return target;
}
