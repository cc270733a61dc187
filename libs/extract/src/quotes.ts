/**
 * Direct quotations and who said them.
 *
 * Quotes are runs of text between double quotation marks (curly “ ”, straight ", guillemets « »),
 * of at least MIN_QUOTE_WORDS words (shorter ones are scare quotes and terms: “two-way street”).
 * A quote left open at a paragraph's end continues when the next paragraph opens with a quotation
 * mark (the newswire convention), and otherwise ends with its paragraph.
 *
 * The speaker comes from, in order:
 * 1. an attribution after the quote in its sentence: `“…,” Blinken said`, `“…,” said Blinken`,
 *    `“…,” he added` (the last named speaker), `“…,” Washington's top diplomat said` (a person the
 *    article has already named with a matching role), `“…,” according to Blinken`;
 * 2. an attribution before it in its sentence: `Blinken told reporters, “…”`, `Yoon pledged to “…”`;
 * 3. a quote that opens its sentence with no attribution continues the previous quote's speaker
 *    when that quote ended in the same or the previous paragraph.
 * Otherwise the speaker is null.
 */

import type { ExtractedEntity } from '@wirestream/contracts';
import { lookupName } from './gazetteer';
import { PERSON_VERBS, wordSet } from './lexicon-words';

export interface Quote {
  /** The quoted words; paragraphs of a multi-paragraph quote joined by a blank line. */
  readonly text: string;
  /** UTF-16 offsets into the body of the quoted stretch (inside the marks), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The speaker's entity key (`PERSON:antony blinken`), or null when no speaker is found. */
  readonly speakerKey: string | null;
  readonly speakerName: string | null;
}

export const MIN_QUOTE_WORDS = 4;

const OPENERS = new Set(['“', '"', '«', '„']);
const CLOSERS = new Set(['”', '"', '»', '“']);
const SPEECH = wordSet(
  `${PERSON_VERBS}|say|tell|add|note|pledged|pledges|reaffirmed|reaffirms|declared|declares|announced|announces|
   continued|continues|concluded|observed|claimed|claims|predicted|promised|promises|suggested|suggests|cautioned|
   responded|declared|quipped|posted|joked|wondered|demanded|agreed|countered|echoed|reiterated|reiterates`,
);
const PRONOUNS = new Set(['he', 'she']);
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

interface RawQuote {
  start: number;
  end: number;
  /** Inner ranges, one per paragraph. */
  parts: [number, number][];
}

/** Quotation stretches in `body`, paired paragraph by paragraph. */
export function findQuotations(body: string): RawQuote[] {
  const out: RawQuote[] = [];
  const paragraphs: [number, number][] = [];
  const breakRe = /\n[^\S\n]*\n\s*/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = breakRe.exec(body)) !== null) {
    paragraphs.push([from, m.index]);
    from = m.index + m[0].length;
  }
  paragraphs.push([from, body.length]);
  let open: RawQuote | null = null;
  let partStart = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const [ps, pe] = paragraphs[p] as [number, number];
    let i = ps;
    if (open) {
      // A quote left open: continues only if this paragraph opens with a quotation mark.
      while (i < pe && /\s/.test(body.charAt(i))) i++;
      if (i < pe && OPENERS.has(body.charAt(i))) {
        partStart = i + 1;
        i++;
      } else {
        open = null;
      }
    }
    for (; i < pe; i++) {
      const c = body.charAt(i);
      if (open === null) {
        if (OPENERS.has(c)) {
          open = { start: i + 1, end: i + 1, parts: [] };
          partStart = i + 1;
        }
      } else if (CLOSERS.has(c) && !(c === '“' && !/[\s,.;:!?—–-]|$/.test(body.charAt(i + 1)))) {
        open.parts.push([partStart, i]);
        open.end = i;
        out.push(open);
        open = null;
      }
    }
    if (open) {
      // Paragraph ended inside a quote: this part runs to the paragraph's end.
      let end = pe;
      while (end > partStart && /\s/.test(body.charAt(end - 1))) end--;
      open.parts.push([partStart, end]);
      open.end = end;
      const next = paragraphs[p + 1];
      let j = next ? next[0] : body.length;
      while (next && j < next[1] && /\s/.test(body.charAt(j))) j++;
      if (!next || !OPENERS.has(body.charAt(j))) {
        out.push(open);
        open = null;
      }
    }
  }
  return out.filter((q) => q.end > q.start);
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

interface PersonMention {
  readonly start: number;
  readonly end: number;
  readonly entity: ExtractedEntity;
}

/** End of the sentence that runs on from `from` (a period, ! or ? before a space, or a paragraph break). */
function sentenceEnd(body: string, from: number): number {
  const re = /[.!?](?=[\s"”’]|$)|\n[^\S\n]*\n|[“«"]/g;
  re.lastIndex = from;
  const m = re.exec(body);
  return m ? m.index : body.length;
}

/** Start of the sentence holding offset `at`. */
function sentenceStart(body: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    const c = body.charAt(i);
    if (c === '\n') return i + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(body.charAt(i + 1))) return i + 1;
  }
  return 0;
}

/**
 * Quotes in `body` with their speakers, resolved against the article's entities (as returned
 * by `extractEntities` for the same body).
 */
export function extractQuotes(body: string, entities: readonly ExtractedEntity[]): Quote[] {
  const persons: PersonMention[] = entities
    .filter((e) => e.type === 'PERSON')
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e })))
    .sort((a, b) => a.start - b.start);
  const quotes: Quote[] = [];
  let lastSpeaker: ExtractedEntity | null = null;
  let lastQuoteEnd = -1;
  let lastQuoteSpeaker: ExtractedEntity | null = null;
  for (const raw of findQuotations(body)) {
    const text = raw.parts.map(([s, e]) => body.slice(s, e).trim()).join('\n\n');
    if (wordCount(text) < MIN_QUOTE_WORDS) continue;
    const context: Context = { body, persons, entities, lastSpeaker, quoteStart: raw.start - 1 };
    // A quote that ends its own sentence ("… this week.") takes no attribution after it.
    let speaker = /[.]\s*$/.test(text) ? undefined : attributionAfter(context, raw.end);
    if (speaker === undefined) speaker = attributionBefore(context, raw.start - 1);
    if (speaker === undefined) {
      const opensSentence = body.slice(sentenceStart(body, raw.start - 1), raw.start - 1).trim() === '';
      const between = body.slice(lastQuoteEnd, raw.start);
      const nearby = lastQuoteEnd >= 0 && (between.match(/\n[^\S\n]*\n/g)?.length ?? 0) <= 1;
      // Someone else named in between takes the floor away from the previous speaker.
      const otherNamed = persons.some((p) => p.start > lastQuoteEnd && p.start < raw.start && p.entity !== lastQuoteSpeaker);
      speaker = opensSentence && nearby && !otherNamed ? lastQuoteSpeaker : null;
    }
    quotes.push({ text, start: raw.start, end: raw.end, speakerKey: speaker?.key ?? null, speakerName: speaker?.canonicalName ?? null });
    if (speaker) lastSpeaker = speaker;
    lastQuoteEnd = raw.end;
    lastQuoteSpeaker = speaker;
  }
  return quotes;
}

interface Context {
  readonly body: string;
  readonly persons: readonly PersonMention[];
  readonly entities: readonly ExtractedEntity[];
  readonly lastSpeaker: ExtractedEntity | null;
  readonly quoteStart: number;
}

const WORD_RE = /[\p{L}\p{N}’'.-]+/gu;

/** The speaker named after the quote, null when the attribution names no one we know, undefined when there is none. */
function attributionAfter(ctx: Context, quoteEnd: number): ExtractedEntity | null | undefined {
  const { body } = ctx;
  let from = quoteEnd;
  if (CLOSERS.has(body.charAt(from))) from++;
  const end = sentenceEnd(body, from);
  const tail = body.slice(from, end);
  // "according to X"
  const according = /\baccording to\s+/i.exec(tail);
  const re = new RegExp(WORD_RE.source, WORD_RE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(tail)) !== null) {
    const word = m[0].toLowerCase();
    if (!SPEECH.has(word) || !/^\p{Ll}/u.test(m[0])) continue;
    const verbStart = from + m.index;
    const verbEnd = verbStart + m[0].length;
    // Subject: from the last comma (or the quote) up to the verb.
    const before = body.slice(from, verbStart);
    const clause = before.lastIndexOf(',');
    const subjectStart = clause >= 0 ? from + clause + 1 : from;
    const subject = resolveSubject(ctx, subjectStart, verbStart);
    if (subject !== undefined) return subject;
    // "said Blinken"
    const after = ctx.persons.find((p) => p.start >= verbEnd && p.start <= verbEnd + 2);
    if (after) return after.entity;
    if (body.slice(subjectStart, verbStart).trim() === '') continue;
    return null;
  }
  if (according) {
    const at = from + according.index + according[0].length;
    const p = ctx.persons.find((x) => x.start >= at && x.start <= at + 40 && x.start < end);
    if (p) return p.entity;
  }
  return undefined;
}

/** The speaker of a quote attributed before it in its sentence ("Blinken told reporters, “…”"). */
function attributionBefore(ctx: Context, quoteOpen: number): ExtractedEntity | null | undefined {
  const { body } = ctx;
  const start = sentenceStart(body, quoteOpen);
  const head = body.slice(start, quoteOpen);
  const re = new RegExp(WORD_RE.source, WORD_RE.flags);
  let m: RegExpExecArray | null;
  let found: ExtractedEntity | null | undefined;
  while ((m = re.exec(head)) !== null) {
    if (!SPEECH.has(m[0].toLowerCase()) || !/^\p{Ll}/u.test(m[0])) continue;
    const verbStart = start + m.index;
    // The subject is the name or pronoun right before the verb (an adverb may sit between).
    const lead = body.slice(start, verbStart);
    const words = lead.trimEnd().split(/\s+/);
    let k = words.length - 1;
    if (k >= 0 && /^(?:also|then|later|again|previously|further|repeatedly|once)$/i.test(words[k] as string)) k--;
    const subjectEnd = start + words.slice(0, k + 1).join(' ').length;
    const p = ctx.persons.find((x) => x.end <= verbStart && x.end >= subjectEnd - 1 && x.start >= start);
    if (p) found = p.entity;
    else if (k >= 0 && PRONOUNS.has((words[k] as string).toLowerCase())) found = ctx.lastSpeaker ?? lastPersonBefore(ctx, verbStart);
  }
  return found;
}

function lastPersonBefore(ctx: Context, at: number): ExtractedEntity | null {
  let best: PersonMention | null = null;
  for (const p of ctx.persons) if (p.end <= at) best = p;
  return best?.entity ?? null;
}

/** Resolves the words before a speech verb: a named person, a pronoun, or a job descriptor. */
function resolveSubject(ctx: Context, from: number, to: number): ExtractedEntity | null | undefined {
  const phrase = ctx.body.slice(from, to).trim();
  if (phrase === '') return undefined;
  const p = ctx.persons.find((x) => x.start >= from && x.end <= to);
  if (p) return p.entity;
  const words = phrase.split(/\s+/);
  if (words.length === 1 && PRONOUNS.has((words[0] as string).toLowerCase())) return ctx.lastSpeaker ?? lastPersonBefore(ctx, from);
  if (words.length > 6) return undefined;
  return byRole(ctx, phrase);
}

/** A person already named in the article whose role the descriptor fits ("Washington's top diplomat"). */
function byRole(ctx: Context, descriptor: string): ExtractedEntity | null {
  const d = descriptor.toLowerCase().replace(/[’']s\b/g, '');
  const rule = ROLE_WORDS.find(([re]) => re.test(d));
  if (!rule) return null;
  const country = descriptorCountry(d);
  const candidates: { entity: ExtractedEntity; last: number; fit: number }[] = [];
  for (const e of ctx.entities) {
    if (e.type !== 'PERSON') continue;
    const before = e.mentions.filter((m) => m.start < ctx.quoteStart);
    if (before.length === 0) continue;
    if (!e.mentions.some((m) => m.role !== null && rule[1].test(m.role.toLowerCase()))) continue;
    // A person known to be from the descriptor's country fits better than one of unknown origin.
    let fit = 0;
    if (country !== null) {
      const own = personCountry(ctx, e);
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
function personCountry(ctx: Context, e: ExtractedEntity): string | null {
  for (const m of e.mentions) {
    if (m.role === null) continue;
    // The role sits just before the name, separated by a space or two ("US Secretary of State Antony Blinken").
    const roleAt = ctx.body.lastIndexOf(m.role, m.start - m.role.length);
    if (roleAt < 0 || m.start - (roleAt + m.role.length) > 3) continue;
    const window = ctx.body.slice(Math.max(0, roleAt - 30), roleAt);
    const words = window.trim().split(/\s+/);
    const last = words[words.length - 1];
    if (!last) continue;
    const hit = lookupName(last);
    if (hit?.type === 'GPE') return hit.canonical.toLowerCase();
  }
  return null;
}
