// The commune report form for a period: 2026-2030 rows from the province's indicator policy sheet (the catalogue
// ships no indicator names), earlier periods' rows from the catalogue. Used by the CLI and the pane alike.

import { CATALOGUE_2026_2030 } from "../../engine/catalogues";
import { findCatalogue } from "../../engine/catalogue-lookup";
import { InputError } from "../../engine/errors";
import { withIndicators } from "../../engine/indicators";
import type { Warning } from "../../engine/types";
import type { OutputSheet } from "../output";
import type { WorkbookPort } from "../port";
import { looksLikeIndicatorPolicy, readIndicatorPolicy } from "../readers/indicator-policy";
import { findInputSheet } from "../reading/sheet-finder";
import { communeFormSheet } from "../templates";

const POLICY_WHAT = { vi: "bảng chỉ tiêu theo nhóm xã", en: "indicator policy sheet" };

/**
 * The form for `period` (default: 2026-2030 when a policy workbook is given, else refused: without the policy there
 * are no indicator rows to write). `policy` is the workbook holding the province's policy sheet (the open workbook
 * in the pane, --indicators in the CLI), `sheet` its name when the user gave one.
 */
export async function communeFormTemplate(options: {
  period?: string;
  policy?: WorkbookPort;
  sheet?: string;
}): Promise<{ sheet: OutputSheet; warnings: Warning[]; policySheet?: string }> {
  const period = options.period?.trim() || (options.policy ? CATALOGUE_2026_2030.id : undefined);
  if (!period) {
    throw new InputError({
      found: "(không có bảng chỉ tiêu / no indicator policy)",
      expected: {
        vi: `bảng chỉ tiêu theo nhóm xã của tỉnh (--indicators TỆP) để có các dòng chỉ tiêu 2026-2030, hoặc --period 2021-2025 cho biểu theo tiêu chí`,
        en: `the province's indicator policy sheet (--indicators FILE) for the 2026-2030 indicator rows, or --period 2021-2025 for a form by criterion`,
      },
    });
  }
  const catalogue = findCatalogue(period);
  if (!catalogue.requiresGroup && (catalogue.indicators?.length ?? 0) === 0) {
    return { sheet: communeFormSheet({ catalogue }), warnings: [] };
  }
  const found = options.policy
    ? await findInputSheet(options.policy, {
        named: options.sheet,
        accepts: looksLikeIndicatorPolicy,
        what: POLICY_WHAT,
      })
    : null;
  if (!found) {
    throw new InputError({
      expected: {
        vi: `bảng chỉ tiêu theo nhóm xã (cột "Mã chỉ tiêu", "Tên chỉ tiêu", "Nhóm 1", "Nhóm 2", "Nhóm 3"): bộ tiêu chí ${catalogue.id} không kèm tên chỉ tiêu, các dòng của biểu lấy từ bảng của tỉnh`,
        en: `an indicator policy sheet (columns "Mã chỉ tiêu", "Tên chỉ tiêu", "Nhóm 1", "Nhóm 2", "Nhóm 3"): set ${catalogue.id} ships no indicator names, the form's rows come from the province's sheet`,
      },
    });
  }
  const indicators = readIndicatorPolicy(found.grid);
  const made = withIndicators(catalogue, indicators);
  return {
    sheet: communeFormSheet({ catalogue: made.catalogue, indicators: made.catalogue.indicators }),
    warnings: [...found.warnings, ...made.warnings.map((w) => ({ ...w, sheet: found.grid.sheet }))],
    policySheet: found.grid.sheet,
  };
}
