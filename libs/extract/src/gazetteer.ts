/**
 * The gazetteer and alias table, compiled once at module load into a first-token index, and
 * matched against tokens (by the model's features, the hyphen splitting of the NER tokenizer and
 * the recognizer's typing rules) or whole names (by the canonicalizer and the quote finder).
 */

import type { EntityType } from '@wirestream/contracts';
import { GAZETTEER } from './lexicon-names';
import { FUNCTION_WORDS, wordSet } from './lexicon-words';
import { tokenize, type Token } from './tokenize';

export interface GazetteerHit {
  readonly canonical: string;
  readonly type: EntityType;
}

/** How an entry token must look in the text to match. */
/**
 * - `acronym`: no lowercase letters in the entry ("US", "DPRK", "U.S."): the text must be in capitals.
 * - `name`: starts with a capital ("Korea"): the text must start with a capital too.
 * - `any`: lowercase or punctuation ("of", "'s", "al-Qaeda"): any case.
 */
type Mode = 'acronym' | 'name' | 'any';

interface EntryToken {
  readonly norm: string;
  readonly mode: Mode;
}

interface CompiledEntry extends GazetteerHit {
  readonly tokens: readonly EntryToken[];
}

const FUNCTION = wordSet(FUNCTION_WORDS);

function entryTokens(form: string): EntryToken[] {
  return tokenize(form).map((t) => ({
    norm: t.norm,
    mode: t.isWord && t.upper && t.text.length > 1 ? 'acronym' : t.isWord && !t.lower ? 'name' : 'any',
  }));
}

const INDEX = new Map<string, CompiledEntry[]>();
/** Single-token forms, by lowercase text, for quick "is this a known name" checks. */
const SINGLE = new Map<string, CompiledEntry>();

for (const entry of GAZETTEER) {
  for (const form of [entry.canonical, ...(entry.forms ?? [])]) {
    const tokens = entryTokens(form);
    const first = tokens[0];
    if (first === undefined) continue;
    const compiled: CompiledEntry = { canonical: entry.canonical, type: entry.type, tokens };
    const list = INDEX.get(first.norm) ?? [];
    // First listed wins for an identical form (aliases are listed before plain lists).
    if (!list.some((e) => sameForm(e.tokens, tokens))) list.push(compiled);
    INDEX.set(first.norm, list);
    if (tokens.length === 1 && !SINGLE.has(first.norm)) SINGLE.set(first.norm, compiled);
  }
}
for (const list of INDEX.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

function sameForm(a: readonly EntryToken[], b: readonly EntryToken[]): boolean {
  return a.length === b.length && a.every((t, i) => t.norm === (b[i] as EntryToken).norm && t.mode === (b[i] as EntryToken).mode);
}

function tokenMatches(e: EntryToken, t: Token): boolean {
  if (e.norm !== t.norm) return false;
  switch (e.mode) {
    case 'acronym':
      // In a headline in capitals "US" may just be "us".
      return t.upper && !(t.capsSentence && FUNCTION.has(t.norm));
    case 'name':
      return t.cap || t.upper;
    default:
      return true;
  }
}

export interface GazetteerMatch extends GazetteerHit {
  /** Number of tokens the match covers. */
  readonly length: number;
}

/** Longest gazetteer entry starting at token `i`, if any. Never crosses a sentence start. */
export function matchAt(tokens: readonly Token[], i: number): GazetteerMatch | undefined {
  const first = tokens[i];
  if (first === undefined) return undefined;
  const candidates = INDEX.get(first.norm);
  if (candidates === undefined) return undefined;
  outer: for (const entry of candidates) {
    const n = entry.tokens.length;
    if (i + n > tokens.length) continue;
    for (let k = 0; k < n; k++) {
      const t = tokens[i + k] as Token;
      if (k > 0 && t.sentStart) continue outer;
      if (!tokenMatches(entry.tokens[k] as EntryToken, t)) continue outer;
    }
    return { canonical: entry.canonical, type: entry.type, length: n };
  }
  return undefined;
}

/** Whether a single word (any case) is a known single-word name. */
export function isKnownWord(word: string): boolean {
  return SINGLE.has(word.toLowerCase().replace(/[’‘]/g, "'"));
}

/** Type of a known single-word name, case-insensitively. */
export function knownWordType(word: string): EntityType | undefined {
  return SINGLE.get(word.toLowerCase().replace(/[’‘]/g, "'"))?.type;
}

const LOOKUP_CACHE = new Map<string, GazetteerHit | null>();
const LOOKUP_CACHE_LIMIT = 20_000;

/**
 * The alias table: the canonical name and type of a whole surface form ("DPRK" → North Korea,
 * GPE), or undefined when the form is not listed. Respects case for acronyms ("US" but not "us").
 */
export function lookupName(surface: string): GazetteerHit | undefined {
  const cached = LOOKUP_CACHE.get(surface);
  if (cached !== undefined) return cached ?? undefined;
  let hit: GazetteerHit | undefined;
  const tokens = tokenize(surface);
  for (const skip of [0, 1]) {
    if (skip === 1 && tokens[0]?.norm !== 'the') break;
    const rest = tokens.slice(skip);
    if (rest.length === 0) break;
    for (const t of rest) t.sentStart = false;
    const candidates = INDEX.get((rest[0] as Token).norm) ?? [];
    const exact = candidates.find(
      (e) => e.tokens.length === rest.length && e.tokens.every((et, k) => tokenMatches(et, rest[k] as Token)),
    );
    if (exact) {
      hit = { canonical: exact.canonical, type: exact.type };
      break;
    }
  }
  if (LOOKUP_CACHE.size >= LOOKUP_CACHE_LIMIT) LOOKUP_CACHE.clear();
  LOOKUP_CACHE.set(surface, hit ?? null);
  return hit;
}
