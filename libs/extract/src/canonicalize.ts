/**
 * Canonical identities inside one article, from any recognizer's typed spans: mention cleanup
 * (possessives, titles, quotes), roles in apposition, the alias table, surname coreference in
 * both name orders, "the North", "Full Name (ACRONYM)", and per-document type consistency.
 */

import type { EntityType, ExtractedEntity, Mention } from '@wirestream/contracts';
import { lookupName, type GazetteerHit } from './gazetteer';
import { nameKey, parsePersonName, roleAtStart, roleBefore, type PersonName } from './names';
import type { RecognizedSpan } from './recognizer';

/** A span recognized outside the body (the headline): evidence for identities, never a mention. */
export interface ContextSpan {
  readonly text: string;
  readonly type: EntityType;
}

export interface CanonicalizeInput {
  readonly body: string;
  /** Spans with offsets into `body`. */
  readonly spans: readonly RecognizedSpan[];
  readonly context?: readonly ContextSpan[];
}

interface Working {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  role: string | null;
  hit: GazetteerHit | undefined;
  /** Grouping key, set once identities are resolved. */
  group: string;
}

const LEADING_JUNK = /^[\s"“”'‘’`([{«<,.;:!?*•·–—-]+/u;
const TRAILING_JUNK = /[\s"“”‘’`)\]}»>,;:!?*•·–—-]+$/u;
const TRAILING_SENTENCE_DOT = /\p{Ll}{3,}\.$/u;
const POSSESSIVE_S = /['’][sS]$/;
const PLURAL_POSSESSIVE = /[sS]['’]$/;
const LEADING_THE = /^the\s+/i;
const ALL_CAPS = /^[^\p{Ll}]*$/u;

/** Short forms that stand for a country when the article has already named it. */
const CONTEXTUAL_SHORT_FORMS: readonly { word: string; canonical: string; requires: readonly string[] }[] = [
  { word: 'North', canonical: 'North Korea', requires: ['North Korea'] },
  { word: 'South', canonical: 'South Korea', requires: ['South Korea', 'North Korea'] },
];
const THE_COMPASS = /\b[Tt]he\s+(North|South)\b(?![-‐‑]?[^\S\n]*\p{Lu}|[-‐‑]\p{L})/gu;
/** "North-Russia arms deals": the short form glued to a country by a hyphen. */
const COMPASS_COMPOUND = /(?<![\p{L}\p{N}.-])(North|South)[-‐‑](?=(\p{Lu}[\p{L}.]*))/gu;

export function canonicalize(input: CanonicalizeInput): ExtractedEntity[] {
  const { body } = input;
  const context = input.context ?? [];
  let mentions = cleanSpans(body, input.spans);

  // Type and canonical form from the alias table; a surname that is also a place stays a person.
  const personWords = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const parts = m.text.split(/\s+/);
    if (parts.length >= 2) for (const p of parts) personWords.add(nameKey(p));
  }
  for (const c of context) if (c.type === 'PERSON') for (const p of c.text.split(/\s+/).slice(1)) personWords.add(nameKey(p));
  for (const m of mentions) {
    const hit = lookupName(m.text);
    if (!hit) continue;
    const keepPerson = m.type === 'PERSON' && (hit.type === 'MISC' || (!/\s/.test(m.text) && personWords.has(nameKey(m.text))));
    if (keepPerson) continue;
    m.hit = hit;
    m.type = hit.type;
  }

  mentions = resolveContextualShortForms(body, mentions, context);
  resolvePersons(mentions, context);
  resolveOthers(body, mentions);
  return buildEntities(mentions, context);
}

// ---------------------------------------------------------------------------------------------
// Mention cleanup
// ---------------------------------------------------------------------------------------------

function cleanSpans(body: string, spans: readonly RecognizedSpan[]): Working[] {
  const sorted = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= body.length && s.start < s.end)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Working[] = [];
  let lastEnd = -1;
  for (const span of sorted) {
    const m = trimSpan(body, span);
    if (!m || m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

function trimSpan(body: string, span: RecognizedSpan): Working | null {
  let { start, end } = span;
  let role = span.role ?? null;
  let text = body.slice(start, end);
  const cut = (from: number, to: number): void => {
    start += from;
    end -= to;
    text = body.slice(start, end);
  };
  for (let changed = true; changed && text.length > 0; ) {
    changed = false;
    const lead = LEADING_JUNK.exec(text);
    if (lead) {
      cut(lead[0].length, 0);
      changed = true;
    }
    const trail = TRAILING_JUNK.exec(text);
    if (trail && trail[0].length < text.length) {
      cut(0, trail[0].length);
      changed = true;
    }
    if (POSSESSIVE_S.test(text) && text.length > 2) {
      cut(0, 2);
      changed = true;
    } else if (PLURAL_POSSESSIVE.test(text) && text.length > 2) {
      cut(0, 1);
      changed = true;
    }
    if (TRAILING_SENTENCE_DOT.test(text) && !/\b(?:Inc|Corp|Ltd|Co|Jr|Sr|Bros)\.$/.test(text)) {
      cut(0, 1);
      changed = true;
    }
    const the = LEADING_THE.exec(text);
    if (the && !lookupName(text)) {
      cut(the[0].length, 0);
      changed = true;
    }
  }
  if (text.length === 0 || !/\p{L}/u.test(text)) return null;
  if (span.type === 'PERSON') {
    const title = roleAtStart(text);
    if (title && title.cut < text.length) {
      role = role ?? title.role;
      cut(title.cut, 0);
    }
    role = role ?? roleBefore(body, start);
  }
  return { start, end, text, type: span.type, role: span.type === 'PERSON' ? role : null, hit: undefined, group: '' };
}

// ---------------------------------------------------------------------------------------------
// "the North"
// ---------------------------------------------------------------------------------------------

function resolveContextualShortForms(body: string, mentions: Working[], context: readonly ContextSpan[]): Working[] {
  const canonicalOf = (m: Working): string | undefined => m.hit?.canonical;
  const contextNames = new Set(context.map((c) => lookupName(c.text)?.canonical).filter((c): c is string => c !== undefined));
  const firstAt = new Map<string, number>();
  for (const m of mentions) {
    const c = canonicalOf(m);
    if (c !== undefined && !firstAt.has(c)) firstAt.set(c, m.start);
  }
  const isPrior = (name: string, offset: number): boolean => contextNames.has(name) || (firstAt.get(name) ?? Infinity) < offset;

  const added: Working[] = [];
  const re = new RegExp(THE_COMPASS.source, THE_COMPASS.flags);
  let match: RegExpExecArray | null;
  while ((match = re.exec(body)) !== null) {
    const word = match[1] as string;
    const start = match.index + match[0].length - word.length;
    const end = start + word.length;
    const form = CONTEXTUAL_SHORT_FORMS.find((f) => f.word === word);
    if (!form) continue;
    const ok = isPrior(form.canonical, start) && form.requires.every((r) => contextNames.has(r) || firstAt.has(r));
    if (!ok) continue;
    added.push({ start, end, text: word, type: 'GPE', role: null, hit: { canonical: form.canonical, type: 'GPE' }, group: '' });
  }
  const compound = new RegExp(COMPASS_COMPOUND.source, COMPASS_COMPOUND.flags);
  while ((match = compound.exec(body)) !== null) {
    const word = match[1] as string;
    const form = CONTEXTUAL_SHORT_FORMS.find((f) => f.word === word);
    if (!form || lookupName(match[2] as string)?.type !== 'GPE') continue;
    const start = match.index;
    // Glued to a country, the short form is one too: the article may name it after a headline like this.
    if (!form.requires.every((r) => contextNames.has(r) || firstAt.has(r))) continue;
    added.push({ start, end: start + word.length, text: word, type: 'GPE', role: null, hit: { canonical: form.canonical, type: 'GPE' }, group: '' });
  }
  if (added.length === 0) return mentions;
  // A recognizer's own "North" span at the same place gives way to the resolved one.
  const taken = new Set(added.map((a) => a.start));
  const kept = mentions.filter((m) => !taken.has(m.start) && !added.some((a) => m.start < a.end && a.start < m.end));
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

interface Person {
  readonly name: PersonName;
  /** Offsets of its full-name mentions (empty for a name known only from the headline). */
  readonly at: number[];
  readonly group: string;
}

function resolvePersons(mentions: Working[], context: readonly ContextSpan[]): void {
  const persons = new Map<string, Person>();
  const addFull = (text: string, at: number | null): Person | null => {
    const name = parsePersonName(text);
    if (name.parts.length < 2) return null;
    let person = persons.get(name.key);
    if (!person) {
      person = { name, at: [], group: `PERSON|${name.key}` };
      persons.set(name.key, person);
    }
    if (at !== null) person.at.push(at);
    return person;
  };
  for (const c of context) if (c.type === 'PERSON') addFull(c.text, null);
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const p = addFull(m.text, m.start);
    if (p) m.group = p.group;
  }
  const all = [...persons.values()];
  const bySurname = (key: string): Person[] => all.filter((p) => p.name.surnameKeys.includes(key));
  const byPart = (key: string): Person[] => all.filter((p) => p.name.partKeys.includes(key));
  /** Of several candidates, the one named most recently before `at` (else first after). */
  const nearest = (candidates: Person[], at: number): Person | undefined => {
    if (candidates.length <= 1) return candidates[0];
    let best: Person | undefined;
    let bestAt = -Infinity;
    for (const p of candidates) {
      const before = p.at.filter((x) => x <= at);
      const last = before.length > 0 ? Math.max(...before) : -Infinity;
      if (last > bestAt) {
        best = p;
        bestAt = last;
      }
    }
    if (best) return best;
    return candidates.slice().sort((a, b) => Math.min(...a.at, Infinity) - Math.min(...b.at, Infinity))[0];
  };

  for (const m of mentions) {
    if (m.group !== '') continue;
    const single = !/\s/.test(m.text.trim());
    if (m.type === 'PERSON') {
      const key = nameKey(m.text);
      const person = single ? (nearest(bySurname(key), m.start) ?? uniqueOf(byPart(key))) : undefined;
      m.group = person ? person.group : `PERSON|${key}`;
      continue;
    }
    // A short form the recognizer typed otherwise, but which is a surname here and no known name.
    if (single && m.hit === undefined) {
      const person = nearest(bySurname(nameKey(m.text)), m.start);
      if (person) {
        m.type = 'PERSON';
        m.group = person.group;
      }
    }
  }
}

function uniqueOf<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Places, organisations, MISC
// ---------------------------------------------------------------------------------------------

function initials(text: string): string {
  return text
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('');
}

function resolveOthers(body: string, mentions: Working[]): void {
  for (const m of mentions) {
    if (m.group !== '') continue;
    m.group = `OTHER|${m.hit ? nameKey(m.hit.canonical) : nameKey(m.text)}`;
  }
  // "Korea Institute for National Unification (KINU)": the acronym names the same thing.
  const byStart = new Map(mentions.map((m) => [m.start, m]));
  const regroup = new Map<string, string>();
  for (const m of mentions) {
    if (m.type === 'PERSON' || !/\s/.test(m.text)) continue;
    const paren = /^\s*\(\s*/.exec(body.slice(m.end, m.end + 4));
    if (!paren) continue;
    const inner = byStart.get(m.end + paren[0].length);
    if (!inner || inner.type === 'PERSON' || !/^[\p{Lu}&.]{2,10}$/u.test(inner.text)) continue;
    if (body.slice(inner.end).match(/^\s*\)/) === null) continue;
    const acronym = inner.text.replace(/[.&]/g, '');
    const full = initials(m.text);
    if (acronym === full || (acronym.length >= 2 && isSubsequence(acronym, full) && acronym[0] === full[0])) {
      if (inner.group !== m.group) regroup.set(inner.group, m.group);
    }
  }
  if (regroup.size > 0) {
    for (const m of mentions) {
      const target = regroup.get(m.group);
      if (target) m.group = target;
    }
  }
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const c of hay) if (c === needle[i]) i++;
  return i === needle.length;
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function buildEntities(mentions: readonly Working[], context: readonly ContextSpan[]): ExtractedEntity[] {
  const groups = new Map<string, Working[]>();
  for (const m of mentions) {
    const list = groups.get(m.group) ?? [];
    list.push(m);
    groups.set(m.group, list);
  }
  const contextPersons = context.filter((c) => c.type === 'PERSON').map((c) => ({ text: c.text, name: parsePersonName(c.text) }));

  const byKey = new Map<string, ExtractedEntity>();
  for (const [group, list] of groups) {
    const type = groupType(list);
    let canonicalName: string;
    if (type === 'PERSON') {
      // The fullest form of the name, from the body or else the headline.
      const personKey = group.startsWith('PERSON|') ? group.slice('PERSON|'.length) : '';
      const forms = list.map((m) => m.text).concat(contextPersons.filter((c) => c.name.key === personKey).map((c) => c.text));
      canonicalName = forms.reduce((best, f) => (f.split(/\s+/).length > best.split(/\s+/).length ? f : best), forms[0] as string);
      if (ALL_CAPS.test(canonicalName)) canonicalName = titleCase(canonicalName);
    } else {
      const hit = list.find((m) => m.hit)?.hit;
      if (hit) canonicalName = hit.canonical;
      else {
        const mixed = list.find((m) => !ALL_CAPS.test(m.text));
        canonicalName = mixed ? mixed.text : (list[0] as Working).text;
        if (!mixed && (type === 'GPE' || type === 'LOC') && canonicalName.length > 4) canonicalName = titleCase(canonicalName);
      }
    }
    canonicalName = canonicalName.replace(/\s+/g, ' ');
    const key = `${type}:${canonicalName.toLowerCase()}`;
    const mentionsOut: Mention[] = list.map((m) => ({ start: m.start, end: m.end, text: m.text, role: m.role }));
    const existing = byKey.get(key);
    if (existing) existing.mentions.push(...mentionsOut);
    else byKey.set(key, { key, canonicalName, type, aliases: [], mentions: mentionsOut });
  }
  const entities = [...byKey.values()];
  for (const entity of entities) {
    entity.mentions.sort((a, b) => a.start - b.start);
    const seen = new Set<string>();
    for (const m of entity.mentions) {
      if (m.text !== entity.canonicalName && !seen.has(m.text)) {
        seen.add(m.text);
        entity.aliases.push(m.text);
      }
    }
  }
  entities.sort((a, b) => (a.mentions[0] as Mention).start - (b.mentions[0] as Mention).start || a.key.localeCompare(b.key));
  return entities;
}

/** The alias table's type when it knows the name, else the most frequent recognized type. */
function groupType(list: readonly Working[]): EntityType {
  const known = list.find((m) => m.hit)?.hit;
  if (known && list.every((m) => m.type !== 'PERSON')) return known.type;
  const counts = new Map<EntityType, number>();
  let best: EntityType = (list[0] as Working).type;
  for (const m of list) {
    const n = (counts.get(m.type) ?? 0) + 1;
    counts.set(m.type, n);
    if (n > (counts.get(best) ?? 0)) best = m.type;
  }
  return best;
}
