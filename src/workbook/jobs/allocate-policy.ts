// The "allocate" job by policy: each commune's coefficient computed from the commune sheet by a policy (a preset
// named by the user, or the user's own policy sheet), the envelope split by it, and optionally the province's
// top-up split by a second policy beside it.

import { sourceField } from "../output";
import { pushAll } from "../../engine/arrays";
import {
  ATTRIBUTE_WORDS,
  POLICY_PRESETS,
  allocateByPolicy,
  isPresetId,
  presetPolicy,
  ruleAttributes,
  unreadableRules,
  type AllocationPolicy,
  type AllocationSummaryRow,
  type PolicyAllocation,
  type PolicyAllocationResult,
  groupLabel,
  summariseBy,
  typeLabel,
} from "../../engine/allocation";
import { BUILT_IN_CATALOGUES, DEFAULT_PERIOD } from "../../engine/catalogues";
import { InputError, type Bilingual } from "../../engine/errors";
import { formatEn, formatVi } from "../../engine/numbers";
import type { Catalogue, Warning } from "../../engine/types";
import { findInputSheet, sheetNamed } from "../reading/sheet-finder";
import { noSheetHoldsIn } from "../reading/input-grid";
import type { WorkbookPort } from "../port";
import type { Grid } from "../grid";
import { readAllocationPolicyTable } from "../readers/allocation-policy";
import type { TableReading } from "../reading/types";
import { readAllocationCommunes, type AllocationCommunes } from "../readers/commune-attributes";
import { looksLikeCommunes } from "../readers/communes";
import { allocationPolicySheet } from "../writers/allocation";
import { jobPlanYear, withPlanYear } from "../reading/year";
import { withReading, type JobRequest, type JobResult } from "./job";
import { ALLOCATE_OPTIONS } from "./allocate-options";
import { choosePeriod, type PeriodChoice } from "../reading/period";
import type { Assumption } from "../assumptions";
import { mergedStatuses, withMerger } from "./merged-communes";
import { mergeMapFor } from "../reading/context";
import type { AllocateJson } from "../results";

const PRESET_LIST = POLICY_PRESETS.map((p) => p.id).join(", ");

/** The workbook the job reads: the one of any input given (the CLI and the pane pass the same workbook). */
function workbookOf(request: JobRequest): WorkbookPort {
  const ref = request.inputs.communes ?? request.inputs.policy ?? request.inputs.coefficients;
  if (!ref) {
    throw new InputError({
      expected: {
        vi: "một danh sách xã (đầu vào communes)",
        en: "a communes list (input communes)",
      },
    });
  }
  return ref.workbook;
}

/** What was read from each policy sheet (a preset has none). */
const POLICY_READINGS = new WeakMap<AllocationPolicy, TableReading>();

function readPolicySheet(grid: Grid): AllocationPolicy {
  const read = readAllocationPolicyTable(grid);
  POLICY_READINGS.set(read.policy, read.reading);
  return read.policy;
}

/** A sheet by its name as typed, found the way every job finds a named sheet. */
async function sheetByName(workbook: WorkbookPort, name: string): Promise<string | null> {
  return (await sheetNamed(workbook, name)) ?? null;
}

/** The policy an option names: a preset id, or the name of a policy sheet in the workbook. */
async function resolvePolicy(
  request: JobRequest,
  optionId: string,
  value: string
): Promise<AllocationPolicy> {
  if (isPresetId(value)) return presetPolicy(value);
  const workbook = request.inputs.policy?.workbook ?? workbookOf(request);
  const sheet = await sheetByName(workbook, value.trim());
  if (!sheet) {
    throw new InputError({
      options: [optionId],
      found: `${optionId} = ${value}`,
      expected: {
        vi: `chính sách phân bổ: một mẫu có sẵn (${PRESET_LIST}) hoặc tên một trang chính sách trong sổ (${(await workbook.sheetNames()).join(", ")})`,
        en: `an allocation policy: a preset (${PRESET_LIST}) or the name of a policy sheet in the workbook (${(await workbook.sheetNames()).join(", ")})`,
      },
    });
  }
  return readPolicySheet(await workbook.readSheet(sheet));
}

/** The central policy: the policy option, else a policy sheet the user chose as input; null for neither. */
export async function mainPolicy(request: JobRequest): Promise<AllocationPolicy | null> {
  const option = ALLOCATE_OPTIONS.parse(request.options).policy;
  if (option) {
    return resolvePolicy(request, "policy", option);
  }
  const ref = request.inputs.policy;
  if (ref?.sheet) return readPolicySheet(await ref.workbook.readSheet(ref.sheet));
  return null;
}

/** Why the data's period is what it is, said first when a policy of another period is refused. */
function periodBecause(choice: PeriodChoice): Bilingual {
  const y = choice.year;
  if (choice.reason === "year" && y) {
    const from =
      y.source === "option"
        ? {
            vi: `năm ${y.value} đã nhập (--${y.option ?? "year"})`,
            en: `the year ${y.value} given (--${y.option ?? "year"})`,
          }
        : { vi: `năm ${y.value} của số liệu`, en: `the data's year ${y.value}` };
    return {
      vi: `Giai đoạn của số liệu là ${choice.catalogue.id} vì ${from.vi} thuộc giai đoạn đó`,
      en: `The data's period is ${choice.catalogue.id} because ${from.en} falls in it`,
    };
  }
  return {
    vi: `Giai đoạn của số liệu là ${choice.catalogue.id}: ${choice.note.vi}`,
    en: `The data's period is ${choice.catalogue.id}: ${choice.note.en}`,
  };
}

/**
 * The criteria set the communes are read with: the data's period (the year option, else the data's year, else the
 * sheet's look), which every policy must share. A policy of another period is refused naming both; a policy sheet
 * stating none is taken to match, and said as assumed. Only when the data say nothing does a policy's period choose.
 * For a set read per indicator (2026-2030) its indicators come from the indicator policy sheet as for every other
 * job, so a status given as raw values per indicator is evaluated, not refused.
 */
async function catalogueFor(
  request: JobRequest,
  policies: { policy: AllocationPolicy; role: Bilingual }[]
): Promise<{
  catalogue: Catalogue;
  warnings: Warning[];
  assumptions: Assumption[];
  readings: TableReading[];
}> {
  const status = request.inputs.communes ?? { workbook: workbookOf(request) };
  const data = await choosePeriod(request, [], status);
  const assumptions: Assumption[] = [];
  const stated = policies.find((p) => p.policy.period);
  let period = data.catalogue.id;
  if (data.reason === "default" && stated) {
    period = stated.policy.period!;
    assumptions.push({
      what: { vi: "Giai đoạn của số liệu", en: "The data's period" },
      value: period,
      why: {
        vi: `số liệu không cho biết năm hay giai đoạn; lấy theo chính sách ${stated.policy.id}`,
        en: `the data give no year or period; taken from the policy ${stated.policy.id}`,
      },
    });
  }
  for (const { policy, role } of policies) {
    if (!policy.period) {
      assumptions.push({
        what: {
          vi: `Giai đoạn của ${role.vi.toLowerCase()} (${policy.id})`,
          en: `Period of the ${role.en.toLowerCase()} policy (${policy.id})`,
        },
        value: period,
        why: {
          vi: `trang chính sách không ghi giai đoạn (ô "Giai đoạn" hoặc tiêu đề): coi là cùng giai đoạn với số liệu`,
          en: `the policy sheet states no period (a "Giai đoạn" cell or its title): taken to match the data`,
        },
      });
      continue;
    }
    if (policy.period === period) continue;
    const because = periodBecause(data);
    const where = policy.periodFrom
      ? {
          vi: `trang '${policy.periodFrom.sheet}' ô ${policy.periodFrom.cell}`,
          en: `sheet '${policy.periodFrom.sheet}' cell ${policy.periodFrom.cell}`,
        }
      : { vi: "mẫu có sẵn", en: "preset" };
    throw new InputError({
      because,
      ...(policy.periodFrom
        ? { sheet: policy.periodFrom.sheet, cell: policy.periodFrom.cell }
        : {}),
      found: `${role.vi} ${policy.id} (${policy.period}, ${where.vi})`,
      expected: {
        vi: `chính sách của giai đoạn ${period}, cùng giai đoạn với số liệu: chính sách giai đoạn ${policy.period} không áp dụng cho số liệu giai đoạn ${period}${data.reason === "year" ? " (đổi năm hoặc chọn chính sách khác)" : ""}`,
        en: `a policy of the period ${period}, the data's: a ${policy.period} policy does not apply to ${period} data${data.reason === "year" ? " (change the year or the policy)" : ""}`,
      },
    });
  }
  const builtIn =
    BUILT_IN_CATALOGUES.find((c) => c.id === period) ??
    BUILT_IN_CATALOGUES.find((c) => c.id === DEFAULT_PERIOD)!;
  if (builtIn.id === data.catalogue.id) {
    return {
      catalogue: data.catalogue,
      warnings: data.warnings,
      assumptions,
      readings: data.readings,
    };
  }
  if (!builtIn.requiresGroup) {
    return { catalogue: builtIn, warnings: data.warnings, assumptions, readings: data.readings };
  }
  const choice = await choosePeriod(
    { ...request, options: { ...request.options, period: builtIn.id } },
    [],
    status
  );
  return {
    catalogue: choice.catalogue,
    warnings: choice.warnings,
    assumptions,
    readings: choice.readings,
  };
}

async function readCommunesFor(
  request: JobRequest,
  catalogue: Catalogue
): Promise<AllocationCommunes> {
  const ref = request.inputs.communes;
  const workbook = workbookOf(request);
  const found = await findInputSheet(workbook, {
    named: ref?.sheet,
    accepts: (grid) => looksLikeCommunes(grid, catalogue),
    what: { vi: "danh sách xã", en: "communes list" },
  });
  if (found) return readAllocationCommunes(found.grid, catalogue);
  throw await noSheetHoldsIn(workbook, {
    what: { vi: "danh sách xã", en: "communes list" },
    needed: {
      vi: 'một trang có cột "Tên xã" và "Số tiêu chí đạt" (hoặc "Tiêu chí đạt", TC1…), cùng các cột loại xã mà chính sách đọc (Khu vực, ATK, Biên giới…)',
      en: 'a sheet with "Tên xã" and "Số tiêu chí đạt" (or "Tiêu chí đạt", TC1…), and the type columns the policy reads (Khu vực, ATK, Biên giới…)',
    },
  });
}

/**
 * Rules the commune sheet cannot feed: an error when no rule but the catch-all ones can be applied (every commune
 * would silently get the same coefficient), otherwise a warning per rule naming the missing column.
 */
function checkReadable(
  policy: AllocationPolicy,
  communes: AllocationCommunes,
  year: number | undefined
): Warning[] {
  const available = new Set(communes.available);
  const needsYear = policy.rules.filter((r) => ruleAttributes(r).has("registered"));
  if (needsYear.length > 0 && year === undefined) {
    throw new InputError({
      sheet: needsYear[0].origin?.sheet,
      cell: needsYear[0].origin?.cell,
      found: needsYear[0].label,
      expected: {
        vi: `năm phân bổ (year) để biết xã nào đăng ký đạt chuẩn trong năm (quy tắc "${needsYear[0].label}")`,
        en: `the allocation year (year) to tell which communes registered for the standard that year (rule "${needsYear[0].label}")`,
      },
    });
  }
  const unreadable = unreadableRules(policy, available);
  const specific = policy.rules.filter((r) => ruleAttributes(r).size > 0);
  if (specific.length > 0 && unreadable.length === specific.length) {
    const missing = [...new Set(unreadable.flatMap((u) => u.missing))];
    // A policy sheet's rule row is the cell to point at; a preset has none, so the communes sheet is named.
    const origin = unreadable[0].rule.origin;
    throw new InputError({
      sheet: origin?.sheet ?? communes.sheet,
      cell: origin?.cell,
      found: `${policy.id}: ${missing.map((a) => ATTRIBUTE_WORDS[a].vi).join(", ")}`,
      expected: {
        vi: `trang danh sách xã có ít nhất một cột mà chính sách đọc: ${missing.map((a) => ATTRIBUTE_WORDS[a].vi).join(", ")} (nếu không mọi xã nhận cùng một hệ số)`,
        en: `a communes sheet with at least one column the policy reads: ${missing.map((a) => ATTRIBUTE_WORDS[a].en).join(", ")} (otherwise every commune gets the same coefficient)`,
      },
    });
  }
  return unreadable.map(({ rule, missing }) => {
    const where = rule.origin ? ` (ô ${rule.origin.cell})` : ` (dòng ${rule.row})`;
    const whereEn = rule.origin ? ` (cell ${rule.origin.cell})` : ` (row ${rule.row})`;
    // The rule that applies to no commune is the row the warning rests on.
    return {
      ...(rule.origin
        ? { sheet: rule.origin.sheet, cell: rule.origin.cell }
        : { sheet: communes.sheet }),
      vi: `Trang '${communes.sheet}' không có cột ${missing.map((a) => ATTRIBUTE_WORDS[a].vi).join(", ")}: quy tắc "${rule.label}"${where} của ${policy.id} không áp dụng cho xã nào`,
      en: `Sheet '${communes.sheet}' has no ${missing.map((a) => ATTRIBUTE_WORDS[a].en).join(", ")} column: rule "${rule.label}"${whereEn} of ${policy.id} applies to no commune`,
    };
  });
}

function presetWarning(policy: AllocationPolicy, role: Bilingual): Warning[] {
  if (!policy.preset) return [];
  const deprecation = policy.deprecation
    ? [{ vi: `${role.vi}: ${policy.deprecation.vi}`, en: `${role.en}: ${policy.deprecation.en}` }]
    : [];
  return [
    ...deprecation,
    {
      vi: `${role.vi}: dùng chính sách mẫu ${policy.id} — ${policy.title.vi}. ${policy.caution ? `${policy.caution.vi}. ` : ""}Cần đối chiếu văn bản hiện hành; có thể chèn mẫu vào sổ để sửa.`,
      en: `${role.en}: using the preset ${policy.id} — ${policy.title.en}. ${policy.caution ? `${policy.caution.en}. ` : ""}Check against the text in force; the preset can be inserted into the workbook and edited.`,
    },
  ];
}

function zeroWarnings(result: PolicyAllocationResult): Warning[] {
  return result.allocations
    .filter((a) => a.evaluation.applied.length === 0)
    .map((a) => ({
      sheet: a.attributes.source?.sheet,
      cell: a.attributes.source?.cell,
      vi: `Xã ${a.unit}${a.attributes.source ? ` (ô ${a.attributes.source.cell})` : ""} không khớp quy tắc nào của ${result.policy.id}: hệ số 0${a.amount > 0 ? `, chỉ nhận mức tối thiểu ${formatVi(a.amount)}` : ", không được phân bổ"}`,
      en: `${a.unit} matches no rule of ${result.policy.id}: coefficient 0${a.amount > 0 ? `, gets only the minimum ${formatEn(a.amount)}` : ", gets nothing"}`,
    }));
}

const CENTRAL: Bilingual = { vi: "Vốn trung ương", en: "Central envelope" };
const TOP_UP: Bilingual = { vi: "Vốn tỉnh bổ sung", en: "Province top-up" };

function allocationJson(a: PolicyAllocation) {
  return {
    unit: a.unit,
    coefficient: a.coefficient,
    amount: a.amount,
    rule: a.rule,
    share: a.share,
    displayedShare: a.displayedShare,
    exact: a.exact,
    limit: a.limit,
    explanation: a.explanation,
    rules: a.evaluation.applied.map((h) => ({
      row: h.row,
      condition: h.label,
      mode: h.mode,
      coefficient: h.coefficient,
      quantity: h.quantity,
      value: h.value,
      ...(h.source ? { source: h.source } : {}),
    })),
    alsoMatched: a.evaluation.alsoMatched.map((h) => h.text),
    inputs: {
      ...(a.attributes.source ? { cell: a.attributes.source.cell } : {}),
      criteriaMet: a.attributes.criteriaMet,
      ...(a.attributes.tier ? { tier: a.attributes.tier } : {}),
      ...(a.attributes.group !== undefined ? { group: a.attributes.group } : {}),
      type: typeLabel(a.attributes),
      ...(a.attributes.difficultVillages !== undefined
        ? { difficultVillages: a.attributes.difficultVillages }
        : {}),
      ...(a.attributes.registeredYear !== undefined
        ? { registeredYear: a.attributes.registeredYear }
        : {}),
      ...(a.attributes.need !== undefined ? { need: a.attributes.need } : {}),
    },
  };
}

function policyJson(policy: AllocationPolicy) {
  return {
    id: policy.id,
    title: policy.title,
    preset: policy.preset,
    ...(policy.period ? { period: policy.period } : {}),
    ...(policy.caution ? { caution: policy.caution } : {}),
    rules: policy.rules.map((r) => ({
      row: r.row,
      condition: r.label,
      coefficient: r.coefficient,
      mode: r.mode,
      ...(r.source ? { source: r.source } : {}),
      ...(r.note ? { note: r.note } : {}),
      ...(r.origin ? { cell: r.origin.cell, sheet: r.origin.sheet } : {}),
    })),
  };
}

export interface PolicySplit {
  central: PolicyAllocationResult;
  topUp?: PolicyAllocationResult;
  byGroup: AllocationSummaryRow[];
  byType: AllocationSummaryRow[];
  communesSheet: string;
}

function textLines(split: PolicySplit): string {
  const { central, topUp } = split;
  const head = (r: PolicyAllocationResult, role: Bilingual) =>
    `${role.vi}: ${formatVi(r.total)} triệu đồng theo ${r.policy.id}${r.policy.preset ? " (mẫu có sẵn, cần đối chiếu văn bản hiện hành / preset, check against the text in force)" : ""} — ${r.policy.title.vi}`;
  const lines = [
    `Phân bổ cho ${central.allocations.length} xã (trang '${split.communesSheet}') / Allocation to ${central.allocations.length} communes`,
    head(central, CENTRAL),
    ...(topUp ? [head(topUp, TOP_UP)] : []),
  ];
  central.allocations.forEach((a, i) => {
    const t = topUp?.allocations[i];
    lines.push(
      `${a.unit}: hệ số ${formatVi(a.coefficient, a.coefficient % 1 === 0 ? 0 : 2)} (${a.rule}) → ${formatVi(a.amount)}` +
        (t
          ? `; tỉnh: ${t.rule} → ${formatVi(t.amount)}; cộng ${formatVi(a.amount + t.amount)}`
          : "")
    );
  });
  lines.push(
    `Theo nhóm xã / by group: ${split.byGroup.map((g) => `${g.label} ${g.communes} xã ${formatVi(g.amount)}`).join("; ")}`
  );
  lines.push(
    `Theo loại xã / by type: ${split.byType.map((g) => `${g.label} ${g.communes} xã ${formatVi(g.amount)}`).join("; ")}`
  );
  return lines.join("\n");
}

/** Runs the allocate job by policy (the central policy is given), with the optional top-up. */
export async function runPolicyAllocation(
  request: JobRequest,
  policy: AllocationPolicy
): Promise<JobResult> {
  const o = ALLOCATE_OPTIONS.parse(request.options);
  const total = o.total as number;
  const { unit, min, cap } = o;
  const topUpTotal = o["top-up"];
  const topUpName = o["top-up-policy"] ?? "";
  if ((topUpTotal === undefined) !== (topUpName === "")) {
    throw new InputError({
      options: ["top-up", "top-up-policy"],
      found: topUpTotal === undefined ? `top-up-policy = ${topUpName}` : `top-up = ${topUpTotal}`,
      expected: {
        vi: "vốn tỉnh bổ sung (top-up) cùng với chính sách phân bổ của nó (top-up-policy), hoặc không cả hai",
        en: "the province top-up (top-up) together with its policy (top-up-policy), or neither",
      },
    });
  }
  if (o.basis !== undefined) {
    throw new InputError({
      options: ["basis"],
      found: `basis = ${o.basis}`,
      expected: {
        vi: "phân bổ theo chính sách tính hệ số từ danh sách xã; bỏ basis (chỉ dùng với trang hệ số)",
        en: "a policy computes coefficients from the communes list; leave out basis (for a coefficients sheet only)",
      },
    });
  }
  const topUpPolicy = topUpName
    ? await resolvePolicy(request, "top-up-policy", topUpName)
    : undefined;
  const period = await catalogueFor(request, [
    { policy, role: CENTRAL },
    ...(topUpPolicy ? [{ policy: topUpPolicy, role: TOP_UP }] : []),
  ]);
  const communes = await readCommunesFor(request, period.catalogue);
  // The allocation year: the option, else the run's, else the communes sheet's (title, year column, status date).
  const settled = await jobPlanYear(request, o.year, [
    [{ workbook: workbookOf(request), sheet: communes.sheet }, "communes"],
  ]);
  const year = settled.year?.value;
  // A communes sheet of old communes: carried to the merged communes where it can be, else refused.
  const mergeMap = await mergeMapFor(request, workbookOf(request));
  const merged = mergedStatuses(mergeMap, communes.read.communes, communes.sheet);
  if (merged.rollUp) {
    communes.communes = communes.communes.map((c, i) => ({ ...c, unit: merged.communes[i].name }));
  }
  const warnings: Warning[] = [
    ...settled.warnings,
    // choosePeriod (2026-2030 policies) settles the same year: its warnings are not said twice.
    ...period.warnings.filter((w) => !settled.warnings.some((x) => x.vi === w.vi)),
    ...presetWarning(policy, CENTRAL),
    ...(topUpPolicy ? presetWarning(topUpPolicy, TOP_UP) : []),
    ...checkReadable(policy, communes, year),
    ...(topUpPolicy ? checkReadable(topUpPolicy, communes, year) : []),
    ...communes.read.warnings,
  ];
  const context = year === undefined ? {} : { year };
  const central = allocateByPolicy({
    total,
    policy,
    communes: communes.communes,
    unit,
    min,
    cap,
    context,
  });
  const topUp =
    topUpPolicy && topUpTotal !== undefined
      ? allocateByPolicy({
          total: topUpTotal,
          policy: topUpPolicy,
          communes: communes.communes,
          unit,
          context,
        })
      : undefined;
  pushAll(warnings, zeroWarnings(central));
  if (topUp) pushAll(warnings, zeroWarnings(topUp));
  const combined: PolicyAllocation[] = central.allocations.map((a, i) =>
    topUp ? { ...a, amount: a.amount + topUp.allocations[i].amount } : a
  );
  const split: PolicySplit = {
    central,
    ...(topUp ? { topUp } : {}),
    byGroup: summariseBy(combined, groupLabel),
    byType: summariseBy(combined, typeLabel),
    communesSheet: communes.sheet,
  };
  const result: JobResult = {
    reading: [],
    json: {
      sheet: communes.sheet,
      mode: "policy",
      basis: "coefficient",
      total: central.total,
      unit: central.unit,
      policy: policyJson(policy),
      allocations: central.allocations.map((a, i) => ({
        ...allocationJson(a),
        ...sourceField(a.attributes),
        ...(topUp
          ? {
              topUp: {
                coefficient: topUp.allocations[i].coefficient,
                amount: topUp.allocations[i].amount,
                rule: topUp.allocations[i].rule,
                explanation: topUp.allocations[i].explanation,
              },
              combined: a.amount + topUp.allocations[i].amount,
            }
          : {}),
      })),
      ...(topUp ? { topUp: { total: topUp.total, policy: policyJson(topUp.policy) } } : {}),
      summaries: {
        byGroup: split.byGroup,
        byType: split.byType,
      },
      warnings,
    } satisfies AllocateJson,
    text: textLines(split),
    sheets: [allocationPolicySheet(split)],
    warnings,
    assumptions: period.assumptions,
  };
  const readings = [
    communes.reading,
    POLICY_READINGS.get(policy),
    topUpPolicy ? POLICY_READINGS.get(topUpPolicy) : undefined,
    ...period.readings,
    mergeMap?.reading,
  ];
  return withMerger(
    withPlanYear(withReading(result, readings), settled.year, request),
    [merged.rollUp],
    "NTM_PhanBo_SapNhap"
  );
}
