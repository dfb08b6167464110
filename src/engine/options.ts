// Job options declared once: each field is the metadata the CLI, `--help`, the task-pane form and the validation
// errors are generated from, plus the one function that reads and checks a raw value by it. Adding an option to a job
// means adding one field to its declaration. Plain functions, not zod: the task pane's form loads these with its
// first script, which stays small (issue #23); zod is loaded with the jobs' results.

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

/** A value read by an option's spec, or why it was refused (in both languages, for the error). */
export type OptionRead<T> = { ok: true; value: T } | { ok: false; refusal: Bilingual };

/** A declared option: its spec and the function that reads and checks a raw value (number, text, boolean) by it. */
export interface OptionField<T> {
  spec: Spec;
  read(raw: unknown): OptionRead<T>;
}

function field<T>(spec: Spec, read: (spec: Spec, raw: unknown) => OptionRead<T>): OptionField<T> {
  return { spec, read: (raw) => read(spec, raw) };
}

type Raw = OptionValue | null | undefined;

const isBlank = (raw: unknown): boolean =>
  raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");

const accept = <T>(value: T): OptionRead<T> => ({ ok: true, value });
const refuse = (refusal: Bilingual): OptionRead<never> => ({ ok: false, refusal });

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

function readNumberOption(spec: Spec, raw: unknown): OptionRead<number | undefined> {
  if (isBlank(raw) || raw === false) return accept(spec.default as number | undefined);
  let value: number;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string") {
    const reading = readNumber(raw);
    if (!reading) return refuse(describeExpected(spec));
    if (reading.ambiguity) return refuse(ambiguousNumberRefusal(raw));
    if (reading.percent && !spec.percent) return refuse(describeExpected(spec));
    value = reading.value;
  } else return refuse(describeExpected(spec));
  const low = spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min);
  const high = spec.max !== undefined && value > spec.max;
  if (!Number.isFinite(value) || (spec.integer && !Number.isInteger(value)) || low || high)
    return refuse(describeExpected(spec));
  return accept(value);
}

function readTextOption(spec: Spec, raw: unknown): OptionRead<string | undefined> {
  if (isBlank(raw) || raw === false) return accept(spec.default as string | undefined);
  if (typeof raw !== "string" && typeof raw !== "number") return refuse(describeExpected(spec));
  return accept(String(raw).trim());
}

function readChoiceOption(spec: Spec, raw: unknown): OptionRead<string | undefined> {
  if (isBlank(raw) || raw === false) return accept(spec.default as string | undefined);
  const text = String(raw).trim().toLowerCase();
  const value = spec.aliases?.[text] ?? text;
  const choice = (spec.choices ?? []).find((c) => c.value === value);
  return choice ? accept(choice.value) : refuse(describeExpected(spec));
}

function readBooleanOption(spec: Spec, raw: unknown): OptionRead<boolean> {
  if (isBlank(raw)) return accept((spec.default as boolean | undefined) ?? false);
  if (typeof raw === "boolean") return accept(raw);
  const text = String(raw).trim().toLowerCase();
  if (["1", "true", "yes", "có", "co"].includes(text)) return accept(true);
  if (["0", "false", "no", "không", "khong"].includes(text)) return accept(false);
  return refuse(describeExpected(spec));
}

/** Reads one raw value by an option's spec alone: the form, the CLI and the job all read values through it. */
export function readOptionValue(spec: Spec, raw: unknown): OptionRead<unknown> {
  switch (spec.type) {
    case "number":
      return readNumberOption(spec, raw);
    case "choice":
      return readChoiceOption(spec, raw);
    case "boolean":
      return readBooleanOption(spec, raw);
    default:
      return readTextOption(spec, raw);
  }
}

/** A number option: integer, bounds and unit are part of its declaration. */
export function numberOption(
  spec: Omit<Spec, "type" | "default"> & { default?: number }
): OptionField<number | undefined> {
  return field({ ...spec, type: "number" }, readNumberOption);
}

/** A text option (a sheet name, a period id); blank is absent. */
export function textOption(
  spec: Omit<Spec, "type" | "default"> & { default?: string }
): OptionField<string | undefined> {
  return field({ ...spec, type: "text" }, readTextOption);
}

/** One of a few values; aliases are accepted spellings; case and spaces do not matter. */
export function choiceOption<V extends string>(
  spec: Omit<Spec, "type" | "default" | "choices"> & {
    choices: { value: V; label: Bilingual }[];
    default?: V;
  }
): OptionField<V | undefined> {
  return field(
    { ...spec, type: "choice" },
    readChoiceOption as (spec: Spec, raw: unknown) => OptionRead<V | undefined>
  );
}

/** A yes/no option (a CLI switch, a toggle in the form). */
export function booleanOption(
  spec: Omit<Spec, "type" | "default"> & { default?: boolean }
): OptionField<boolean> {
  return field({ ...spec, type: "boolean" }, readBooleanOption);
}

type Fields = Record<string, OptionField<unknown>>;
export type OptionValues<F extends Fields> = {
  [K in keyof F]: F[K] extends OptionField<infer T> ? T : never;
};

/** A job's options: the specs every front end is generated from, and the one function that reads them. */
export interface JobOptions<F extends Fields> {
  specs: JobOptionSpec[];
  fields: F;
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
    options: [spec.id],
    found: isBlank(raw) ? `--${spec.id}: (trống / missing)` : `--${spec.id} ${String(raw)}`,
    expected: {
      vi: `${spec.label.vi} (--${spec.id}): ${expected.vi}${example.vi}`,
      en: `${spec.label.en} (--${spec.id}): ${expected.en}${example.en}`,
    },
  });
}

export function declareOptions<F extends Fields>(fields: F): JobOptions<F> {
  const specs: JobOptionSpec[] = Object.entries(fields).map(([id, f]) => ({ id, ...f.spec }));
  return {
    specs,
    fields,
    parse(raw) {
      const values: Record<string, unknown> = {};
      // The first option refused is the one the error names, in declaration order.
      for (const spec of specs) {
        const read = fields[spec.id].read(raw[spec.id]);
        if (!read.ok) throw optionError(spec, raw[spec.id], read.refusal);
        values[spec.id] = read.value;
      }
      for (const spec of specs) {
        if (spec.required && values[spec.id] === undefined) {
          const what = describeExpected(spec);
          throw optionError(spec, raw[spec.id], {
            vi: `bắt buộc, ${what.vi}, ví dụ ${spec.example}`,
            en: `required, ${what.en}, e.g. ${spec.example}`,
          });
        }
      }
      return values as OptionValues<F>;
    },
  };
}

/** Checks one value of one option as the form's field does while the user types: null when it is fine. */
export function checkOption(spec: JobOptionSpec, raw: Raw): string | null {
  const read = readOptionValue(spec, raw);
  return read.ok ? null : optionError(spec, raw, read.refusal).message;
}

/** Reads one value by its spec alone (for `plan`, which shares its flags with several jobs); errors name the option. */
export function readOption(spec: JobOptionSpec, raw: Raw): unknown {
  const read = readOptionValue(spec, raw);
  if (read.ok) return read.value;
  throw optionError(spec, raw, read.refusal);
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
