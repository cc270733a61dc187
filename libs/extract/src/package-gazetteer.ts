/**
 * Place and nationality names from well-kept npm packages, as a feature of the recognizer (not
 * as a rule): country names and their aliases (`i18n-iso-countries`), nationality adjectives
 * (`i18n-nationality`), and the world's larger cities and their provinces (`city-timezones`, from
 * Natural Earth). Each entry is tokenized as the recognizer tokenizes text; `packageGazetteer`
 * marks the longest match at each token with its classes and BILU position.
 */

import { createRequire } from 'node:module';
import { POS_B, POS_I, POS_L, POS_U } from './ner-tags';
import { tokenize, type Token } from './tokenize';

export const PKG_COUNTRY = 1;
export const PKG_NATIONALITY = 2;
export const PKG_CITY = 4;
export const PKG_PROVINCE = 8;

/** Longest entry, in tokens. */
const MAX_TOKENS = 5;

interface Gazetteer {
  /** Key: entry tokens' lowercase forms joined by a space; value: class bits. */
  readonly entries: Map<string, number>;
  /** Every proper prefix of an entry's key (in whole tokens): matching stops where none goes on. */
  readonly prefixes: Set<string>;
}

function build(): Gazetteer {
  const load = createRequire(__filename);
  const entries = new Map<string, number>();
  const prefixes = new Set<string>();
  const add = (name: string, cls: number): void => {
    const tokens = tokenize(name);
    if (tokens.length === 0 || tokens.length > MAX_TOKENS) return;
    const norms = tokens.map((t) => t.norm);
    for (let k = 1; k < norms.length; k++) prefixes.add(norms.slice(0, k).join(' '));
    const key = norms.join(' ');
    entries.set(key, (entries.get(key) ?? 0) | cls);
  };
  const countries = load('i18n-iso-countries') as { registerLocale(l: unknown): void; getNames(lang: string, o: { select: 'all' }): Record<string, string[]> };
  countries.registerLocale(load('i18n-iso-countries/langs/en.json'));
  for (const names of Object.values(countries.getNames('en', { select: 'all' }))) for (const n of names) add(n, PKG_COUNTRY);
  const nationality = load('i18n-nationality') as { registerLocale(l: unknown): void; getNames(lang: string): Record<string, string> };
  nationality.registerLocale(load('i18n-nationality/langs/en.json'));
  for (const n of Object.values(nationality.getNames('en'))) add(n, PKG_NATIONALITY);
  const cities = load('city-timezones') as { cityMapping: { city: string; city_ascii: string; province: string }[] };
  for (const c of cities.cityMapping) {
    add(c.city, PKG_CITY);
    if (c.city_ascii !== c.city) add(c.city_ascii, PKG_CITY);
    if (c.province) add(c.province, PKG_PROVINCE);
  }
  return { entries, prefixes };
}

let gazetteer: Gazetteer | undefined;
let enabled = true;

/** Turns the package gazetteer feature off or on (training experiments). */
export function setPackageGazetteer(on: boolean): void {
  enabled = on;
}

export function packageGazetteerEnabled(): boolean {
  return enabled;
}

/**
 * Per token: 0, or (class bits << 2 | BILU position) + 1 of the longest entry starting at the
 * earliest token, matched on capitalised words (a lowercase "nice" is not the city).
 */
export function packageGazetteer(tokens: readonly Token[], out: Int32Array): void {
  out.fill(0);
  if (!enabled) return;
  gazetteer ??= build();
  const { entries, prefixes } = gazetteer;
  const n = tokens.length;
  for (let i = 0; i < n; ) {
    const first = tokens[i] as Token;
    if (!first.isWord || first.lower) {
      i++;
      continue;
    }
    let key = '';
    let best = 0;
    let bestCls = 0;
    for (let k = 0; k < MAX_TOKENS && i + k < n; k++) {
      key = k === 0 ? first.norm : `${key} ${(tokens[i + k] as Token).norm}`;
      const cls = entries.get(key);
      if (cls !== undefined) {
        best = k + 1;
        bestCls = cls;
      }
      if (!prefixes.has(key)) break;
    }
    if (best === 0) {
      i++;
      continue;
    }
    const code = (pos: number): number => ((bestCls << 2) | pos) + 1;
    if (best === 1) out[i] = code(POS_U);
    else {
      out[i] = code(POS_B);
      for (let k = 1; k < best - 1; k++) out[i + k] = code(POS_I);
      out[i + best - 1] = code(POS_L);
    }
    i += best;
  }
}
