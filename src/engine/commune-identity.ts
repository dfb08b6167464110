// Which commune a row of another table means: the one identity used by every join (costs, coefficients, mappings).
// The administrative code ("Mã xã") when there is one, else the name with the district (Huyện) when known, else the
// name. Two communes may share a name ("Tân Thạnh" in Long Phú and in Châu Thành): a name alone that fits two is
// never guessed.

import { labelKey, nameKey } from "./text";

export interface CommuneRef {
  name: string;
  district?: string;
  code?: string;
}

/** A code as typed or as a number Excel kept ("09865" and 9865 are one code). */
export function normalCode(code: string): string {
  return code.trim().replace(/^0+(?=\d)/, "");
}

/** "Huyện Long Phú", "H. Long Phú" and "long phu" are one district. */
function districtKey(district: string): string {
  return labelKey(district).replace(/^(huyen|h\.?|quan|q\.?|thi xa|tx\.?|thanh pho|tp\.?)\s+/, "");
}

/** The key a commune's own figures are stored under: its code, else name and district, else name. */
export function communeKey(c: CommuneRef): string {
  if (c.code?.trim()) return `code:${normalCode(c.code)}`;
  const name = nameKey(c.name);
  return c.district?.trim() ? `${name}|${districtKey(c.district)}` : name;
}

export type CommuneMatch<T> =
  { kind: "found"; commune: T } | { kind: "missing" } | { kind: "ambiguous"; communes: T[] };

/**
 * The commune of `list` a row refers to: by code when the row has one (else by name among the communes written without
 * a code), else by name (exact, or without diacritics when that fits one commune only) narrowed by district when the
 * row has one. A name that fits several is ambiguous.
 */
export function findCommune<T extends CommuneRef>(list: T[], ref: CommuneRef): CommuneMatch<T> {
  if (ref.code?.trim()) {
    const code = normalCode(ref.code);
    const byCode = list.filter((c) => c.code?.trim() && normalCode(c.code) === code);
    if (byCode.length === 1) return { kind: "found", commune: byCode[0] };
    if (byCode.length > 1) return { kind: "ambiguous", communes: byCode };
    // A commune with another code is another commune; one written without a code may still be this one, by name.
    list = list.filter((c) => !c.code?.trim());
  }
  const exact = list.filter((c) => nameKey(c.name) === nameKey(ref.name));
  let found =
    exact.length > 0 ? exact : list.filter((c) => labelKey(c.name) === labelKey(ref.name));
  if (ref.district?.trim() && found.length > 0) {
    const district = districtKey(ref.district);
    found = found.filter((c) => !c.district?.trim() || districtKey(c.district) === district);
  }
  if (found.length === 0) return { kind: "missing" };
  if (found.length > 1) return { kind: "ambiguous", communes: found };
  return { kind: "found", commune: found[0] };
}
