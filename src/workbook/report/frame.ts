// The frame that makes a report stand alone as an administrative document (Nghị định 30/2020/NĐ-CP): Quốc hiệu and
// Tiêu ngữ, the issuing agency under its superior, số and ký hiệu, place and date, the document type and trích yếu,
// the signer's authority, title and name, and Nơi nhận. What the user did not give is left as a dotted blank to fill
// in by hand; nothing the user typed is changed.

import { InputError } from "../../engine/errors";
import { REPORT_FRAME_OPTIONS, type ReportFrameValues } from "../../engine/options";
import type { ReportLang } from "./format";

/** The blank a form leaves to be filled in by hand. */
export const BLANK = "……";

/** The frame's texts as the document prints them, in their order on the page. */
export interface ReportFrame {
  /** Upper left: the superior agency, then the issuing agency (bold), then "Số: …/…". */
  superior: string;
  agency: string;
  number: string;
  /** Upper right: Quốc hiệu, Tiêu ngữ, then place and date. */
  nation: string;
  motto: string;
  placeDate: string;
  /** Centred under the heading block. */
  type: string;
  abstract: string;
  /** The signature block: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH", the title, the name. */
  authority: string;
  signerTitle: string;
  signer: string;
  /** "Nơi nhận:" and its lines ("- Như trên;" … "- Lưu: VT."). */
  recipientsHead: string;
  recipients: string[];
}

const or = (value: string | undefined): string =>
  value === undefined || value.trim() === "" ? BLANK : value;

/** "15/01/2027", "15-1-2027" or "2027-01-15" as day, month and year; null when it is not a date. */
function readDate(text: string): { day: number; month: number; year: number } | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let day: number, month: number, year: number;
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!m) return null;
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return { day, month, year };
}

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * "Cần Thơ, ngày 05 tháng 3 năm 2027": the decree writes a day under 10 and the months 1 and 2 with a leading zero.
 * A date not given leaves "ngày …… tháng …… năm ……" to fill in.
 */
function placeDate(place: string | undefined, date: string | undefined, lang: ReportLang): string {
  const where = or(place);
  if (date === undefined || date.trim() === "") {
    return lang === "vi"
      ? `${where}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`
      : `${where}, ${BLANK} ${BLANK} ${BLANK}`;
  }
  const d = readDate(date);
  if (!d) {
    const spec = REPORT_FRAME_OPTIONS.specs.find((s) => s.id === "date")!;
    throw new InputError({
      options: [spec.id],
      found: `${spec.label.vi} / ${spec.label.en}: ${date}`,
      expected: {
        vi: `${spec.label.vi}: ngày/tháng/năm có thật, ví dụ ${spec.example}`,
        en: `${spec.label.en}: a real day/month/year, e.g. ${spec.example}`,
      },
    });
  }
  if (lang === "en") return `${where}, ${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}`;
  const day = d.day < 10 ? `0${d.day}` : String(d.day);
  const month = d.month <= 2 ? `0${d.month}` : String(d.month);
  return `${where}, ngày ${day} tháng ${month} năm ${d.year}`;
}

/** Nơi nhận as typed, one recipient per ";" or line, each on a "- " line (";" after each, "." after the last). */
function recipientLines(text: string | undefined): string[] {
  const items = (text ?? "")
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0) return [`- ${BLANK}`];
  return items.map((s, i) => `- ${s}${i === items.length - 1 ? "." : ";"}`);
}

/** Whether the options ask for the frame: --frame, or any of its fields given. */
export function wantsFrame(values: ReportFrameValues): boolean {
  return Object.entries(values).some(([id, v]) =>
    id === "frame" ? v === true : typeof v === "string" && v.trim() !== ""
  );
}

/**
 * The frame of the options' values, or undefined when the options do not ask for one. The document type and the
 * trích yếu default to the report's own title and subtitle (a report knows what it is); every other field not
 * given is a dotted blank.
 */
export function reportFrame(
  values: ReportFrameValues,
  lang: ReportLang,
  own: { title: string; subtitle: string }
): ReportFrame | undefined {
  if (!wantsFrame(values)) return undefined;
  const vi = lang === "vi";
  const number = or(values["doc-number"]);
  const symbol = or(values["doc-symbol"]);
  return {
    superior: or(values["superior-agency"]),
    agency: or(values.agency),
    number: `${vi ? "Số" : "No."}: ${number}/${symbol}`,
    nation: vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIETNAM",
    motto: vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness",
    placeDate: placeDate(values.place, values.date, lang),
    type: values["doc-type"]?.trim() ? values["doc-type"] : own.title,
    abstract: values.abstract?.trim() ? values.abstract : own.subtitle,
    authority: or(values["signer-authority"]),
    signerTitle: or(values["signer-title"]),
    signer: or(values.signer),
    recipientsHead: vi ? "Nơi nhận:" : "Recipients:",
    recipients: recipientLines(values.recipients),
  };
}

/** The frame's texts in the order they stand on the page (header block, type, trích yếu; then the signature). */
export function frameTexts(frame: ReportFrame): { head: string[]; foot: string[] } {
  return {
    head: [
      frame.superior,
      frame.agency,
      frame.number,
      frame.nation,
      frame.motto,
      frame.placeDate,
      frame.type,
      frame.abstract,
    ],
    foot: [
      frame.recipientsHead,
      ...frame.recipients,
      frame.authority,
      frame.signerTitle,
      frame.signer,
    ],
  };
}
