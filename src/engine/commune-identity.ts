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
export function districtKey(district: string): string {
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

/** Communes by the keys a row may name them by, in list order. */
interface NameKeys<T> {
  /** nameKey: exact name, case and spacing aside. */
  exact: Map<string, T[]>;
  /** labelKey: the name without diacritics. */
  loose: Map<string, T[]>;
}

/**
 * A communes list indexed once for many lookups (a costs table of 10,000 rows against 10,000 communes): the same
 * answers as `findCommune(list, ref)` in constant time per row. The list must not change while the index is used;
 * a list built row by row (a merger mapping) grows through `add`.
 */
export class CommuneIndex<T extends CommuneRef> {
  private readonly items: T[] = [];
  /** Each commune's place in the list (for answers in list order). */
  private readonly place = new Map<T, number>();
  private readonly byCode = new Map<string, T[]>();
  private readonly all: NameKeys<T> = { exact: new Map(), loose: new Map() };
  /** Communes written without a code: a row whose code fits none may still be one of these, by name. */
  private readonly noCode: NameKeys<T> = { exact: new Map(), loose: new Map() };

  constructor(list: readonly T[]) {
    for (const c of list) this.add(c);
  }

  /** The communes indexed, in list order. */
  get list(): readonly T[] {
    return this.items;
  }

  /** Adds a commune at the end of the list. */
  add(c: T): void {
    this.place.set(c, this.items.length);
    this.items.push(c);
    this.key(c);
  }

  /** The maps a commune is found in by what it says, each with the key it is under there. */
  private keys(c: T): [Map<string, T[]>, string][] {
    const exact = nameKey(c.name);
    const loose = labelKey(c.name);
    const out: [Map<string, T[]>, string][] = [
      [this.all.exact, exact],
      [this.all.loose, loose],
    ];
    if (c.code?.trim()) out.push([this.byCode, normalCode(c.code)]);
    else out.push([this.noCode.exact, exact], [this.noCode.loose, loose]);
    return out;
  }

  /** Files the commune under its keys, each list kept in list order. */
  private key(c: T): void {
    const at = this.place.get(c)!;
    for (const [map, k] of this.keys(c)) {
      const list = map.get(k);
      if (!list) map.set(k, [c]);
      else if (this.place.get(list[list.length - 1])! < at) list.push(c);
      else
        list.splice(
          list.findIndex((o) => this.place.get(o)! > at),
          0,
          c
        );
    }
  }

  private unkey(c: T): void {
    for (const [map, k] of this.keys(c)) {
      const list = map.get(k) ?? [];
      const i = list.indexOf(c);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) map.delete(k);
    }
  }

  /**
   * Changes a commune of the list (its code, name or district) through `change`, keeping its place: the index then
   * finds it by what it now says, as a new index of the list would.
   */
  update(c: T, change: () => void): void {
    this.unkey(c);
    change();
    this.key(c);
  }

  /**
   * The communes of the list a new entry would repeat, in list order: the same code; or, where either has no code,
   * the same name exactly (case and spacing aside; diacritics kept, "Tân Thành" and "Tân Thạnh" are two communes) in
   * the same district or where either gives none. For a list that must name each commune once (a merger mapping).
   */
  repeats(ref: CommuneRef): T[] {
    const name = nameKey(ref.name);
    const district = ref.district?.trim() ? districtKey(ref.district) : undefined;
    const sameDistrict = (c: T) =>
      district === undefined || !c.district?.trim() || districtKey(c.district) === district;
    if (!ref.code?.trim()) return (this.all.exact.get(name) ?? []).filter(sameDistrict);
    const byCode = this.byCode.get(normalCode(ref.code)) ?? [];
    const byName = (this.noCode.exact.get(name) ?? []).filter(sameDistrict);
    if (byName.length === 0) return [...byCode];
    return [...byCode, ...byName].sort((a, b) => this.place.get(a)! - this.place.get(b)!);
  }

  /** See findCommune. */
  find(ref: CommuneRef): CommuneMatch<T> {
    let names = this.all;
    if (ref.code?.trim()) {
      const byCode = this.byCode.get(normalCode(ref.code)) ?? [];
      if (byCode.length === 1) return { kind: "found", commune: byCode[0] };
      if (byCode.length > 1) return { kind: "ambiguous", communes: [...byCode] };
      // A commune with another code is another commune; one written without a code may still be this one, by name.
      names = this.noCode;
    }
    const exact = names.exact.get(nameKey(ref.name)) ?? [];
    let found = exact.length > 0 ? exact : (names.loose.get(labelKey(ref.name)) ?? []);
    if (ref.district?.trim() && found.length > 0) {
      const district = districtKey(ref.district);
      found = found.filter((c) => !c.district?.trim() || districtKey(c.district) === district);
    }
    if (found.length === 0) return { kind: "missing" };
    if (found.length > 1) return { kind: "ambiguous", communes: [...found] };
    return { kind: "found", commune: found[0] };
  }
}

/**
 * The commune of `list` a row refers to: by code when the row has one (else by name among the communes written without
 * a code), else by name (exact, or without diacritics when that fits one commune only) narrowed by district when the
 * row has one. A name that fits several is ambiguous. For many rows against one list, pass a CommuneIndex built once.
 */
export function findCommune<T extends CommuneRef>(
  list: readonly T[] | CommuneIndex<T>,
  ref: CommuneRef
): CommuneMatch<T> {
  return (list instanceof CommuneIndex ? list : new CommuneIndex(list)).find(ref);
}
