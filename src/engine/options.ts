// Job options declared once: each field is a zod schema plus the metadata the CLI, `--help`, the task-pane form and
// the validation errors are generated from. Adding an option to a job means adding one field to its declaration.

import { z } from "zod";
import { InputError, type Bilingual } from "./errors";
import { ambiguousNumberRefusal, readNumber } from "./numbers";

/** Units an option is counted in; shown in `--help`, in the form's label and in errors. */
export const UNITS = {
  criteria: { vi: "tiêu chí", en: "criteria" },
  "million-vnd": { vi: "triệu đồng", en: "million VND" },
  ratio: { vi: "tỷ lệ", en: "ratio" },
  percent: { vi: "%", en: "%" },
  year: { vi: "năm", en: "year" },
  communes: { vi: "xã", en: "communes" },
  "criteria-per-year": { vi: "tiêu chí/xã/năm", en: "criteria per commune per year" },
  "communes-per-year": { vi: "xã/năm", en: "communes per year" },
  seconds: { vi: "giây", en: "seconds" },
  decimals: { vi: "chữ số thập phân", en: "decimals" },
  sheet: { vi: "tên trang tính", en: "sheet name" },
} as const satisfies Record<string, Bilingual>;

export type OptionUnit = keyof typeof UNITS;

export type OptionValue = string | number | boolean;

/** One option as every front end sees it. `id` is the key in the job's options and the CLI flag (--id). */
export interface JobOptionSpec {
  id: string;
  label: Bilingual;
  type: "number" | "text" | "choice" | "boolean";
  unit?: OptionUnit;
  help?: Bilingual;
  default?: OptionValue;
  /** What an absent value means when there is no default ("không giới hạn / no limit"). */
  absent?: Bilingual;
  min?: number;
  max?: number;
  /** The value must be strictly greater than `min`. */
  exclusiveMin?: boolean;
  integer?: boolean;
  /** "65%" is read as 0.65; otherwise a percent sign is refused. */
  percent?: boolean;
  choices?: { value: string; label: Bilingual }[];
  /** Another accepted spelling of a choice, mapped to its value (e.g. "exact" → "optimal"). */
  aliases?: Record<string, string>;
  /** A value to show in `--help` and in the form's placeholder, e.g. "16". */
  example: string;
  required?: boolean;
}

type Spec = Omit<JobOptionSpec, "id">;

/**
 * A declared option: its spec and the zod schema that reads and checks a raw value (number, text, boolean). The
 * schema is built from the spec when first used (a job's run, `--help`, the form), not when the module loads: the
 * CLI's start-up would otherwise build every job's schemas.
 */
export interface OptionField<T> {
  spec: Spec;
  readonly schema: z.ZodType<T, z.ZodTypeDef, unknown>;
}

/** A field whose schema is built from its spec on first use, then kept. */
function lazyField<T>(
  spec: Spec,
  build: (spec: Spec) => z.ZodType<T, z.ZodTypeDef, unknown>
): OptionField<T> {
  let schema: z.ZodType<T, z.ZodTypeDef, unknown> | undefined;
  return {
    spec,
    get schema() {
      return (schema ??= build(spec));
    },
  };
}

type Raw = OptionValue | null | undefined;

const isBlank = (raw: unknown): boolean =>
  raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");

/** The reason a value was refused, carried by the zod issue so the error can say it. */
interface Refusal {
  refusal: Bilingual;
}

function refuse(ctx: z.RefinementCtx, refusal: Bilingual): typeof z.NEVER {
  ctx.addIssue({ code: z.ZodIssueCode.custom, params: { refusal } satisfies Refusal });
  return z.NEVER;
}

/** What a number option expects, in words: "số nguyên ≥ 0 (tiêu chí)". */
export function describeExpected(spec: Spec): Bilingual {
  if (spec.type === "choice") {
    const values = (spec.choices ?? []).map((c) => `"${c.value}"`).join(", ");
    return { vi: `một trong ${values}`, en: `one of ${values}` };
  }
  if (spec.type === "boolean") return { vi: "có/không", en: "yes/no" };
  if (spec.type === "text") return { vi: "một đoạn chữ", en: "text" };
  const kind = spec.integer
    ? { vi: "số nguyên", en: "a whole number" }
    : { vi: "một số", en: "a number" };
  const bounds: string[] = [];
  if (spec.min !== undefined) bounds.push(`${spec.exclusiveMin ? ">" : "≥"} ${spec.min}`);
  if (spec.max !== undefined) bounds.push(`≤ ${spec.max}`);
  const range = bounds.length > 0 ? ` ${bounds.join(", ")}` : "";
  const unit = spec.unit ? ` (${UNITS[spec.unit].vi})` : "";
  const unitEn = spec.unit ? ` (${UNITS[spec.unit].en})` : "";
  return { vi: `${kind.vi}${range}${unit}`, en: `${kind.en}${range}${unitEn}` };
}

function numberSchema(spec: Spec): z.ZodType<number | undefined, z.ZodTypeDef, unknown> {
  return z.custom<Raw>().transform((raw, ctx): number | undefined => {
    if (isBlank(raw) || raw === false) return spec.default as number | undefined;
    let value: number;
    if (typeof raw === "number") value = raw;
    else if (typeof raw === "string") {
      const reading = readNumber(raw);
      if (!reading) return refuse(ctx, describeExpected(spec));
      if (reading.ambiguity) return refuse(ctx, ambiguousNumberRefusal(raw));
      if (reading.percent && !spec.percent) return refuse(ctx, describeExpected(spec));
      value = reading.value;
    } else return refuse(ctx, describeExpected(spec));
    const low =
      spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min);
    const high = spec.max !== undefined && value > spec.max;
    if (!Number.isFinite(value) || (spec.integer && !Number.isInteger(value)) || low || high)
      return refuse(ctx, describeExpected(spec));
    return value;
  });
}

function textSchema(spec: Spec): z.ZodType<string | undefined, z.ZodTypeDef, unknown> {
  return z.custom<Raw>().transform((raw, ctx): string | undefined => {
    if (isBlank(raw) || raw === false) return spec.default as string | undefined;
    if (typeof raw !== "string" && typeof raw !== "number")
      return refuse(ctx, describeExpected(spec));
    return String(raw).trim();
  });
}

function choiceSchema(spec: Spec): z.ZodType<string | undefined, z.ZodTypeDef, unknown> {
  return z.custom<Raw>().transform((raw, ctx): string | undefined => {
    if (isBlank(raw) || raw === false) return spec.default as string | undefined;
    const text = String(raw).trim().toLowerCase();
    const value = spec.aliases?.[text] ?? text;
    const choice = (spec.choices ?? []).find((c) => c.value === value);
    return choice ? choice.value : refuse(ctx, describeExpected(spec));
  });
}

function booleanSchema(spec: Spec): z.ZodType<boolean, z.ZodTypeDef, unknown> {
  return z.custom<Raw>().transform((raw, ctx): boolean => {
    if (isBlank(raw)) return (spec.default as boolean | undefined) ?? false;
    if (typeof raw === "boolean") return raw;
    const text = String(raw).trim().toLowerCase();
    if (["1", "true", "yes", "có", "co"].includes(text)) return true;
    if (["0", "false", "no", "không", "khong"].includes(text)) return false;
    return refuse(ctx, describeExpected(spec));
  });
}

/** The zod schema of an option, from its spec alone: the form, the CLI and the job all read values through it. */
export function optionSchema(spec: Spec): z.ZodType<unknown, z.ZodTypeDef, unknown> {
  // Built once per declaration: a worksheet function reads its options on every call.
  const cached = schemas.get(spec);
  if (cached) return cached;
  let schema: z.ZodType<unknown, z.ZodTypeDef, unknown>;
  switch (spec.type) {
    case "number":
      schema = numberSchema(spec);
      break;
    case "choice":
      schema = choiceSchema(spec);
      break;
    case "boolean":
      schema = booleanSchema(spec);
      break;
    default:
      schema = textSchema(spec);
  }
  schemas.set(spec, schema);
  return schema;
}

const schemas = new WeakMap<Spec, z.ZodType<unknown, z.ZodTypeDef, unknown>>();

/** A number option: integer, bounds and unit are part of its declaration. */
export function numberOption(
  spec: Omit<Spec, "type" | "default"> & { default?: number }
): OptionField<number | undefined> {
  return lazyField({ ...spec, type: "number" }, numberSchema);
}

/** A text option (a sheet name, a period id); blank is absent. */
export function textOption(
  spec: Omit<Spec, "type" | "default"> & { default?: string }
): OptionField<string | undefined> {
  return lazyField({ ...spec, type: "text" }, textSchema);
}

/** One of a few values; aliases are accepted spellings; case and spaces do not matter. */
export function choiceOption<V extends string>(
  spec: Omit<Spec, "type" | "default" | "choices"> & {
    choices: { value: V; label: Bilingual }[];
    default?: V;
  }
): OptionField<V | undefined> {
  return lazyField(
    { ...spec, type: "choice" },
    choiceSchema as (spec: Spec) => z.ZodType<V | undefined, z.ZodTypeDef, unknown>
  );
}

/** A yes/no option (a CLI switch, a toggle in the form). */
export function booleanOption(
  spec: Omit<Spec, "type" | "default"> & { default?: boolean }
): OptionField<boolean> {
  return lazyField({ ...spec, type: "boolean" }, booleanSchema);
}

type Fields = Record<string, OptionField<unknown>>;
export type OptionValues<F extends Fields> = { [K in keyof F]: z.output<F[K]["schema"]> };

/** A job's options: the specs every front end is generated from, and the one function that reads them. */
export interface JobOptions<F extends Fields> {
  specs: JobOptionSpec[];
  fields: F;
  /** Built on first use, with the fields' schemas (see OptionField). */
  readonly schema: z.ZodType<OptionValues<F>, z.ZodTypeDef, unknown>;
  /** Reads raw values (CLI text, form values, numbers); an InputError names the first bad option in both languages. */
  parse(raw: Record<string, Raw>): OptionValues<F>;
}

/** The error for one option: its label and flag, what was given and what is expected. */
export function optionError(spec: JobOptionSpec, raw: unknown, reason?: Bilingual): InputError {
  const expected = reason ?? describeExpected(spec);
  const example =
    spec.example && !reason
      ? { vi: `, ví dụ ${spec.example}`, en: `, e.g. ${spec.example}` }
      : { vi: "", en: "" };
  return new InputError({
    found: isBlank(raw) ? `--${spec.id}: (trống / missing)` : `--${spec.id} ${String(raw)}`,
    expected: {
      vi: `${spec.label.vi} (--${spec.id}): ${expected.vi}${example.vi}`,
      en: `${spec.label.en} (--${spec.id}): ${expected.en}${example.en}`,
    },
  });
}

export function declareOptions<F extends Fields>(fields: F): JobOptions<F> {
  const specs: JobOptionSpec[] = Object.entries(fields).map(([id, f]) => ({ id, ...f.spec }));
  let built: z.ZodType<OptionValues<F>, z.ZodTypeDef, unknown> | undefined;
  const schema = () =>
    (built ??= z.object(
      Object.fromEntries(Object.entries(fields).map(([id, f]) => [id, f.schema]))
    ) as unknown as z.ZodType<OptionValues<F>, z.ZodTypeDef, unknown>);
  return {
    specs,
    fields,
    get schema() {
      return schema();
    },
    parse(raw) {
      const result = schema().safeParse(raw);
      if (!result.success) {
        const issue = result.error.issues[0];
        const id = String(issue.path[0]);
        const spec = specs.find((s) => s.id === id)!;
        const params = (issue as { params?: Partial<Refusal> }).params;
        throw optionError(spec, raw[id], params?.refusal);
      }
      for (const spec of specs) {
        const value = (result.data as Record<string, unknown>)[spec.id];
        if (spec.required && value === undefined) {
          const what = describeExpected(spec);
          throw optionError(spec, raw[spec.id], {
            vi: `bắt buộc, ${what.vi}, ví dụ ${spec.example}`,
            en: `required, ${what.en}, e.g. ${spec.example}`,
          });
        }
      }
      return result.data;
    },
  };
}

/** Checks one value of one option as the form's field does while the user types: null when it is fine. */
export function checkOption(spec: JobOptionSpec, raw: Raw): string | null {
  const result = optionSchema(spec).safeParse(raw);
  if (result.success) return null;
  const params = (result.error.issues[0] as { params?: Partial<Refusal> }).params;
  return optionError(spec, raw, params?.refusal).message;
}

/** Reads one value by its spec alone (for `plan`, which shares its flags with several jobs); errors name the option. */
export function readOption(spec: JobOptionSpec, raw: Raw): unknown {
  const result = optionSchema(spec).safeParse(raw);
  if (result.success) return result.data;
  const params = (result.error.issues[0] as { params?: Partial<Refusal> }).params;
  throw optionError(spec, raw, params?.refusal);
}

/** Every year option's range: the programme's years, and far enough ahead for any plan. */
export const YEAR_RANGE = { min: 2000, max: 2200 } as const;

type YearSpec = Omit<
  Spec,
  "type" | "default" | "unit" | "integer" | "min" | "max" | "exclusiveMin" | "percent"
>;

/** A year option (the plan year, a roadmap's first or last year): a whole year in YEAR_RANGE, everywhere. */
export function yearOption(spec: YearSpec): OptionField<number | undefined> {
  return numberOption({ ...spec, unit: "year", integer: true, ...YEAR_RANGE });
}

const PLAN_YEAR: YearSpec = {
  label: { vi: "Năm kế hoạch", en: "Plan year" },
  absent: {
    vi: 'lấy từ số liệu (cột năm, tiêu đề trang như "đến cuối năm 2023" → 2024, ngày số liệu)',
    en: 'taken from the data (a year column, the sheet\'s title such as "đến cuối năm 2023" → 2024, the status date)',
  },
  help: {
    vi: "Chọn giai đoạn hiện hành của năm (2027 → 2026-2030) khi không ghi giai đoạn",
    en: "Picks the period in force for the year (2027 → 2026-2030) when no period is given",
  },
  example: "2027",
};

/**
 * The plan year option ("year"), declared once for every job that takes it (src/workbook/reading/year.ts settles it
 * with the data); a job may name it and say what it uses it for in its own words.
 */
export function planYearOption(
  words: Partial<Pick<YearSpec, "label" | "help" | "example">> = {}
): OptionField<number | undefined> {
  return yearOption({ ...PLAN_YEAR, ...words });
}

/** The plan year option with its general words (summary, counterpart, roadmap, the period's choice). */
export const PLAN_YEAR_OPTION = planYearOption();

const FRAME_BLANK: Bilingual = {
  vi: "in “……” để điền tay",
  en: "printed as “……” to fill in by hand",
};

/** A field of the report's document frame: text, a dotted blank when not given. */
function frameField(label: Bilingual, example: string, help?: Bilingual) {
  return textOption({ label, absent: FRAME_BLANK, example, ...(help ? { help } : {}) });
}

/**
 * The report's administrative document frame (Nghị định 30/2020/NĐ-CP), declared once: the CLI flags of `report`,
 * its `--help` and the pane's report form are generated from it. The frame is printed with --frame or when any of
 * its fields is given; each field not given is left as a dotted blank.
 */
export const REPORT_FRAME_OPTIONS = declareOptions({
  frame: booleanOption({
    label: {
      vi: "Trình bày theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
      en: "Lay out as an administrative document (Decree 30/2020/NĐ-CP)",
    },
    help: {
      vi: "Quốc hiệu, tiêu ngữ, cơ quan ban hành, số và ký hiệu, địa danh và ngày, chữ ký, nơi nhận; tự bật khi điền một ô dưới đây",
      en: "National title, motto, issuing agency, number and symbol, place and date, signature, recipients; on when any field below is filled",
    },
    example: "",
  }),
  "superior-agency": frameField(
    { vi: "Cơ quan chủ quản", en: "Superior agency" },
    "UBND TỈNH ĐỒNG THÁP"
  ),
  agency: frameField(
    { vi: "Cơ quan ban hành", en: "Issuing agency" },
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
  ),
  "doc-number": frameField({ vi: "Số văn bản", en: "Document number" }, "125"),
  "doc-symbol": frameField({ vi: "Ký hiệu văn bản", en: "Document symbol" }, "BC-SNNMT"),
  place: frameField({ vi: "Địa danh", en: "Place" }, "Đồng Tháp"),
  date: frameField({ vi: "Ngày ban hành", en: "Date of issue" }, "15/01/2027", {
    vi: "ngày/tháng/năm",
    en: "day/month/year",
  }),
  "doc-type": textOption({
    label: { vi: "Tên loại văn bản", en: "Document type" },
    absent: { vi: "BÁO CÁO", en: "REPORT" },
    example: "BÁO CÁO",
  }),
  abstract: textOption({
    label: { vi: "Trích yếu nội dung", en: "Summary line (trích yếu)" },
    absent: {
      vi: "tiêu đề của báo cáo",
      en: "the report's own subtitle",
    },
    example: "Kết quả thực hiện Chương trình năm 2026",
  }),
  "signer-authority": frameField(
    { vi: "Quyền hạn người ký (TM./KT.)", en: "Signer's authority (TM./KT.)" },
    "KT. GIÁM ĐỐC"
  ),
  "signer-title": frameField({ vi: "Chức vụ người ký", en: "Signer's title" }, "PHÓ GIÁM ĐỐC"),
  signer: frameField({ vi: "Họ tên người ký", en: "Signer's name" }, "Nguyễn Văn A"),
  recipients: frameField({ vi: "Nơi nhận", en: "Recipients" }, "UBND tỉnh; Lưu: VT", {
    vi: "cách nhau bằng dấu ;",
    en: "separated by ;",
  }),
});

export type ReportFrameValues = OptionValues<typeof REPORT_FRAME_OPTIONS.fields>;
