// Allocation policies as data: rule rows "condition → coefficient", each either competing for the highest
// coefficient or added on top, evaluated against each commune's attributes with the reasons in words.

import { InputError, type Bilingual } from "../errors";
import { formatVi, numberFormat } from "../numbers";
import { foldDiacritics } from "../text";
import type { SourceRef } from "../types";

/** Zones of ethnic-minority and mountain areas (Khu vực I, II, III). */
export type CommuneZone = "I" | "II" | "III";

/** Yes/no commune types a rule can name. */
export type CommuneFlag = "atk" | "border" | "island" | "specialZone" | "difficult";

/** Tiers in rising order; "model" (kiểu mẫu, 2021-2025) and "modern" (hiện đại, 2026-2030) are both the top. */
export type PolicyTier = "none" | "standard" | "advanced" | "model" | "modern";

/** What a commune sheet says about a commune, as far as allocation rules need it. */
export interface CommuneAttributes {
  unit: string;
  /** Number of criteria met, and how many the set has. */
  criteriaMet?: number;
  criteriaTotal?: number;
  tier?: PolicyTier;
  group?: 1 | 2 | 3;
  zone?: CommuneZone;
  flags?: Partial<Record<CommuneFlag, boolean>>;
  /** Number of especially disadvantaged villages (thôn ĐBKK). */
  difficultVillages?: number;
  registeredYear?: number;
  /** Estimated cost of the missing criteria (million VND). */
  need?: number;
  source?: SourceRef;
}

/** The attributes a condition reads; a rule on an attribute the commune sheet does not have cannot be applied. */
/** "tierAbove": tiers above the standard (advanced, model, modern), which only a stated tier tells. */
export type PolicyAttribute =
  | "criteria"
  | "tier"
  | "tierAbove"
  | "group"
  | "zone"
  | CommuneFlag
  | "villages"
  | "registered"
  | "need";

export type Condition =
  | { kind: "all" }
  | { kind: "zone"; zone: CommuneZone }
  | { kind: "flag"; flag: CommuneFlag }
  | { kind: "group"; group: 1 | 2 | 3 }
  /** Exactly this tier, or (atLeast) this tier or above; "none" means not yet at the standard. */
  | { kind: "tier"; tier: PolicyTier; atLeast: boolean }
  /** Criteria met in [min, max]. */
  | { kind: "criteria"; min: number; max: number }
  /** Registered to reach the standard in the allocation year. */
  | { kind: "registered" }
  | { kind: "need"; min: number; max: number }
  | { kind: "and"; parts: Condition[] }
  | { kind: "or"; parts: Condition[] };

/** A rule's coefficient counts once, or once per village / per missing criterion. */
export type RuleQuantity = "villages" | "missingCriteria";

/** "highest": the highest of the matching such rules applies; "add": added on top of it. */
export type RuleMode = "highest" | "add";

export interface PolicyRule {
  /** 1-based position in the policy (the row staff see). */
  row: number;
  /** The condition as written, e.g. "Khu vực III". */
  label: string;
  condition: Condition;
  per?: RuleQuantity;
  coefficient: number;
  mode: RuleMode;
  /** The decision it comes from. */
  source?: string;
  note?: string;
  /** The cell the rule was read from, when it came from a sheet. */
  origin?: SourceRef;
}

export interface AllocationPolicy {
  /** Preset id ("qd-07-2022") or the sheet it was read from. */
  id: string;
  title: Bilingual;
  /** Programme period, e.g. "2021-2025". */
  period?: string;
  preset: boolean;
  /** For presets: what the user must check before relying on it. */
  caution?: Bilingual;
  /** For a preset named by a withdrawn id: why the id was withdrawn and which to use (said in the result). */
  deprecation?: Bilingual;
  /** Where the period came from: a preset's own, a policy sheet's "Giai đoạn" cell or title (with the cell). */
  periodFrom?: { sheet: string; cell: string };
  rules: PolicyRule[];
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a condition written in words

function key(text: string): string {
  return foldDiacritics(String(text))
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, " ")
    .replace(/≤/g, "<=")
    .replace(/≥/g, ">=")
    .trim();
}

/** A zone as written after "Khu vực" / "KV" / "zone" (folded, lower case): I, II, III or 1, 2, 3. */
export const ZONE_WORDS: Readonly<Record<string, CommuneZone>> = {
  i: "I",
  "1": "I",
  ii: "II",
  "2": "II",
  iii: "III",
  "3": "III",
};

const FLAG_WORDS: [RegExp, CommuneFlag][] = [
  [/^(?:xa )?(?:atk|an toan khu)$/, "atk"],
  [/^(?:xa )?(?:bien gioi|border)$/, "border"],
  [/^(?:xa )?(?:hai dao|dao|island)$/, "island"],
  [/^(?:dac khu|special zone)$/, "specialZone"],
  [/^(?:xa )?(?:dbkk|dac biet kho khan|especially difficult)$/, "difficult"],
];

const TIER_WORDS: [RegExp, PolicyTier, boolean][] = [
  [/^(?:xa )?chua dat chuan(?: ntm| nong thon moi)?$|^not yet standard$/, "none", false],
  [
    /^(?:xa )?(?:da dat chuan|dat chuan tro len)(?: ntm| nong thon moi)?$|^standard or above$/,
    "standard",
    true,
  ],
  [/^(?:xa )?dat chuan(?: ntm| nong thon moi)?$|^standard$/, "standard", false],
  [/^(?:xa )?(?:dat chuan )?(?:ntm )?nang cao tro len$|^advanced or above$/, "advanced", true],
  [/^(?:xa )?(?:dat chuan )?(?:ntm )?nang cao$|^advanced$/, "advanced", false],
  [/^(?:xa )?(?:dat chuan )?(?:ntm )?kieu mau$|^model$/, "model", false],
  [/^(?:xa )?(?:dat chuan )?(?:ntm )?hien dai$|^modern$/, "modern", false],
];

const ALL =
  /^(?:moi xa|tat ca(?: cac)? xa|(?:cac )?xa (?:con lai|khac)|cac xa khac|con lai|all communes|other communes|all)$/;

/** A criteria band: "dưới 15 tiêu chí", "từ 15 đến 18 tiêu chí", "tiêu chí >= 15", "15-18 tiêu chí", "19 tiêu chí". */
function criteriaBand(k: string): { min: number; max: number } | null {
  const tc = "(?:tieu chi|tc|criteria)";
  const n = "(\\d+)";
  let m = new RegExp(`^(?:duoi|under|fewer than) ${n} ${tc}$`).exec(k);
  if (m) return { min: 0, max: Number(m[1]) - 1 };
  m = new RegExp(`^(?:tu )?${n} ?(?:-|den|to) ?${n} ${tc}$`).exec(k);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  m = new RegExp(`^(?:tu )?${n} ${tc} tro len$|^${n} ${tc} or more$`).exec(k);
  if (m) return { min: Number(m[1] ?? m[2]), max: Infinity };
  m = new RegExp(`^(?:dat )?${n} ${tc}$`).exec(k);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  m = new RegExp(`^(?:so )?${tc}(?: dat)? ?(<=|>=|<|>|=) ?${n}$`).exec(k);
  if (m) return comparison(m[1], Number(m[2]), 1);
  m = new RegExp(`^(?:so )?${tc}(?: dat)? ${n} ?(?:-|den) ?${n}$`).exec(k);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  return null;
}

function comparison(op: string, value: number, step: number): { min: number; max: number } {
  switch (op) {
    case "<":
      return { min: -Infinity, max: value - step };
    case "<=":
      return { min: -Infinity, max: value };
    case ">":
      return { min: value + step, max: Infinity };
    case ">=":
      return { min: value, max: Infinity };
    default:
      return { min: value, max: value };
  }
}

/** "nhu cầu >= 5000" (million VND); need is continuous, so "<" and ">" are strict. */
function needBand(k: string): { min: number; max: number } | null {
  const m = /^(?:nhu cau|need)(?: von)? ?(<=|>=|<|>|=) ?([\d.,]+)$/.exec(k);
  if (!m) return null;
  const value = Number(m[2].replace(/\./g, "").replace(",", "."));
  if (!Number.isFinite(value)) return null;
  if (m[1] === "<") return { min: -Infinity, max: value - 1e-9 };
  if (m[1] === ">") return { min: value + 1e-9, max: Infinity };
  return comparison(m[1], value, 0);
}

const PER_WORDS: [RegExp, RuleQuantity][] = [
  [
    /^(?:moi|so) thon (?:dbkk|dac biet kho khan)$|^(?:per|each) especially difficult village$/,
    "villages",
  ],
  [
    /^(?:moi|so) tieu chi (?:chua dat|con thieu)$|^(?:per|each) missing criterion$/,
    "missingCriteria",
  ],
];

function atom(k: string): Condition | RuleQuantity | null {
  if (ALL.test(k)) return { kind: "all" };
  let m = /^(?:xa )?(?:khu vuc|kv|zone) (iii|ii|i|1|2|3)$/.exec(k);
  if (m) return { kind: "zone", zone: ZONE_WORDS[m[1]] };
  m = /^(?:xa )?(?:nhom|group) (?:xa )?([123])$/.exec(k);
  if (m) return { kind: "group", group: Number(m[1]) as 1 | 2 | 3 };
  for (const [re, flag] of FLAG_WORDS) if (re.test(k)) return { kind: "flag", flag };
  for (const [re, tier, atLeast] of TIER_WORDS)
    if (re.test(k)) return { kind: "tier", tier, atLeast };
  if (/^(?:xa )?dang ky dat chuan(?: nam nay| trong nam)?$|^registered(?: this year)?$/.test(k)) {
    return { kind: "registered" };
  }
  for (const [re, per] of PER_WORDS) if (re.test(k)) return per;
  const band = criteriaBand(k);
  if (band) return { kind: "criteria", ...band };
  const need = needBand(k);
  if (need) return { kind: "need", ...need };
  return null;
}

export const CONDITION_EXPECTED: Bilingual = {
  vi:
    'điều kiện như "Khu vực III", "ATK", "Biên giới", "Hải đảo", "Đặc khu", "Xã ĐBKK", "Nhóm 1", "Chưa đạt chuẩn", ' +
    '"Đã đạt chuẩn", "Nâng cao", "Dưới 15 tiêu chí", "Từ 15 đến 18 tiêu chí", "Đăng ký đạt chuẩn", ' +
    '"Nhu cầu >= 5000", "Mỗi thôn ĐBKK", "Mỗi tiêu chí chưa đạt", "Các xã còn lại"; nối bằng "và" / "hoặc"',
  en:
    'a condition such as "Khu vực III" (zone III), "ATK", "Biên giới" (border), "Hải đảo" (island), "Đặc khu" ' +
    '(special zone), "Xã ĐBKK" (especially difficult), "Nhóm 1" (group 1), "Chưa đạt chuẩn" (not yet standard), ' +
    '"Đã đạt chuẩn" (standard or above), "Dưới 15 tiêu chí" (under 15 criteria), "Từ 15 đến 18 tiêu chí", ' +
    '"Đăng ký đạt chuẩn" (registered), "Nhu cầu >= 5000" (need), "Mỗi thôn ĐBKK" (per village), ' +
    '"Các xã còn lại" (other communes); joined by "và" (and) / "hoặc" (or)',
};

/**
 * A condition written in words: atoms joined by "và"/"and" and "hoặc"/"or" ("và" binds tighter). At most one
 * "per" atom (mỗi thôn ĐBKK, mỗi tiêu chí chưa đạt), which multiplies the coefficient. Throws an InputError
 * (without a cell: the caller adds it) for words it does not know.
 */
export function parseCondition(text: string): { condition: Condition; per?: RuleQuantity } {
  const k = key(text);
  let per: RuleQuantity | undefined;
  const fail = (found: string): never => {
    throw new InputError({ found, expected: CONDITION_EXPECTED });
  };
  if (k === "") fail("(trống / blank)");
  const ors = k.split(/\s+(?:hoac|or)\s+/).map((part) =>
    part.split(/\s+(?:va|and)\s+|\s*[&+]\s*/).map((word) => {
      const a = atom(word.trim());
      if (a === null) return fail(word.trim() === k ? text : `${word.trim()} (${text})`);
      if (typeof a === "string") {
        if (per !== undefined) fail(text);
        per = a;
        return { kind: "all" } as Condition;
      }
      return a;
    })
  );
  const conj = (parts: Condition[]): Condition => {
    const real = parts.filter((p) => p.kind !== "all");
    return real.length === 0
      ? { kind: "all" }
      : real.length === 1
        ? real[0]
        : { kind: "and", parts: real };
  };
  const disj = ors.map(conj);
  const condition: Condition = disj.length === 1 ? disj[0] : { kind: "or", parts: disj };
  return per ? { condition, per } : { condition };
}

/** "cao nhất" → highest, "cộng thêm" → add; null for anything else. */
export function parseRuleMode(text: string): RuleMode | null {
  const k = key(text);
  if (/^(?:lay )?(?:muc |he so )?cao nhat$|^highest(?: applies)?$|^max$/.test(k)) return "highest";
  if (/^cong(?: them| don)?$|^add(?: up| on)?$|^sum$/.test(k)) return "add";
  return null;
}

export const MODE_WORDS: Record<RuleMode, string> = { highest: "Cao nhất", add: "Cộng thêm" };

// ---------------------------------------------------------------------------------------------------------------
// Which attributes a rule needs

export function conditionAttributes(condition: Condition, out = new Set<PolicyAttribute>()) {
  switch (condition.kind) {
    case "zone":
      out.add("zone");
      break;
    case "flag":
      out.add(condition.flag);
      break;
    case "group":
      out.add("group");
      break;
    case "tier":
      out.add(condition.tier === "none" || condition.tier === "standard" ? "tier" : "tierAbove");
      break;
    case "criteria":
      out.add("criteria");
      break;
    case "registered":
      out.add("registered");
      break;
    case "need":
      out.add("need");
      break;
    case "and":
    case "or":
      condition.parts.forEach((p) => conditionAttributes(p, out));
      break;
  }
  return out;
}

export function ruleAttributes(rule: PolicyRule): Set<PolicyAttribute> {
  const out = conditionAttributes(rule.condition);
  if (rule.per === "villages") out.add("villages");
  if (rule.per === "missingCriteria") out.add("criteria");
  return out;
}

/** Names of attributes in words, for messages. */
export const ATTRIBUTE_WORDS: Record<PolicyAttribute, Bilingual> = {
  criteria: { vi: "số tiêu chí đạt", en: "criteria met" },
  tier: { vi: "trạng thái (mức đạt chuẩn)", en: "tier" },
  tierAbove: {
    vi: "trạng thái nâng cao / kiểu mẫu / hiện đại (cột Trạng thái)",
    en: "advanced / model / modern tier (Trạng thái column)",
  },
  group: { vi: "nhóm xã", en: "commune group" },
  zone: { vi: "khu vực (I/II/III)", en: "zone (I/II/III)" },
  atk: { vi: "xã ATK", en: "ATK (safe zone)" },
  border: { vi: "xã biên giới", en: "border commune" },
  island: { vi: "xã hải đảo", en: "island commune" },
  specialZone: { vi: "đặc khu", en: "special zone" },
  difficult: { vi: "xã ĐBKK", en: "especially difficult commune" },
  villages: { vi: "số thôn ĐBKK", en: "especially difficult villages" },
  registered: { vi: "năm đăng ký đạt chuẩn", en: "year registered for the standard" },
  need: { vi: "nhu cầu vốn", en: "need" },
};

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

const TIER_RANK: Record<PolicyTier, number> = {
  none: 0,
  standard: 1,
  advanced: 2,
  model: 3,
  modern: 3,
};

/** The commune's tier: as stated, or "standard" when it meets every criterion and no tier is stated. */
export function effectiveTier(c: CommuneAttributes): PolicyTier | undefined {
  if (c.tier) return c.tier;
  if (c.criteriaMet !== undefined && c.criteriaTotal !== undefined) {
    return c.criteriaMet >= c.criteriaTotal ? "standard" : "none";
  }
  return undefined;
}

export interface EvaluationContext {
  /** The allocation year, for "registered this year". */
  year?: number;
}

function holds(condition: Condition, c: CommuneAttributes, ctx: EvaluationContext): boolean {
  switch (condition.kind) {
    case "all":
      return true;
    case "zone":
      return c.zone === condition.zone;
    case "flag":
      return c.flags?.[condition.flag] === true;
    case "group":
      return c.group === condition.group;
    case "tier": {
      const tier = effectiveTier(c);
      if (tier === undefined) return false;
      if (condition.tier === "none") return tier === "none";
      return condition.atLeast
        ? TIER_RANK[tier] >= TIER_RANK[condition.tier]
        : tier === condition.tier;
    }
    case "criteria":
      return (
        c.criteriaMet !== undefined &&
        c.criteriaMet >= condition.min &&
        c.criteriaMet <= condition.max
      );
    case "registered":
      return ctx.year !== undefined && c.registeredYear === ctx.year;
    case "need":
      return c.need !== undefined && c.need >= condition.min && c.need <= condition.max;
    case "and":
      return condition.parts.every((p) => holds(p, c, ctx));
    case "or":
      return condition.parts.some((p) => holds(p, c, ctx));
  }
}

function quantity(per: RuleQuantity | undefined, c: CommuneAttributes): number {
  if (per === "villages") return c.difficultVillages ?? 0;
  if (per === "missingCriteria") {
    return c.criteriaTotal !== undefined && c.criteriaMet !== undefined
      ? Math.max(0, c.criteriaTotal - c.criteriaMet)
      : 0;
  }
  return 1;
}

/** A coefficient in the Vietnamese way with no needless decimals: 5 → "5", 1.5 → "1,5". */
export function formatCoefficient(value: number): string {
  return numberFormat("vi-VN", 0, 4).format(value);
}

export interface RuleHit {
  row: number;
  label: string;
  mode: RuleMode;
  coefficient: number;
  /** Villages or missing criteria for a "per" rule; 1 otherwise. */
  quantity: number;
  /** coefficient × quantity. */
  value: number;
  source?: string;
  /** "Khu vực III → 50", "Mỗi thôn ĐBKK: 2 × 1 → 2". */
  text: string;
}

export interface CommuneCoefficient {
  unit: string;
  coefficient: number;
  /** The rules that gave the coefficient: the highest "highest" rule, then every matching "add" rule. */
  applied: RuleHit[];
  /** Rules that matched but did not apply (a lower or equal "highest" rule). */
  alsoMatched: RuleHit[];
  /** The reason in words: "Khu vực III → 50", or "Khu vực III → 50 + Mỗi thôn ĐBKK: 2 × 1 → 2 = 52". */
  rule: string;
}

function hitText(rule: PolicyRule, q: number): string {
  const value = rule.coefficient * q;
  return rule.per
    ? `${rule.label}: ${formatVi(q)} × ${formatCoefficient(rule.coefficient)} → ${formatCoefficient(value)}`
    : `${rule.label} → ${formatCoefficient(rule.coefficient)}`;
}

export const NO_RULE = "không khớp quy tắc nào → 0 / no rule applies";

/**
 * Each commune's coefficient under a policy: the highest value among the matching "highest" rules (the first
 * in policy order on a tie), plus the values of all matching "add" rules. A "per" rule's value is its
 * coefficient times the commune's villages or missing criteria; a per rule with quantity 0 does not match.
 */
export function evaluatePolicy(
  policy: AllocationPolicy,
  communes: readonly CommuneAttributes[],
  ctx: EvaluationContext = {}
): CommuneCoefficient[] {
  return communes.map((c) => {
    const hits: RuleHit[] = [];
    for (const rule of policy.rules) {
      if (!holds(rule.condition, c, ctx)) continue;
      const q = quantity(rule.per, c);
      if (q === 0) continue;
      hits.push({
        row: rule.row,
        label: rule.label,
        mode: rule.mode,
        coefficient: rule.coefficient,
        quantity: q,
        value: rule.coefficient * q,
        ...(rule.source ? { source: rule.source } : {}),
        text: hitText(rule, q),
      });
    }
    let best: RuleHit | undefined;
    for (const h of hits) if (h.mode === "highest" && (!best || h.value > best.value)) best = h;
    const adds = hits.filter((h) => h.mode === "add");
    const applied = [...(best ? [best] : []), ...adds];
    const coefficient = applied.reduce((s, h) => s + h.value, 0);
    const alsoMatched = hits.filter((h) => !applied.includes(h));
    const rule =
      applied.length === 0
        ? NO_RULE
        : applied.length === 1
          ? applied[0].text
          : `${applied.map((h) => h.text).join(" + ")} = ${formatCoefficient(coefficient)}`;
    return { unit: c.unit, coefficient, applied, alsoMatched, rule };
  });
}

/**
 * Communes one at a time, each made when asked (a cell function's lean reading of 100,000 rows keeps its figures in
 * columns: a commune made for its turn is garbage at once, cheap to collect, where 100,000 kept ones are not).
 */
export interface CommuneList {
  readonly length: number;
  get(i: number): CommuneAttributes;
}

/** An array of communes, or a list, as a list. */
export function communeList(communes: readonly CommuneAttributes[] | CommuneList): CommuneList {
  if (!Array.isArray(communes)) return communes as CommuneList;
  const array = communes as readonly CommuneAttributes[];
  return { length: array.length, get: (i) => array[i] };
}

/**
 * Each commune's coefficient exactly as evaluatePolicy gives it (the same rules, order and additions), without the
 * words: for a cell function, which shows only the number, over a range of 100,000 communes.
 */
export function policyCoefficients(
  policy: AllocationPolicy,
  communes: readonly CommuneAttributes[] | CommuneList,
  ctx: EvaluationContext = {}
): Float64Array {
  const out = new Float64Array(communes.length);
  const rules = policy.rules;
  const adds: number[] = [];
  const list = communeList(communes);
  for (let i = 0; i < list.length; i++) {
    const c = list.get(i);
    let best: number | undefined;
    adds.length = 0;
    for (const rule of rules) {
      if (!holds(rule.condition, c, ctx)) continue;
      const q = quantity(rule.per, c);
      if (q === 0) continue;
      const value = rule.coefficient * q;
      if (rule.mode === "highest") {
        if (best === undefined || value > best) best = value;
      } else if (rule.mode === "add") adds.push(value);
    }
    let s = 0;
    if (best !== undefined) s += best;
    for (const v of adds) s += v;
    out[i] = s;
  }
  return out;
}

/** Sentences kept per call of policyRules: a province has few combinations of rules; a bound keeps a pathological one cheap. */
const SENTENCES_KEPT = 10_000;

/**
 * Each commune's rule in words exactly as evaluatePolicy gives it (`rule`), for a cell function over a range of
 * 100,000 communes: each rule's words are made once (once per quantity for a "per" rule), and a commune whose rules
 * and quantities are another's gets the sentence already made (its sum formatted once), instead of every commune's
 * hits, texts and sum made and formatted anew.
 */
export function policyRules(
  policy: AllocationPolicy,
  communes: readonly CommuneAttributes[] | CommuneList,
  ctx: EvaluationContext = {}
): string[] {
  const rules = policy.rules;
  const list = communeList(communes);
  const out: string[] = new Array<string>(list.length);
  // A rule's words: for a plain rule made at once, for a "per" rule by quantity when first needed.
  const plain = rules.map((r) => (r.per ? "" : hitText(r, 1)));
  const perQuantity = rules.map(() => new Map<number, string>());
  const textOf = (k: number, q: number): string => {
    const rule = rules[k];
    if (!rule.per) return plain[k];
    let text = perQuantity[k].get(q);
    if (text === undefined) perQuantity[k].set(q, (text = hitText(rule, q)));
    return text;
  };
  const sentences = new Map<string, string>();
  const addRule: number[] = [];
  const addQuantity: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list.get(i);
    let best = -1;
    let bestValue = 0;
    let bestQuantity = 0;
    addRule.length = 0;
    addQuantity.length = 0;
    for (let k = 0; k < rules.length; k++) {
      const rule = rules[k];
      if (!holds(rule.condition, c, ctx)) continue;
      const q = quantity(rule.per, c);
      if (q === 0) continue;
      const value = rule.coefficient * q;
      if (rule.mode === "highest") {
        if (best < 0 || value > bestValue) {
          best = k;
          bestValue = value;
          bestQuantity = q;
        }
      } else if (rule.mode === "add") {
        addRule.push(k);
        addQuantity.push(q);
      }
    }
    const applied = (best < 0 ? 0 : 1) + addRule.length;
    if (applied === 0) {
      out[i] = NO_RULE;
      continue;
    }
    if (applied === 1) {
      out[i] = best < 0 ? textOf(addRule[0], addQuantity[0]) : textOf(best, bestQuantity);
      continue;
    }
    // The rules and quantities applied, in the sentence's order: the highest rule, then the added ones.
    let key = best < 0 ? "" : `${best}:${bestQuantity}`;
    for (let j = 0; j < addRule.length; j++) key += ` ${addRule[j]}:${addQuantity[j]}`;
    let sentence = sentences.get(key);
    if (sentence === undefined) {
      const texts: string[] = [];
      // Summed in evaluatePolicy's order (0, the highest rule, then each added one): the same floating-point sum.
      let sum = 0;
      if (best >= 0) {
        texts.push(textOf(best, bestQuantity));
        sum += rules[best].coefficient * bestQuantity;
      }
      for (let j = 0; j < addRule.length; j++) {
        texts.push(textOf(addRule[j], addQuantity[j]));
        sum += rules[addRule[j]].coefficient * addQuantity[j];
      }
      sentence = `${texts.join(" + ")} = ${formatCoefficient(sum)}`;
      if (sentences.size < SENTENCES_KEPT) sentences.set(key, sentence);
    }
    out[i] = sentence;
  }
  return out;
}

/** Rules of a policy whose attributes the commune sheet lacks: [rule, missing attributes]. */
export function unreadableRules(
  policy: AllocationPolicy,
  available: ReadonlySet<PolicyAttribute>
): { rule: PolicyRule; missing: PolicyAttribute[] }[] {
  return policy.rules
    .map((rule) => ({ rule, missing: [...ruleAttributes(rule)].filter((a) => !available.has(a)) }))
    .filter((x) => x.missing.length > 0);
}

/** One rule row as written: condition, coefficient, mode, source, note (strings and numbers only). */
export interface PolicyRow {
  condition: string;
  coefficient: number;
  mode: RuleMode;
  source?: string;
  note?: string;
  origin?: SourceRef;
}

/** Builds a policy from rows as written; an unknown condition or a bad coefficient names the row's cell. */
export function policyFromRows(
  rows: readonly PolicyRow[],
  meta: Omit<AllocationPolicy, "rules">
): AllocationPolicy {
  if (rows.length === 0) {
    throw new InputError({
      found: meta.id,
      expected: {
        vi: "chính sách phân bổ có ít nhất một quy tắc",
        en: "a policy with at least one rule",
      },
    });
  }
  const rules = rows.map((r, i): PolicyRule => {
    let parsed: ReturnType<typeof parseCondition>;
    try {
      parsed = parseCondition(r.condition);
    } catch (e) {
      if (e instanceof InputError) {
        throw new InputError({ ...e.details, sheet: r.origin?.sheet, cell: r.origin?.cell });
      }
      throw e;
    }
    if (!Number.isFinite(r.coefficient) || r.coefficient < 0) {
      throw new InputError({
        sheet: r.origin?.sheet,
        found: String(r.coefficient),
        expected: {
          vi: `hệ số của quy tắc ${i + 1}: một số ≥ 0`,
          en: `rule ${i + 1}'s coefficient: a number ≥ 0`,
        },
      });
    }
    return {
      row: i + 1,
      label: r.condition.trim().replace(/\s+/g, " "),
      condition: parsed.condition,
      ...(parsed.per ? { per: parsed.per } : {}),
      coefficient: r.coefficient,
      mode: r.mode,
      ...(r.source ? { source: r.source } : {}),
      ...(r.note ? { note: r.note } : {}),
      ...(r.origin ? { origin: r.origin } : {}),
    };
  });
  return { ...meta, rules };
}
