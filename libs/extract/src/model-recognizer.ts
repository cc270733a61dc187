/**
 * The trained recognizer behind the `Recognizer` seam: tokens → two-stage model → BILOU tags →
 * typed spans. CoNLL's LOC becomes GPE or LOC by the lexicon (countries, cities and states are
 * GPE; seas, regions, mountains LOC; an unknown place is GPE, as most places in news copy are).
 */

import type { EntityType } from '@wirestream/contracts';
import { knownWordType, lookupName, matchAt } from './gazetteer';
import { COMPASS_WORDS, LOC_HEADS, LOC_LEADS, NOTABLE_SURNAMES, wordSet } from './lexicon-words';
import { EAST_SURNAMES, HYPHENATED_GIVEN } from './names';
import { NER_TYPES, POS_B, POS_U, TAG_O, tagPos, tagType, type NerType } from './ner-tags';
import type { NerModel } from './ner-model';
import { nerTokenize } from './ner-tokenize';
import type { RecognizedSpan, Recognizer } from './recognizer';
import type { Token } from './tokenize';

const LOC_HEAD = wordSet(LOC_HEADS);
const LOC_LEAD = wordSet(LOC_LEADS);
const COMPASS = wordSet(COMPASS_WORDS);
const NOTABLE = wordSet(NOTABLE_SURNAMES);
const HYPHENS = new Set(['-', '‐', '‑']);
/** Compass words that stand for a country once the article has named it ("the North"). */
const SHORT_FORMS = new Set(['North', 'South']);

export interface NerSpan {
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
  /** Token range, end exclusive. */
  readonly first: number;
  readonly last: number;
}

/** Entity spans from a tag sequence (BILOU; a stray I/L opens a span, as conlleval would). */
export function spansFromTags(tokens: readonly Token[], tags: Uint8Array): NerSpan[] {
  const out: NerSpan[] = [];
  let open = -1;
  let openType = -1;
  const close = (end: number): void => {
    if (open >= 0) {
      out.push({ start: (tokens[open] as Token).start, end: (tokens[end - 1] as Token).end, type: NER_TYPES[openType] as NerType, first: open, last: end });
    }
    open = -1;
  };
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as number;
    if (tag === TAG_O) {
      close(i);
      continue;
    }
    const type = tagType(tag);
    const pos = tagPos(tag);
    if (pos === POS_B || pos === POS_U || open < 0 || type !== openType) {
      close(i);
      open = i;
      openType = type;
    }
    if (pos === POS_U || pos === 2 /* L */) close(i + 1);
  }
  close(tags.length);
  return out;
}

/** GPE or LOC for a place the model found. */
export function placeType(text: string): 'GPE' | 'LOC' {
  const hit = lookupName(text) ?? (/\s/.test(text) ? undefined : { type: knownWordType(text) });
  if (hit?.type === 'GPE' || hit?.type === 'LOC') return hit.type;
  const words = text.toLowerCase().split(/\s+/);
  if (LOC_HEAD.has(words[words.length - 1] as string) || (words.length > 1 && LOC_LEAD.has((words[0] as string).replace(/\.$/, '')))) return 'LOC';
  return 'GPE';
}

const TYPE_MAP: Record<NerType, EntityType | null> = { PER: 'PERSON', ORG: 'ORG', LOC: null, MISC: 'MISC' };

/**
 * The semver of the trained recognizer with everything around it (tokenizer, features, model file
 * format, span typing, canonicalization; the quote rules have QUOTE_RULES_VERSION). Bump it when
 * any of those changes behaviour: storage ranks results by it, so a bump lets re-processed
 * articles replace older results.
 */
export const NER_RECOGNIZER_VERSION = '1.1.0';

export class ModelRecognizer implements Recognizer {
  /** `ner-<semver>+<weights hash>`: the semver ranks, the hash tells two trained models apart. */
  readonly version: string;

  constructor(readonly model: NerModel) {
    this.version = `ner-${NER_RECOGNIZER_VERSION}+${model.header.id}`;
  }

  /** The model's own spans, with CoNLL types. */
  recognizeConll(text: string): NerSpan[] {
    const tokens = nerTokenize(text);
    return spansFromTags(tokens, this.model.tag(tokens));
  }

  recognize(text: string): RecognizedSpan[] {
    const tokens = nerTokenize(text);
    const spans = spansFromTags(tokens, this.model.tag(tokens));
    const out: RecognizedSpan[] = [];
    let covered = 0;
    for (const found of spans) {
      // "Lee Jae-myung" where the model took only the given name: the surname before it joins.
      const span =
        found.last - found.first === 1 && found.first > covered && isEastAsianName(tokens, found.first - 1, found.first + 1)
          ? { ...found, first: found.first - 1, start: (tokens[found.first - 1] as Token).start, type: 'PER' as const }
          : found;
      addMissedNames(tokens, covered, span.first, out);
      covered = span.last;
      addTyped(text, tokens, span, out);
    }
    addMissedNames(tokens, covered, tokens.length, out);
    return out;
  }
}

/**
 * Typing rules where CoNLL (1996 Reuters) gives the model little to learn from: "Korea-US" is two
 * places (CoNLL tags such compounds MISC), a lone compass word ("the North") is no entity by
 * itself (the canonicalizer resolves it when the article names the country), a "person" or a
 * MISC name opening with Camp, Mount, Lake or Fort ("the Camp David summit") is a place, and a
 * Korean surname before a hyphenated given name ("Lee Jae-myung") is a person.
 */
function addTyped(text: string, tokens: readonly Token[], span: NerSpan, out: RecognizedSpan[]): void {
  const { first, last } = span;
  if (last - first === 1 && COMPASS.has((tokens[first] as Token).norm)) return;
  if (isEastAsianName(tokens, first, last)) {
    out.push({ start: span.start, end: span.end, type: 'PERSON' });
    return;
  }
  // "Camp David", "Mount Halla", "Lake Baikal": a place, however much the rest looks like a name.
  if ((span.type === 'PER' || span.type === 'MISC') && last - first >= 2 && LOC_LEAD.has((tokens[first] as Token).norm.replace(/\.$/, ''))) {
    out.push({ start: span.start, end: span.end, type: 'LOC' });
    return;
  }
  if (last - first >= 3) {
    const parts = splitAtHyphens(tokens, first, last);
    if (parts) {
      for (const [a, b] of parts) {
        const m = matchAt(tokens, a) as { type: EntityType };
        out.push({ start: (tokens[a] as Token).start, end: (tokens[b - 1] as Token).end, type: m.type });
      }
      return;
    }
  }
  out.push({ start: span.start, end: span.end, type: TYPE_MAP[span.type] ?? placeType(text.slice(span.start, span.end)) });
}

/** Parts of a span joined by glued hyphens when every part is a whole lexicon place or name. */
function splitAtHyphens(tokens: readonly Token[], first: number, last: number): [number, number][] | null {
  const parts: [number, number][] = [];
  let a = first;
  for (let i = first + 1; i < last - 1; i++) {
    const t = tokens[i] as Token;
    const glued = HYPHENS.has(t.text) && (tokens[i - 1] as Token).end === t.start && t.end === (tokens[i + 1] as Token).start;
    if (!glued) continue;
    parts.push([a, i]);
    a = i + 1;
  }
  if (parts.length === 0) return null;
  parts.push([a, last]);
  const places: [number, number][] = [];
  for (const [s, e] of parts) {
    // "North-Russia": a lone North or South is left to the canonicalizer, which knows whether the article named the country.
    if (e - s === 1 && SHORT_FORMS.has((tokens[s] as Token).text)) continue;
    const m = matchAt(tokens, s);
    if (!m || m.length !== e - s || (m.type !== 'GPE' && m.type !== 'LOC' && m.type !== 'ORG')) return null;
    places.push([s, e]);
  }
  return places.length > 0 ? places : null;
}

/** "Lee Jae-myung", "Cho Tae-yul": a Korean surname and a hyphenated given name. */
function isEastAsianName(tokens: readonly Token[], first: number, last: number): boolean {
  if (last - first !== 2) return false;
  const sur = tokens[first] as Token;
  const given = tokens[first + 1] as Token;
  return sur.cap && EAST_SURNAMES.has(sur.norm) && HYPHENATED_GIVEN.test(given.text) && given.start === sur.end + 1;
}

/** Names the model left out entirely between tokens [from, to): Korean names, well-known surnames ("Putin"). */
function addMissedNames(tokens: readonly Token[], from: number, to: number, out: RecognizedSpan[]): void {
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (i + 1 < to && isEastAsianName(tokens, i, i + 2)) {
      out.push({ start: t.start, end: (tokens[i + 1] as Token).end, type: 'PERSON' });
      i++;
    } else if (t.cap && NOTABLE.has(t.norm)) {
      out.push({ start: t.start, end: t.end, type: 'PERSON' });
    }
  }
}
