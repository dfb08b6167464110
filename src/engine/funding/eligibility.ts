// The 2026-2030 programme's rule on central funds, as reported of the draft (no decision number confirmed): only provinces
// that receive budget-balancing transfers from the central budget get central funds, with priority for those whose
// share of balancing support is at least 70%.

import { RULE_2026_2030 } from "../allocation/presets";
import { supportSharePercent } from "./counterpart";

/** Priority threshold of the share of central balancing support, in percent (as reported; to check). */
export const PRIORITY_SUPPORT_SHARE = 70;

export const ELIGIBILITY_SOURCE = `${RULE_2026_2030.vi} / ${RULE_2026_2030.en}`;

export interface ProgrammeEligibility {
  /** The province's share of central balancing support, percent. */
  supportShare: number;
  /** Receives balancing transfers (share > 0): eligible for central funds. */
  eligible: boolean;
  /** Share ≥ 70%: priority. */
  priority: boolean;
  threshold: number;
  source: string;
  /** "hỗ trợ cân đối 75% ≥ 70% → được hỗ trợ, ưu tiên". */
  text: string;
}

/** Eligibility and priority of a province for the 2026-2030 programme's central funds, from its support share. */
export function programmeEligibility(supportShare: number): ProgrammeEligibility {
  const p = supportSharePercent(supportShare);
  const eligible = p > 0;
  const priority = p >= PRIORITY_SUPPORT_SHARE;
  const shown = p.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
  const text = !eligible
    ? `hỗ trợ cân đối ${shown}% → không nhận bổ sung cân đối, không thuộc diện được NSTW hỗ trợ / not eligible`
    : priority
      ? `hỗ trợ cân đối ${shown}% ≥ ${PRIORITY_SUPPORT_SHARE}% → được NSTW hỗ trợ, thuộc diện ưu tiên / eligible, priority`
      : `hỗ trợ cân đối ${shown}% < ${PRIORITY_SUPPORT_SHARE}% → được NSTW hỗ trợ, không thuộc diện ưu tiên / eligible, not priority`;
  return {
    supportShare: p,
    eligible,
    priority,
    threshold: PRIORITY_SUPPORT_SHARE,
    source: ELIGIBILITY_SOURCE,
    text,
  };
}
