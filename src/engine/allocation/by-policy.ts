// Allocating an envelope to communes by a policy: each commune's coefficient from the rules, then the split by
// coefficients (largest remainder, minimum, cap), every amount with the rule and the arithmetic behind it.

import { formatVi } from "../numbers";
import type { SourceRef } from "../types";
import {
  allocateByCoefficients,
  type Allocation,
  type AllocationResult,
  type AllocationUnit,
} from "./allocate";
import {
  evaluatePolicy,
  formatCoefficient,
  type AllocationPolicy,
  type CommuneAttributes,
  type CommuneCoefficient,
  type EvaluationContext,
} from "./policy";

export interface PolicyAllocationRequest {
  total: number;
  policy: AllocationPolicy;
  communes: readonly CommuneAttributes[];
  unit?: number;
  min?: number;
  cap?: number;
  context?: EvaluationContext;
}

export interface PolicyAllocation extends Allocation {
  coefficient: number;
  /** The rule(s) in words: "Khu vực III → 50". */
  rule: string;
  evaluation: CommuneCoefficient;
  /** How the amount was reached: "50 ÷ 1.234 × 100.000 = 4.051,86 → 4.052". */
  explanation: string;
  attributes: CommuneAttributes;
}

export interface PolicyAllocationResult extends Omit<AllocationResult, "allocations"> {
  policy: AllocationPolicy;
  allocations: PolicyAllocation[];
}

function money(value: number, unit: number): string {
  const digits = unit >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(unit) - 1e-9));
  return formatVi(value, digits);
}

/** The arithmetic behind one amount, in Vietnamese with the English word for the limit. */
export function explainAmount(
  a: Allocation,
  total: number,
  weightTotal: number,
  unit: number
): string {
  const rounded = money(a.amount, unit);
  if (a.limit === "min") return `mức tối thiểu / minimum ${rounded}`;
  if (a.limit === "cap") return `mức tối đa / cap ${rounded}`;
  if (weightTotal === 0 || a.weight === 0) return `hệ số 0 → ${rounded}`;
  const exact = formatVi(a.exact, 2);
  const shared = Math.abs(a.exact - (total * a.weight) / weightTotal) > 1e-6;
  const base = shared
    ? `${formatCoefficient(a.weight)} × phần còn lại sau mức tối thiểu/tối đa (share of the rest after min/cap) = ${exact}`
    : `${formatCoefficient(a.weight)} ÷ ${formatCoefficient(weightTotal)} × ${formatVi(total)} = ${exact}`;
  return `${base} → ${rounded}`;
}

function firstOrigin(request: PolicyAllocationRequest): SourceRef | undefined {
  return (
    request.policy.rules.find((r) => r.origin)?.origin ??
    request.communes.find((c) => c.source)?.source
  );
}

/**
 * Splits an envelope between communes by the coefficients a policy gives them. The amounts add up exactly to
 * the envelope (largest remainder); the minimum and cap apply as in allocateByCoefficients.
 */
export function allocateByPolicy(request: PolicyAllocationRequest): PolicyAllocationResult {
  const evaluations = evaluatePolicy(request.policy, request.communes, request.context);
  const units: AllocationUnit[] = evaluations.map((e, i) => {
    const source = request.communes[i].source;
    return { unit: e.unit, coefficient: e.coefficient, ...(source ? { source } : {}) };
  });
  const split = allocateByCoefficients({
    total: request.total,
    units,
    unit: request.unit,
    min: request.min,
    cap: request.cap,
    basis: "coefficient",
    // Coefficients that all come to 0 are the policy's doing: the error names its first rule (or, for a preset,
    // the first commune read).
    columns: { weight: firstOrigin(request) },
  });
  const allocations = split.allocations.map((a, i) => ({
    ...a,
    coefficient: evaluations[i].coefficient,
    rule: evaluations[i].rule,
    evaluation: evaluations[i],
    explanation: explainAmount(a, split.total, split.weightTotal, split.unit),
    attributes: request.communes[i],
  }));
  return { ...split, policy: request.policy, allocations };
}

/** Words for a commune's group and type combination, used by the summaries. */
export function groupLabel(c: CommuneAttributes): string {
  return c.group === undefined ? "Không ghi nhóm / no group" : `Nhóm ${c.group}`;
}

const FLAG_LABELS: [keyof NonNullable<CommuneAttributes["flags"]>, string][] = [
  ["atk", "ATK"],
  ["border", "Biên giới"],
  ["island", "Hải đảo"],
  ["specialZone", "Đặc khu"],
  ["difficult", "ĐBKK"],
];

export function typeLabel(c: CommuneAttributes): string {
  const parts = [
    ...(c.zone ? [`Khu vực ${c.zone}`] : []),
    ...FLAG_LABELS.filter(([f]) => c.flags?.[f]).map(([, label]) => label),
  ];
  return parts.length === 0 ? "Xã khác / other" : parts.join(" + ");
}

export interface AllocationSummaryRow {
  label: string;
  communes: number;
  coefficient: number;
  amount: number;
}

/**
 * Totals by a key (group, type combination), in first-seen order; each commune is in exactly one row, so the
 * rows add up to the envelope.
 */
export function summariseBy(
  allocations: readonly PolicyAllocation[],
  labelOf: (c: CommuneAttributes) => string
): AllocationSummaryRow[] {
  const rows = new Map<string, AllocationSummaryRow>();
  for (const a of allocations) {
    const label = labelOf(a.attributes);
    const row = rows.get(label) ?? { label, communes: 0, coefficient: 0, amount: 0 };
    row.communes += 1;
    row.coefficient += a.coefficient;
    row.amount += a.amount;
    rows.set(label, row);
  }
  return [...rows.values()];
}
