// Turns communes into what both indicator methods plan with: missing indicators by criterion, cheapest first.

import { InputError } from "../../errors";
import { checkLimits } from "../prepare";
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

/** One commune as objects, for the exact method (built on first use from the flat arrays). */
export interface PreparedCommune {
  index: number;
  input: IndicatorCommune;
  /** Missing criteria, ascending by number. */
  criteria: MissingCriterion[];
  /** Missing indicators in all. */
  missingCount: number;
  /** The costs of the missing indicators, criterion by criterion, cheapest first (as `criteria` lists them). */
  costs: number[];
  /** Cost of meeting everything. */
  fullCost: number;
  /** Can meet every criterion this year within the cap (having missed some). */
  completable: boolean;
  registered: boolean;
  especiallyDifficult: boolean;
  /** Higher first among equals: registered 2, especially difficult 1, both 3. */
  rank: number;
}

/**
 * The province in flat arrays, so that planning 10,000 communes allocates a few dozen arrays rather than a few
 * hundred thousand objects. A "slot" is one missing criterion of one commune; indicators are numbered across
 * the province, commune by commune, slot by slot, cheapest first within a slot (ties: by code).
 */
export interface PreparedIndicators {
  inputs: IndicatorCommune[];
  /** The communes as objects, built on first use (the exact method's options and bounds use them). */
  readonly communes: PreparedCommune[];
  /** Slots of commune k: communeSlot[k] to communeSlot[k + 1]; its indicators: communeFirst[k] to communeFirst[k + 1]. */
  communeSlot: Int32Array;
  communeFirst: Int32Array;
  fullCost: Float64Array;
  rank: Int32Array;
  completable: Uint8Array;
  slotCriterion: Int32Array;
  /** The slot's first indicator (province numbering). */
  slotFirst: Int32Array;
  slotSize: Int32Array;
  /** Cost of all of the slot's indicators, summed cheapest first from 0 (as `prefix` would). */
  slotCost: Float64Array;
  /** Per indicator: its cost, its slot, and its place in its commune's `missing` list. */
  cost: Float64Array;
  slotOf: Int32Array;
  position: Int32Array;
  /** The commune's indicators by criterion, then code (as the plan lists them): codeOrder[communeFirst[k] + q]. */
  codeOrder: Int32Array;
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
  checkLimits(options.budget, options.maxPerCommune, options.capUnit ?? "indicators");
}

/** Commune `index` into the flat arrays, after the communes before it. */
function prepareCommune(
  input: IndicatorCommune,
  index: number,
  options: IndicatorTargetOptions,
  p: PreparedIndicators
): void {
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
  const base = p.communeFirst[index];
  const firstSlot = p.communeSlot[index];
  let slot = firstSlot - 1;
  let fullCost = 0;
  for (let n = 0; n < m; n++) {
    const at = s.costOrder[n];
    const g = base + n;
    if (slot < firstSlot || p.slotCriterion[slot] !== s.criterion[at]) {
      if (slot >= firstSlot) fullCost += p.slotCost[slot];
      slot++;
      p.slotCriterion[slot] = s.criterion[at];
      p.slotFirst[slot] = g;
      p.slotSize[slot] = 0;
      p.slotCost[slot] = 0;
    }
    p.slotSize[slot]++;
    p.slotCost[slot] += s.cost[at];
    p.cost[g] = s.cost[at];
    p.slotOf[g] = slot;
    p.position[g] = at;
    s.place[at] = g;
  }
  if (slot >= firstSlot) fullCost += p.slotCost[slot];
  for (let n = 0; n < m; n++) p.codeOrder[base + n] = s.place[s.codeOrder[n]];
  const slots = slot + 1 - firstSlot;
  p.communeSlot[index + 1] = slot + 1;
  p.communeFirst[index + 1] = base + m;
  const needed = p.capUnit === "indicators" ? m : slots;
  p.fullCost[index] = fullCost;
  p.completable[index] = m > 0 && needed <= p.cap ? 1 : 0;
  p.rank[index] =
    (input.registered === true ? 2 : 0) + (input.especiallyDifficult === true ? 1 : 0);
}

/** Commune k as objects, with the same figures (prefix sums added in the same order). */
function communeObject(p: PreparedIndicators, k: number): PreparedCommune {
  const input = p.inputs[k];
  const list = input.missing;
  const base = p.communeFirst[k];
  const criteria: MissingCriterion[] = [];
  for (let slot = p.communeSlot[k]; slot < p.communeSlot[k + 1]; slot++) {
    const first = p.slotFirst[slot];
    const indicators: MissingIndicator[] = [];
    const prefix = [0];
    for (let g = first; g < first + p.slotSize[slot]; g++) {
      indicators.push(list[p.position[g]]);
      prefix.push(prefix[prefix.length - 1] + p.cost[g]);
    }
    criteria.push({ criterion: p.slotCriterion[slot], first: first - base, indicators, prefix });
  }
  const registered = input.registered === true;
  const especiallyDifficult = input.especiallyDifficult === true;
  return {
    index: k,
    input,
    criteria,
    missingCount: list.length,
    costs: Array.from(p.cost.subarray(base, p.communeFirst[k + 1])),
    fullCost: p.fullCost[k],
    completable: p.completable[k] === 1,
    registered,
    especiallyDifficult,
    rank: p.rank[k],
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
  /** Province number of the indicator, by its place in the commune's list. */
  place: Int32Array;
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
  const n = communes.length;
  let total = 0;
  for (let k = 0; k < n; k++) total += communes[k].missing.length;
  let objects: PreparedCommune[] | null = null;
  const p: PreparedIndicators = {
    inputs: communes,
    get communes() {
      objects ??= communes.map((_, k) => communeObject(p, k));
      return objects;
    },
    communeSlot: new Int32Array(n + 1),
    communeFirst: new Int32Array(n + 1),
    fullCost: new Float64Array(n),
    rank: new Int32Array(n),
    completable: new Uint8Array(n),
    slotCriterion: new Int32Array(total),
    slotFirst: new Int32Array(total),
    slotSize: new Int32Array(total),
    slotCost: new Float64Array(total),
    cost: new Float64Array(total),
    slotOf: new Int32Array(total),
    position: new Int32Array(total),
    codeOrder: new Int32Array(total),
    criteriaCount: options.criteriaCount,
    budget: options.budget ?? Number.POSITIVE_INFINITY,
    cap: options.maxPerCommune ?? Number.POSITIVE_INFINITY,
    capUnit: options.capUnit ?? "indicators",
    warnings: [],
  };
  for (let k = 0; k < n; k++) prepareCommune(communes[k], k, options, p);
  return p;
}
