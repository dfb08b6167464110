// Turns communes into what both indicator methods plan with: missing indicators by criterion, cheapest first.

import { InputError } from "../../errors";
import type { Warning } from "../../types";
import type { CapUnit, IndicatorCommune, IndicatorTargetOptions, MissingIndicator } from "./types";

/** One criterion a commune has not met: its missing indicators, cheapest first (ties: by code). */
export interface MissingCriterion {
  criterion: number;
  /** Where its indicators' costs start in the commune's `costs`. */
  first: number;
  indicators: MissingIndicator[];
  /** prefix[s] = cost of the s cheapest missing indicators. */
  prefix: number[];
}

/** More than the indicators of any criterion (codePlace packs a slot and a place in one number). */
export const PLACES = 1 << 16;

export interface PreparedCommune {
  index: number;
  input: IndicatorCommune;
  /** Missing criteria, ascending by number. */
  criteria: MissingCriterion[];
  /** Missing indicators in all. */
  missingCount: number;
  /** The costs of the missing indicators, criterion by criterion, cheapest first (as `criteria` lists them). */
  costs: number[];
  /** The missing indicators by criterion, then code (as the plan lists them). */
  byCode: MissingIndicator[];
  /**
   * For byCode[q]: slot × PLACES + place, its criterion's slot in `criteria` and its place in that criterion's
   * cheapest-first order.
   */
  codePlace: number[];
  /** Cost of meeting everything. */
  fullCost: number;
  /** Can meet every criterion this year within the cap (having missed some). */
  completable: boolean;
  registered: boolean;
  especiallyDifficult: boolean;
  /** Higher first among equals: registered 2, especially difficult 1, both 3. */
  rank: number;
}

export interface PreparedIndicators {
  communes: PreparedCommune[];
  criteriaCount: number;
  budget: number;
  /** Infinity when there is no cap. */
  cap: number;
  capUnit: CapUnit;
  warnings: Warning[];
}

/** How much of the cap a commune uses taking `take[i]` indicators of its i-th missing criterion. */
export function capUsed(take: ArrayLike<number>, unit: CapUnit): number {
  let used = 0;
  for (let i = 0; i < take.length; i++)
    used += unit === "indicators" ? take[i] : take[i] > 0 ? 1 : 0;
  return used;
}

function checkOptions(options: IndicatorTargetOptions): void {
  if (!(Number.isInteger(options.criteriaCount) && options.criteriaCount > 0)) {
    throw new InputError({
      found: String(options.criteriaCount),
      expected: {
        vi: "số tiêu chí của bộ tiêu chí: số nguyên > 0",
        en: "the number of criteria in the set: a whole number > 0",
      },
    });
  }
  if (options.budget !== undefined && !(options.budget >= 0)) {
    throw new InputError({
      found: String(options.budget),
      expected: { vi: "ngân sách ≥ 0 (triệu đồng)", en: "a budget ≥ 0 (million VND)" },
    });
  }
  const cap = options.maxPerCommune;
  if (cap !== undefined && !(Number.isInteger(cap) && cap >= 0)) {
    const unit =
      options.capUnit === "criteria"
        ? { vi: "tiêu chí", en: "criteria" }
        : { vi: "chỉ tiêu", en: "indicators" };
    throw new InputError({
      found: String(cap),
      expected: {
        vi: `số ${unit.vi} tối đa mỗi xã mỗi năm: số nguyên ≥ 0`,
        en: `the most ${unit.en} per commune per year: a whole number ≥ 0`,
      },
    });
  }
}

function prepareCommune(
  input: IndicatorCommune,
  index: number,
  options: IndicatorTargetOptions,
  cap: number,
  unit: CapUnit
): PreparedCommune {
  const where = () => ({ sheet: input.source?.sheet, cell: input.source?.cell });
  const list = input.missing;
  const m = list.length;
  const s = scratchFor(m);
  // Each indicator read once into the working arrays (the input objects lie all over the heap).
  for (let n = 0; n < m; n++) {
    const indicator = list[n];
    const criterion = indicator.criterion;
    const cost = indicator.cost;
    const code = indicator.code;
    s.criterion[n] = criterion;
    s.cost[n] = cost;
    s.codes[n] = code;
    if (!(Number.isInteger(criterion) && criterion >= 1 && criterion <= options.criteriaCount)) {
      throw new InputError({
        ...where(),
        found: `${input.name}: ${indicator.code}: TC ${indicator.criterion}`,
        expected: {
          vi: `tiêu chí của chỉ tiêu ${indicator.code}: từ 1 đến ${options.criteriaCount}`,
          en: `the criterion of indicator ${indicator.code}: 1 to ${options.criteriaCount}`,
        },
      });
    }
    if (!(Number.isFinite(cost) && cost >= 0)) {
      throw new InputError({
        ...where(),
        found: `${input.name}: ${indicator.code}: ${indicator.cost}`,
        expected: {
          vi: `chi phí của chỉ tiêu ${indicator.code} của xã ${input.name}: số ≥ 0 (triệu đồng)`,
          en: `the cost of indicator ${indicator.code} of ${input.name}: a number ≥ 0 (million VND)`,
        },
      });
    }
    // A commune misses at most a few dozen indicators: comparing with the earlier ones beats a Set here.
    let twice = false;
    for (let e = 0; e < n && !twice; e++) twice = s.codes[e] === code;
    if (twice) {
      throw new InputError({
        ...where(),
        found: `${input.name}: ${indicator.code}`,
        expected: {
          vi: `mỗi chỉ tiêu một lần cho xã ${input.name}; chỉ tiêu ${indicator.code} có hai lần`,
          en: `each indicator once for ${input.name}; ${indicator.code} appears twice`,
        },
      });
    }
  }
  // Two orders of the same few indicators, by insertion sort on keys read once: by criterion, then cheapest
  // first, then by code (what the planners take from), and by criterion, then code (what the plan shows).
  for (let n = 0; n < m; n++) s.keys[n] = codeKey(s.codes[n]);
  const byCode = (a: number, b: number) =>
    s.criterion[a] - s.criterion[b] || compareKeyed(s.keys[a], s.keys[b], s.codes[a], s.codes[b]);
  const byCost = (a: number, b: number) =>
    s.criterion[a] - s.criterion[b] || s.cost[a] - s.cost[b] || byCode(a, b);
  insertionSort(s.costOrder, m, byCost);
  insertionSort(s.codeOrder, m, byCode);
  const criteria: MissingCriterion[] = [];
  const costs = new Array<number>(m);
  for (let n = 0; n < m; n++) {
    const at = s.costOrder[n];
    let last = criteria[criteria.length - 1];
    if (!last || last.criterion !== s.criterion[at]) {
      last = { criterion: s.criterion[at], first: n, indicators: [], prefix: [0] };
      criteria.push(last);
    }
    s.place[at] = last.indicators.length;
    s.slot[at] = criteria.length - 1;
    costs[n] = s.cost[at];
    last.indicators.push(list[at]);
    last.prefix.push(last.prefix[last.prefix.length - 1] + s.cost[at]);
  }
  // The list by code, each indicator with its criterion's slot and its place in that criterion's order.
  const byCodeList = new Array<MissingIndicator>(m);
  const codePlace = new Array<number>(m);
  for (let n = 0; n < m; n++) {
    const at = s.codeOrder[n];
    byCodeList[n] = list[at];
    codePlace[n] = s.slot[at] * PLACES + s.place[at];
  }
  const missingCount = m;
  const fullCost = criteria.reduce((s, c) => s + c.prefix[c.indicators.length], 0);
  const needed = unit === "indicators" ? missingCount : criteria.length;
  const registered = input.registered === true;
  const especiallyDifficult = input.especiallyDifficult === true;
  return {
    index,
    input,
    criteria,
    missingCount,
    byCode: byCodeList,
    costs,
    codePlace,
    fullCost,
    completable: missingCount > 0 && needed <= cap,
    registered,
    especiallyDifficult,
    rank: (registered ? 2 : 0) + (especiallyDifficult ? 1 : 0),
  };
}

/** Codes of the form "2.10" as one sortable number (2 × 10⁶ + 10), cached: there are few distinct codes. */
const codeKeys = new Map<string, number>();

function codeKey(code: string): number {
  let key = codeKeys.get(code);
  if (key === undefined) {
    const match = /^(\d{1,6})\.(\d{1,6})$/.exec(code.trim());
    key = match ? Number(match[1]) * 1e6 + Number(match[2]) : NaN;
    if (codeKeys.size < 10000) codeKeys.set(code, key);
  }
  return key;
}

/** Working arrays of prepareCommune, reused from commune to commune (it runs synchronously). */
interface Scratch {
  criterion: Float64Array;
  cost: Float64Array;
  codes: string[];
  keys: Float64Array;
  costOrder: Int32Array;
  codeOrder: Int32Array;
  place: Int32Array;
  slot: Int32Array;
}

let scratch: Scratch | null = null;

function scratchFor(n: number): Scratch {
  if (!scratch || scratch.keys.length < n) {
    const size = Math.max(n, 64);
    scratch = {
      criterion: new Float64Array(size),
      cost: new Float64Array(size),
      codes: new Array<string>(size).fill(""),
      keys: new Float64Array(size),
      costOrder: new Int32Array(size),
      codeOrder: new Int32Array(size),
      place: new Int32Array(size),
      slot: new Int32Array(size),
    };
  }
  return scratch;
}

/** out[0..n) = 0..n-1 sorted by insertion (stable): a commune misses a few dozen indicators at most. */
function insertionSort(
  out: Int32Array,
  n: number,
  compare: (a: number, b: number) => number
): void {
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j > 0 && compare(out[j - 1], i) > 0) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = i;
  }
}

/** compareCodes on keys already read. */
function compareKeyed(x: number, y: number, a: string, b: string): number {
  if (a === b) return 0;
  if (Number.isNaN(x) || Number.isNaN(y)) {
    if (!Number.isNaN(x)) return -1;
    if (!Number.isNaN(y)) return 1;
    return a < b ? -1 : 1;
  }
  return x - y;
}

/** "2.10" after "2.9": indicator codes compare number by number; other codes as text after them. */
export function compareCodes(a: string, b: string): number {
  return a === b ? 0 : compareKeyed(codeKey(a), codeKey(b), a, b);
}

export function prepareIndicators(
  communes: IndicatorCommune[],
  options: IndicatorTargetOptions
): PreparedIndicators {
  checkOptions(options);
  const cap = options.maxPerCommune ?? Number.POSITIVE_INFINITY;
  const capUnit = options.capUnit ?? "indicators";
  return {
    communes: communes.map((c, i) => prepareCommune(c, i, options, cap, capUnit)),
    criteriaCount: options.criteriaCount,
    budget: options.budget ?? Number.POSITIVE_INFINITY,
    cap,
    capUnit,
    warnings: [],
  };
}
