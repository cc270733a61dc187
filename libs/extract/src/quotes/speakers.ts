/**
 * Who a phrase at an attribution cue stands for: a named person or organisation of the article, a
 * name the entity recogniser missed (taken as written), a pronoun resolved to the nearest
 * compatible person or organisation, or a description ("the spokeswoman", "the campaign")
 * resolved the same way. Gender comes from titles ("Mr.", "Congresswoman"), from first names (the
 * gender-detection-from-name package's lists) and from gendered nouns ("spokeswoman").
 */

import type { ExtractedEntity, ExtractedQuote } from '@wirestream/contracts';
import { getGender } from 'gender-detection-from-name';
import { byRole } from './roles';
import { sentenceStart } from './sentences';
import { DOCUMENT_NOUNS, GENDERED_TITLES, INDEFINITES, NOT_NAMES, ORG_NOUNS, PERSON_NOUNS, PRONOUNS, TITLES } from './cues';

export type Gender = 'male' | 'female' | null;
/** How a speaker was found (the contract's `speakerSource`). */
export type SpeakerSource = NonNullable<ExtractedQuote['speakerSource']>;

export interface Speaker {
  readonly entity: ExtractedEntity | null;
  /** The speaker's name (the entity's canonical name, or a name as written), or null when unresolved. */
  readonly name: string | null;
  readonly source: SpeakerSource;
}

/** A mention that could speak: a person or organisation of the article, or a name taken as written at a cue. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly entity: ExtractedEntity | null;
  readonly name: string;
  readonly kind: 'person' | 'org';
}

export interface SpeakerContext {
  readonly body: string;
  readonly entities: readonly ExtractedEntity[];
  /** Person and organisation mentions outside quotes, sorted by start. */
  readonly candidates: Candidate[];
  /** Whether an offset lies inside a quotation. */
  readonly quoted: (at: number) => boolean;
  readonly genders: Map<ExtractedEntity, Gender>;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG']);

export function speakerCandidates(entities: readonly ExtractedEntity[], quoted: (at: number) => boolean): Candidate[] {
  return entities
    .filter((e) => SPEAKER_TYPES.has(e.type))
    .flatMap((e) =>
      e.mentions
        .filter((m) => !quoted(m.start))
        .map((m): Candidate => ({ start: m.start, end: m.end, entity: e, name: e.canonicalName, kind: e.type === 'PERSON' ? 'person' : 'org' })),
    )
    .sort((a, b) => a.start - b.start);
}

/** Gender of a person from a gendered title before any mention, else from the first name. */
export function genderOf(ctx: SpeakerContext, entity: ExtractedEntity | null, name: string): Gender {
  if (entity && ctx.genders.has(entity)) return ctx.genders.get(entity) ?? null;
  let gender: Gender = null;
  for (const m of entity?.mentions ?? []) {
    const before = ctx.body.slice(Math.max(0, m.start - 16), m.start).toLowerCase();
    const title = /([a-z]+)\.?\s+$/.exec(before)?.[1];
    const role = m.role?.toLowerCase().replace(/\.$/, '');
    gender = GENDERED_TITLES.get(title ?? '') ?? GENDERED_TITLES.get(role ?? '') ?? null;
    if (gender) break;
  }
  if (!gender) {
    const words = name.split(/\s+/).filter((w) => !TITLES.has(w.toLowerCase().replace(/\.$/, '')));
    const first = words[0];
    if (words.length > 1 && first) {
      const g = getGender(first, 'en');
      gender = g === 'unknown' ? null : g;
    }
  }
  if (entity) ctx.genders.set(entity, gender);
  return gender;
}

const compatible = (a: Gender, b: Gender): boolean => a === null || b === null || a === b;

/** The nearest candidate before `at` of the given kind whose gender fits, looking back at most `window` characters. */
function nearest(ctx: SpeakerContext, at: number, kind: 'person' | 'org', gender: Gender, window = 3000, fits: (c: Candidate) => boolean = () => true): Candidate | null {
  for (let i = ctx.candidates.length - 1; i >= 0; i--) {
    const c = ctx.candidates[i] as Candidate;
    if (c.start >= at) continue;
    if (at - c.start > window) break;
    if (c.kind !== kind || !fits(c)) continue;
    if (kind === 'person' && !compatible(genderOf(ctx, c.entity, c.name), gender)) continue;
    return c;
  }
  return null;
}

/**
 * The subject-most person a pronoun at `at` refers to: looking back sentence by sentence (at most
 * three, within the paragraph), the first person of that gender named in the nearest sentence
 * that names one ("Bush went after Trump … . He said" → Bush).
 */
function salient(ctx: SpeakerContext, at: number, gender: Gender): Candidate | null {
  let end = at;
  for (let n = 0; n < 3 && end > 0; n++) {
    const start = sentenceStart(ctx.body, end);
    if (/\n[^\S\n]*\n/.test(ctx.body.slice(start, at))) return null;
    const first = ctx.candidates.find((c) => c.start >= start && c.end <= end && c.kind === 'person' && compatible(genderOf(ctx, c.entity, c.name), gender));
    if (first) return first;
    end = start - 1;
  }
  return null;
}

const fromCandidate = (c: Candidate | null, source: SpeakerSource): Speaker =>
  c ? { entity: c.entity, name: c.name, source } : { entity: null, name: null, source };

/** A pronoun at a cue: he/she to the previous speaker or nearest person of that gender, it to the nearest organisation. */
export function resolvePronoun(ctx: SpeakerContext, pronoun: string, at: number, previous: Candidate | null): Speaker {
  const p = pronoun.toLowerCase();
  if (p === 'he' || p === 'she') {
    const gender: Gender = p === 'he' ? 'male' : 'female';
    if (previous && previous.kind === 'person' && at - previous.end < 1500 && compatible(genderOf(ctx, previous.entity, previous.name), gender)) {
      const between = ctx.candidates.filter((c) => c.start > previous.end && c.start < at && c.kind === 'person' && c.name !== previous.name);
      if (between.every((c) => !compatible(genderOf(ctx, c.entity, c.name), gender) || genderOf(ctx, c.entity, c.name) === null)) return fromCandidate(previous, 'pronoun');
    }
    return fromCandidate(salient(ctx, at, gender) ?? nearest(ctx, at, 'person', gender), 'pronoun');
  }
  if (p === 'it' || p === 'they' || p === 'we') return fromCandidate(nearest(ctx, at, 'org', null, 1500), 'pronoun');
  return { entity: null, name: null, source: 'pronoun' };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.&-]*/gu;

/** Capitalised words in a row, titles dropped: a name the recogniser did not mark. */
function properName(phrase: string): string | null {
  const words = phrase.match(WORD) ?? [];
  let run: string[] = [];
  let best: string[] = [];
  for (const w of words) {
    const bare = w.replace(/[’']s$/, '').replace(/\.$/, '');
    const lower = bare.toLowerCase();
    if (/^\p{Lu}/u.test(w) && !NOT_NAMES.has(lower) && !(TITLES.has(lower) && run.length === 0)) {
      run.push(bare);
      if (/[’']s$/.test(w)) break;
    } else if (run.length > 0) {
      if (best.length === 0) best = run;
      run = [];
    }
  }
  if (best.length === 0) best = run;
  return best.length > 0 ? best.join(' ') : null;
}

/** A name as written linked to the article's entity with that last name, if there is one. */
function linkName(ctx: SpeakerContext, name: string): Candidate {
  const last = name.split(/\s+/).pop()?.toLowerCase() ?? '';
  const hit =
    ctx.entities.find((e) => e.type === 'PERSON' && e.canonicalName.toLowerCase().split(/\s+/).pop() === last) ??
    ctx.entities.find((e) => e.type === 'ORG' && e.canonicalName.toLowerCase() === name.toLowerCase());
  return hit
    ? { start: 0, end: 0, entity: hit, name: hit.canonicalName, kind: hit.type === 'PERSON' ? 'person' : 'org' }
    : { start: 0, end: 0, entity: null, name, kind: 'person' };
}

/**
 * The speaker a subject phrase [from, to) stands for, or undefined when the phrase names nobody
 * (empty, or words that are no subject). `previous` is the last quote's speaker, for pronouns.
 */
export function resolvePhrase(ctx: SpeakerContext, from: number, to: number, previous: Candidate | null): { speaker: Speaker; candidate: Candidate | null } | undefined {
  const phrase = ctx.body.slice(from, to).trim();
  if (phrase === '') return undefined;
  const inside = ctx.candidates.filter((c) => c.start >= from && c.end <= to);
  const named = inside.find((c) => c.kind === 'person') ?? inside[0];
  if (named) return { speaker: fromCandidate(named, 'name'), candidate: named };
  const words = (phrase.match(WORD) ?? []).map((w) => w.toLowerCase());
  const first = words[0] ?? '';
  if (words.length === 1 && PRONOUNS.has(first)) {
    const speaker = resolvePronoun(ctx, first, from, previous);
    return { speaker, candidate: candidateOf(speaker) };
  }
  const head = words[words.length - 1] ?? '';
  // A description ends on a lower-case word ("Washington’s top diplomat", "the campaign"); a name does not.
  const lastWord = phrase.match(WORD)?.pop() ?? '';
  const name = /^\p{Lu}/u.test(lastWord) ? properName(phrase) : null;
  if (name && !isPlace(ctx, name, from, to)) {
    const c = { ...linkName(ctx, name), start: from, end: to };
    return { speaker: { entity: c.entity, name: c.name, source: 'name' }, candidate: c };
  }
  if (words.length > 8) return undefined;
  if (INDEFINITES.has(first)) return { speaker: { entity: null, name: null, source: 'description' }, candidate: null };
  const role = byRole(ctx.body, ctx.entities, phrase, from);
  if (role) {
    const c: Candidate = { start: from, end: to, entity: role, name: role.canonicalName, kind: 'person' };
    return { speaker: fromCandidate(c, 'description'), candidate: c };
  }
  if (PERSON_NOUNS.has(head)) {
    const c = nearest(ctx, from, 'person', PERSON_NOUNS.get(head) ?? null);
    return { speaker: fromCandidate(c, 'description'), candidate: c };
  }
  if (ORG_NOUNS.has(head)) {
    // "the campaign", "the department": the nearest organisation whose name holds the word.
    const c = nearest(ctx, from, 'org', null, 3000, (x) => x.name.toLowerCase().split(/\s+/).includes(head));
    return { speaker: fromCandidate(c, 'description'), candidate: c };
  }
  if (DOCUMENT_NOUNS.has(head)) return { speaker: { entity: null, name: null, source: 'description' }, candidate: null };
  return undefined;
}

/** True when a name as written is a place or group the recogniser typed ("Tampa", "Republicans"), no speaker. */
function isPlace(ctx: SpeakerContext, name: string, from: number, to: number): boolean {
  const lower = name.toLowerCase();
  return ctx.entities.some(
    (e) => (e.type === 'GPE' || e.type === 'LOC' || e.type === 'MISC') && e.mentions.some((m) => m.start >= from && m.end <= to && m.text.toLowerCase().replace(/[’']s$/, '') === lower),
  );
}

function candidateOf(s: Speaker): Candidate | null {
  return s.name ? { start: 0, end: 0, entity: s.entity, name: s.name, kind: s.entity?.type === 'ORG' ? 'org' : 'person' } : null;
}
