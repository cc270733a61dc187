/**
 * Job descriptions resolved to a person the article has already named with a matching role:
 * "Washington’s top diplomat" is the Secretary of State named earlier, "the foreign minister" the
 * Foreign Minister. A country in the description ("Washington’s", "South Korean") must fit the
 * person's own when the text gives one.
 */

import type { ExtractedEntity } from '@wirestream/contracts';
import { lookupName } from '../gazetteer';

/** Descriptors of a job, and the roles they stand for. */
const ROLE_WORDS: readonly (readonly [RegExp, RegExp])[] = [
  [/\bdiplomat\b/, /secretary of state|foreign (?:minister|secretary)|minister of foreign affairs|ambassador|envoy/],
  [/\bdefen[cs]e chief\b|\bpentagon chief\b/, /defen[cs]e (?:secretary|minister)|secretary of defen[cs]e|minister of (?:national )?defen[cs]e/],
  [/\bpresident\b/, /president/],
  [/\bprime minister\b|\bpremier\b/, /prime minister|premier/],
  [/\bforeign minister\b/, /foreign minister|minister of foreign affairs/],
  [/\bminister\b/, /minister/],
  [/\bsecretary\b/, /secretary/],
  [/\bambassador\b/, /ambassador/],
  [/\bchancellor\b/, /chancellor/],
  [/\bspokes(?:man|woman|person)\b/, /spokes(?:man|woman|person)/],
];
/** Capitals that stand for their country in "Washington's top diplomat". */
const CAPITALS: Record<string, string> = {
  washington: 'united states',
  seoul: 'south korea',
  pyongyang: 'north korea',
  tokyo: 'japan',
  beijing: 'china',
  moscow: 'russia',
  kyiv: 'ukraine',
  london: 'united kingdom',
  paris: 'france',
  berlin: 'germany',
};

/** True when the description holds a job word this module knows. */
export function isRoleDescription(descriptor: string): boolean {
  const d = descriptor.toLowerCase();
  return ROLE_WORDS.some(([re]) => re.test(d));
}

/** A person named before `at` whose role the descriptor fits, the most recently named first. */
export function byRole(body: string, entities: readonly ExtractedEntity[], descriptor: string, at: number): ExtractedEntity | null {
  const d = descriptor.toLowerCase().replace(/[’']s\b/g, '');
  const rule = ROLE_WORDS.find(([re]) => re.test(d));
  if (!rule) return null;
  const country = descriptorCountry(d);
  const candidates: { entity: ExtractedEntity; last: number; fit: number }[] = [];
  for (const e of entities) {
    if (e.type !== 'PERSON') continue;
    const before = e.mentions.filter((m) => m.start < at);
    if (before.length === 0) continue;
    if (!e.mentions.some((m) => m.role !== null && rule[1].test(m.role.toLowerCase()))) continue;
    // A person known to be from the descriptor's country fits better than one of unknown origin.
    let fit = 0;
    if (country !== null) {
      const own = personCountry(body, e);
      if (own !== null && own !== country) continue;
      fit = own === country ? 1 : 0;
    }
    candidates.push({ entity: e, last: Math.max(...before.map((m) => m.start)), fit });
  }
  candidates.sort((a, b) => b.fit - a.fit || b.last - a.last);
  return candidates[0]?.entity ?? null;
}

function descriptorCountry(descriptor: string): string | null {
  for (const word of descriptor.split(/\s+/)) {
    const capital = CAPITALS[word];
    if (capital) return capital;
  }
  const words = descriptor.split(/\s+/);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const hit = lookupName(titleCase(words.slice(i, i + n).join(' ')));
      if (hit?.type === 'GPE') return hit.canonical.toLowerCase();
    }
  }
  return null;
}

function titleCase(s: string): string {
  return s.replace(/(^|\s)(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** The country named right before a person's titled mention ("US Secretary of State Antony Blinken"). */
function personCountry(body: string, e: ExtractedEntity): string | null {
  for (const m of e.mentions) {
    if (m.role === null) continue;
    // The role sits just before the name, separated by a space or two.
    const roleAt = body.lastIndexOf(m.role, m.start - m.role.length);
    if (roleAt < 0 || m.start - (roleAt + m.role.length) > 3) continue;
    const words = body.slice(Math.max(0, roleAt - 30), roleAt).trim().split(/\s+/);
    const last = words[words.length - 1];
    if (!last) continue;
    const hit = lookupName(last);
    if (hit?.type === 'GPE') return hit.canonical.toLowerCase();
  }
  return null;
}
