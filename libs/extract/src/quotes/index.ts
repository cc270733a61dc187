/**
 * Direct quotations and who said them.
 *
 * Quotes are the stretches between double quotation marks (quotations.ts). A short one (fewer than
 * SHORT_QUOTE_WORDS words) is kept as a partial quote of what its sentence reports when someone
 * can be found to have said it (`called it “unethical” and “horrifying.”`, `blamed the law on
 * “knuckleheaded politicians.”`: a cue, the previous quote's speaker, or its sentence's subject);
 * otherwise it is a scare quote or a term. A quote that reads as the name of a show, book or film
 * is dropped: capitalised word by word and short with no cue attributing it, or after a
 * possessive, "on" or "told" (`on CNN’s “State of the Union”`).
 *
 * The speaker comes from, in order:
 * 1. an attribution after the quote in its sentence: `“…,” Blinken said`, `“…,” said Blinken`,
 *    `“…,” Mr. Greenfield said`, `“…,” he added`, `“…,” the spokeswoman said`, `“…,” according to Blinken`;
 * 2. an attribution before it in its sentence: `Blinken told reporters, “…”`, `Yoon called it “…”`,
 *    `According to the report, “…”`;
 * 3. the previous quote's speaker, when that quote is in the same sentence (`called it “A” and “B”`)
 *    or the same paragraph with nobody else named in between (the previous quote's own attribution
 *    sentence, appositive included, does not count), or when this quote opens the next paragraph
 *    and that paragraph names nobody else (a continuation paragraph). A quote continued into the
 *    next paragraph is one quote (the opening mark convention), so its attribution is found
 *    wherever it stands;
 * 4. the subject of the sentence just before, in the same paragraph or ending the previous one with
 *    a colon, when that sentence holds a cue verb and no quote (`Harlan told the crowd:` ¶ `“…”`);
 * 5. for a quote inside a sentence with no cue (`Ruiz blamed the law on “…”`), that sentence's subject.
 * Names come from the article's entities, or as written when the recogniser missed them;
 * pronouns and descriptions resolve to the nearest compatible person or organisation
 * (speakers.ts). A quote with no speaker says so: `speakerSource` is 'unknown', or the cue's
 * pronoun or description that named nobody, with `speakerKey` and `speakerName` null.
 */

import type { ExtractedEntity } from '@wirestream/contracts';
import { ADVERBS, CUE_VERBS, JUDGING_VERBS } from './cues';
import { CLOSERS, findQuotations, type RawQuote } from './quotations';
import { sentenceEnd, sentenceStart } from './sentences';
import { resolvePhrase, speakerCandidates, type Candidate, type Speaker, type SpeakerContext, type SpeakerSource } from './speakers';

export { findQuotations, type RawQuote } from './quotations';
export type { SpeakerSource } from './speakers';

export interface Quote {
  /** The quoted words; paragraphs of a multi-paragraph quote joined by a blank line. */
  readonly text: string;
  /** UTF-16 offsets into the body of the quoted stretch (inside the marks), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The speaker's entity key (`PERSON:antony blinken`), or null when the speaker is not one of the article's entities. */
  readonly speakerKey: string | null;
  /** The speaker's name (canonical, or as written), or null when no speaker is known. */
  readonly speakerName: string | null;
  /** How the speaker was found; 'unknown' when nothing in the text attributes the quote. */
  readonly speakerSource: SpeakerSource;
}

/**
 * The version of the quote rules (this folder), carried in `extractorVersion()` after the model's:
 * bump it when a change alters which quotes are found, their spans or whom they are given to.
 */
export const QUOTE_RULES_VERSION = 3;

export const SHORT_QUOTE_WORDS = 4;
/** How far after a quote (in words) a cue verb may stand: `“…,” Smith, a Democrat from Ohio, said`. */
const MAX_WORDS_BEFORE_CUE = 12;

const WORD_RE = /[\p{L}\p{N}’'.-]+/gu;
const UNKNOWN: Speaker = { entity: null, name: null, source: 'unknown' };

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

interface Found {
  readonly speaker: Speaker;
  readonly candidate: Candidate | null;
}

/**
 * Quotes in `body` with their speakers, resolved against the article's entities (as returned
 * by `extractEntities` for the same body).
 */
export function extractQuotes(body: string, entities: readonly ExtractedEntity[]): Quote[] {
  const raws = findQuotations(body);
  const quoted = (at: number): boolean => raws.some((q) => at >= q.start && at < q.end);
  const ctx: SpeakerContext = { body, entities, candidates: speakerCandidates(entities, quoted), quoted, genders: new Map() };
  const quotes: Quote[] = [];
  let previous: { raw: RawQuote; found: Found } | null = null;
  let lastSpeaker: Candidate | null = null;
  raws.forEach((raw, index) => {
    const text = raw.parts.map(([s, e]) => body.slice(s, e).trim()).join('\n\n');
    const nextStart = raws[index + 1] ? (raws[index + 1] as RawQuote).start - 1 : body.length;
    const prevEnd = previous ? previous.raw.end + 1 : 0;
    // A quote that ends its own sentence ("… this week.") takes an attribution after it only in the
    // form "“….” Smith said." (the subject and verb right after the closing mark).
    let found = /[.]\s*$/.test(text) ? closingAttribution(ctx, raw.end, nextStart, lastSpeaker) : attributionAfter(ctx, raw.end, nextStart, lastSpeaker);
    const headStart = Math.max(sentenceStart(body, raw.start - 1), prevEnd);
    // An attribution after the quote that names nobody gives way to a named one before it.
    if (found === undefined || found.speaker.name === null) found = attributionBefore(ctx, headStart, raw.start - 1, lastSpeaker) ?? found;
    const cued = found !== undefined;
    if (found === undefined && previous && previous.found.speaker.name !== null) {
      const sameSentence = sentenceStart(body, raw.start - 1) <= previous.raw.start;
      const between = body.slice(previous.raw.end, raw.start);
      const sameParagraph = !PARAGRAPH_BREAK.test(between);
      const nextParagraph = opensParagraph(body, raw.start - 1) && between.match(PARAGRAPH_BREAKS)?.length === 1 && !namesSomeoneElse(ctx, previous.found.speaker, raw.start);
      if ((sameSentence || sameParagraph || nextParagraph) && !someoneElseBetween(ctx, previous, raw.start))
        found = { speaker: { ...previous.found.speaker, source: 'continuation' }, candidate: previous.found.candidate };
    }
    found ??= introducedBefore(ctx, raw.start - 1, prevEnd, lastSpeaker);
    const short = wordCount(text) < SHORT_QUOTE_WORDS;
    if (found === undefined) {
      // A quote inside a sentence with no cue of its own ("X blamed the law on “…”") is its subject's.
      const subject = sentenceSubject(ctx, sentenceStart(body, raw.start - 1), raw.start - 1, lastSpeaker);
      if (subject.speaker.name !== null) found = subject;
    }
    if (looksLikeTitle(text) && ((short && !cued) || TITLE_BEFORE.test(body.slice(Math.max(0, raw.start - 30), raw.start - 1)))) return;
    // A short quote nobody can be found to have said is a scare quote or a term ("so-called “rebels”").
    if (short && found === undefined) return;
    const speaker = found?.speaker ?? UNKNOWN;
    quotes.push({ text, start: raw.start, end: raw.end, speakerKey: speaker.entity?.key ?? null, speakerName: speaker.name, speakerSource: speaker.source });
    previous = { raw, found: found ?? { speaker: UNKNOWN, candidate: null } };
    if (found?.candidate) lastSpeaker = found.candidate;
  });
  return quotes;
}

/**
 * What stands before the name of a show, book or film: a possessive ("CNN’s"), "on", "told", the
 * kind of work, with or without a comma ("her memoir, “…”"), "interview with", "author of",
 * "roles in", or another quoted title and "and" (“Veep” and “…”).
 */
const TITLE_BEFORE =
  /(?:\p{Lu}[\p{L}.&]*[’']s?|\b(?:on|told)|\b(?:podcast|show|program|programme|series|film|movie|book|song|album|memoir|novel|documentary|play|ad|anthem|sitcom|musical),?|\binterview with|\b(?:co-)?author of|\broles? in|\bstarred in|[”"],?\s+(?:and|or))\s*$/u;

/** A name of a show, book or film: every word capitalised but short function words ("State of the Union"). */
function looksLikeTitle(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}’'&-]*/gu) ?? [];
  return words.length > 0 && words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && w.length <= 3));
}

const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;
const PARAGRAPH_BREAKS = /\n[^\S\n]*\n\s*/g;

/** True when the quotation mark at `quoteOpen` is the first thing in its paragraph. */
function opensParagraph(body: string, quoteOpen: number): boolean {
  let i = quoteOpen;
  while (i > 0 && /[^\S\n]/.test(body.charAt(i - 1))) i--;
  return i === 0 || body.charAt(i - 1) === '\n';
}

/**
 * Whether a person or organisation other than the previous quote's speaker is named between that
 * quote and `quoteOpen`. The previous quote's own attribution sentence ("“A,” said Smith, a lawyer
 * at Jones Day.") does not count: it names the speaker and what the speaker is.
 */
function someoneElseBetween(ctx: SpeakerContext, previous: { raw: RawQuote; found: Found }, quoteOpen: number): boolean {
  const { speaker, candidate } = previous.found;
  // The attribution sentence after the previous quote ("“A,” he said of Cruz.") names the speaker and whom it speaks of.
  const tailEnd = sentenceEnd(ctx.body, previous.raw.end + 1);
  const tailHasCue = (ctx.body.slice(previous.raw.end + 1, tailEnd).match(WORD_RE) ?? []).some((w) => CUE_VERBS.has(w) && !JUDGING_VERBS.has(w));
  const attributionEnd = Math.max(candidate && candidate.start >= previous.raw.end ? sentenceEnd(ctx.body, candidate.end) : previous.raw.end, tailHasCue ? tailEnd : 0);
  const others = ctx.candidates.filter((c) => c.start > previous.raw.end && c.start < quoteOpen && !(c.start < attributionEnd));
  // Only a sentence's subject (its first person or organisation) takes the floor: "Osei backs Harlan." keeps Osei speaking.
  const subjects = others.filter((c, i) => i === 0 || sentenceStart(ctx.body, c.start) !== sentenceStart(ctx.body, (others[i - 1] as Candidate).start));
  return subjects.some((c) => c.name !== speaker.name && (c.entity === null || c.entity !== speaker.entity));
}

/** Whether the paragraph from `from` names, outside its quotes, a person or organisation other than `speaker`. */
function namesSomeoneElse(ctx: SpeakerContext, speaker: Speaker, from: number): boolean {
  const end = ctx.body.slice(from).search(PARAGRAPH_BREAK);
  const to = end < 0 ? ctx.body.length : from + end;
  return ctx.candidates.some((c) => c.start >= from && c.start < to && c.name !== speaker.name && (c.entity === null || c.entity !== speaker.entity));
}

/** "“….” Smith said." or "“….” said Smith.": a cue within three words of the closing mark, ending its sentence. */
function closingAttribution(ctx: SpeakerContext, quoteEnd: number, nextQuote: number, previous: Candidate | null): Found | undefined {
  const { body } = ctx;
  const from = CLOSERS.has(body.charAt(quoteEnd)) ? quoteEnd + 1 : quoteEnd;
  const m = /^[^\S\n]+((?:[\p{Lu}][\p{L}’'.-]*\s+){0,3}?|(?:he|she)\s+)(said|says|added|adds|wrote|writes|told|asked|continued|explained|noted)\b([^.!?\n]{0,60})[.!?]/u.exec(body.slice(from, Math.min(nextQuote, from + 120)));
  if (!m) return undefined;
  return attributionAfter(ctx, quoteEnd, Math.min(nextQuote, from + m[0].length), previous);
}

/** Start of the words after `from`, skipping spaces and punctuation. */
function skipPunctuation(body: string, from: number, to: number): number {
  let i = from;
  while (i < to && /[\s,;:—–-]/.test(body.charAt(i))) i++;
  return i;
}

/** The end of a subject that follows its verb ("said Smith, a Democrat") : up to a comma or the end. */
function phraseAfter(body: string, from: number, to: number): [number, number] {
  const s = skipPunctuation(body, from, to);
  const comma = body.slice(s, to).search(/[,;:(]|\s(?:on|in|at|during|after|before|while|when|who|that|to|about|of)\s/);
  return [s, comma >= 0 ? s + comma : to];
}

/** Where the subject's own words end: before a trailing appositive ("Levine, who gave to Rubio,"). */
function subjectEndOf(body: string, from: number, to: number): number {
  const comma = body.slice(from, to).search(/,/);
  return comma >= 0 ? from + comma : to;
}

/** The end of [from, to) without trailing spaces and adverbs ("Smith also" → "Smith"). */
function withoutAdverbs(body: string, from: number, to: number): number {
  let end = to;
  for (;;) {
    while (end > from && /\s/.test(body.charAt(end - 1))) end--;
    const m = /[\p{L}]+$/u.exec(body.slice(from, end));
    if (!m || !ADVERBS.has(m[0].toLowerCase()) || m.index === 0) return end;
    end = from + m.index;
  }
}

/** The attribution after a quote, or undefined when its sentence has none. */
function attributionAfter(ctx: SpeakerContext, quoteEnd: number, nextQuote: number, previous: Candidate | null): Found | undefined {
  const { body } = ctx;
  let from = quoteEnd;
  if (CLOSERS.has(body.charAt(from))) from++;
  const end = Math.min(sentenceEnd(body, from), nextQuote);
  const tail = body.slice(from, end);
  const according = /\baccording to\s/i.exec(tail);
  if (according && tail.slice(0, according.index).trim().replace(/[,;—–-]/g, '') === '') {
    const [s, e] = phraseAfter(body, from + according.index + according[0].length, end);
    return resolvePhrase(ctx, s, e, previous);
  }
  const re = new RegExp(WORD_RE.source, WORD_RE.flags);
  let m: RegExpExecArray | null;
  for (let n = 0; (m = re.exec(tail)) !== null && n < MAX_WORDS_BEFORE_CUE; n++) {
    const word = m[0].toLowerCase();
    if (!CUE_VERBS.has(word) || JUDGING_VERBS.has(word) || !/^\p{Ll}/u.test(m[0])) continue;
    const verbStart = from + m.index;
    const verbEnd = verbStart + m[0].length;
    const subjectStart = skipPunctuation(body, from, verbStart);
    if (subjectStart >= verbStart) {
      // "said Blinken"
      const [s, e] = phraseAfter(body, verbEnd, end);
      return resolvePhrase(ctx, s, e, previous) ?? { speaker: UNKNOWN, candidate: null };
    }
    // "Blinken said", "Smith, a Democrat from Ohio, said", "on several levels, Blinken said".
    const start = clauseStart(body, subjectStart, withoutAdverbs(body, subjectStart, verbStart));
    const found = resolvePhrase(ctx, start, withoutAdverbs(body, start, subjectEndOf(body, start, verbStart)), previous);
    return found ?? { speaker: { entity: null, name: null, source: 'description' }, candidate: null };
  }
  return undefined;
}

/** Verbs after which a name is the speaker ("said Blinken"), not the object ("called Alwaleed"). */
const SAYING = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes', 'asked', 'asks', 'continued', 'replied', 'explained', 'recalled', 'noted', 'insisted', 'argued', 'warned']);

/** Words that open the clause of a subject when looking back from its verb. */
const CLAUSE_WORDS = /\b(?:that|and|but|when|because|while|where|if|so|then|than)\s/gi;
/** A comma-delimited stretch that describes the subject rather than naming it: "who has …", "a Democrat", "30". */
const APPOSITIVE = /^\s*(?:who|which|a|an|\d+|[a-z]+ing|[a-z]+ of|in|at|on|en|for|with|from|by|during|herself|himself|itself)\b/;

/**
 * Start of the subject that ends at `end`: the last comma-delimited stretch that is not an
 * appositive ("Levine, who gave to Rubio, said"), after its last clause word ("… and Smith said").
 */
function clauseStart(body: string, from: number, end: number): number {
  const text = body.slice(from, end);
  const commas = [-1, ...[...text.matchAll(/[,;:—–]/g)].map((m) => m.index)];
  let segStart = 0;
  let segEnd = text.length;
  for (let k = commas.length - 1; k >= 0; k--) {
    const s = (commas[k] as number) + 1;
    const segment = text.slice(s, segEnd);
    if (segment.trim() === '' || (APPOSITIVE.test(segment) && k > 0 && text.charAt(commas[k] as number) === ',')) {
      segEnd = commas[k] as number;
      continue;
    }
    segStart = s;
    break;
  }
  let start = segStart;
  const words = new RegExp(CLAUSE_WORDS.source, CLAUSE_WORDS.flags);
  let m: RegExpExecArray | null;
  const segment = text.slice(segStart, segEnd);
  while ((m = words.exec(segment)) !== null) start = segStart + m.index + m[0].length;
  return from + start;
}

/** The attribution before a quote in its sentence ("Blinken told reporters, “…”", "Yoon called it “…”"). */
function attributionBefore(ctx: SpeakerContext, headStart: number, quoteOpen: number, previous: Candidate | null): Found | undefined {
  const { body } = ctx;
  const head = body.slice(headStart, quoteOpen);
  const according = /\baccording to\s/i.exec(head);
  if (according) {
    const [s, e] = phraseAfter(body, headStart + according.index + according[0].length, quoteOpen);
    const found = resolvePhrase(ctx, s, e, previous);
    if (found) return found;
  }
  // "As Smith put it, “…”", "in Smith’s words, “…”"
  const putIt = /\bas\s+(\S.{0,80}?)\s+(?:(?:has|had|once|so|memorably|aptly)\s+)?(?:put|puts)\s+it\b|\bin\s+(\S.{0,60}?)[’']s?\s+(?:own\s+)?words\b/i.exec(head);
  if (putIt) {
    const group = putIt[1] !== undefined ? 1 : 2;
    const s = headStart + putIt.index + putIt[0].indexOf(putIt[group] as string);
    const found = resolvePhrase(ctx, s, s + (putIt[group] as string).length, previous);
    if (found) return found;
  }
  const re = new RegExp(WORD_RE.source, WORD_RE.flags);
  let m: RegExpExecArray | null;
  let verb: RegExpExecArray | null = null;
  while ((m = re.exec(head)) !== null) {
    const lower = m[0].toLowerCase();
    // "Said Smith, “…”": a saying verb may open the sentence, capitalised, before its subject.
    const opensSentence = m.index === 0 || body.slice(sentenceStart(body, headStart + m.index), headStart + m.index).trim() === '';
    if (CUE_VERBS.has(lower) && (/^\p{Ll}/u.test(m[0]) || (opensSentence && SAYING.has(lower)))) verb = m;
  }
  if (!verb) return namedBeforeColon(ctx, headStart, quoteOpen, previous);
  const verbStart = headStart + verb.index;
  // "Sanders was asked by host Bill Maher, “…”": a passive cue's agent speaks.
  const agent = /^\s+by\s+/.exec(body.slice(verbStart + verb[0].length, quoteOpen));
  if (agent && /\b(?:was|were|is|are|been|being|be)\s+(?:[\p{L}]+ly\s+)?$/u.test(body.slice(headStart, verbStart))) {
    const [s, e] = phraseAfter(body, verbStart + verb[0].length + agent[0].length, quoteOpen);
    const found = resolvePhrase(ctx, s, e, previous);
    if (found?.speaker.name) return found;
  }
  // ", saying “…”", ", telling reporters “…”": a participle after a comma says what the sentence's subject said.
  if (/ing$/.test(verb[0]) && /,\s*$/.test(body.slice(headStart, verbStart))) {
    // "Nefzi said, adding, “…”": the subject of the cue verb just before the participle.
    const before = /([\p{L}]+)\s*,\s*$/u.exec(body.slice(headStart, verbStart));
    if (before && CUE_VERBS.has((before[1] as string).toLowerCase())) {
      const finiteStart = headStart + before.index;
      const subjectEnd = withoutAdverbs(body, headStart, finiteStart);
      const subjectStart = clauseStart(body, headStart, subjectEnd);
      const found = resolvePhrase(ctx, subjectStart, Math.max(subjectStart, subjectEndOf(body, subjectStart, subjectEnd)), previous);
      if (found?.speaker.name) return found;
    }
    const subject = sentenceSubject(ctx, sentenceStart(body, verbStart), verbStart, previous);
    if (subject.speaker.name !== null) return subject;
  }
  // Back over adverbs to the subject's end, then back to its clause's start.
  const subjectEnd = withoutAdverbs(body, headStart, verbStart);
  const subjectStart = clauseStart(body, headStart, subjectEnd);
  const found = resolvePhrase(ctx, subjectStart, Math.max(subjectStart, subjectEndOf(body, subjectStart, subjectEnd)), previous);
  if (found) return found;
  // "said Blinken: “…”"
  const verbEnd = verbStart + verb[0].length;
  const [s, e] = phraseAfter(body, verbEnd, quoteOpen);
  if (SAYING.has(verb[0].toLowerCase()) && /^\p{Lu}/u.test(body.charAt(s))) {
    const after = resolvePhrase(ctx, s, e, previous);
    if (after) return after;
  }
  // "Clinton celebrated in Florida, declaring it “…”": the sentence's subject.
  return sentenceSubject(ctx, sentenceStart(body, verbStart), verbStart, previous);
}

/**
 * A quote that opens its sentence, introduced by the sentence before it in the same paragraph
 * ("Trump speculated that the men could be part of the group. “They are …”") or by one ending the
 * previous paragraph with a colon ("Harlan told the crowd:"): that sentence's subject, when the
 * sentence holds a cue verb and no quote of its own.
 */
function introducedBefore(ctx: SpeakerContext, quoteOpen: number, prevQuoteEnd: number, previous: Candidate | null): Found | undefined {
  const { body } = ctx;
  const start = sentenceStart(body, quoteOpen);
  if (body.slice(start, quoteOpen).trim() !== '' || start === 0) return undefined;
  // The sentence before, in the same paragraph, or ending the previous one with a colon ("Smith said:").
  const colonBreak = /:\s*\n[^\S\n]*\n\s*$/.exec(body.slice(Math.max(0, start - 400), start));
  const end = colonBreak ? start - colonBreak[0].length + 1 : start;
  const before = sentenceStart(body, end - 1);
  const sentence = body.slice(before, end);
  if (before < prevQuoteEnd || /\n[^\S\n]*\n/.test(body.slice(before, end))) return undefined;
  // Without a word's trailing period: the cue often ends the sentence ("Bystrom agreed.").
  const cue = (sentence.match(WORD_RE) ?? []).some((w) => CUE_VERBS.has(w.toLowerCase().replace(/\.+$/, '')) && /^\p{Ll}/u.test(w));
  if (!cue && !/:\s*$/.test(sentence)) return undefined;
  const found = sentenceSubject(ctx, before, end, previous);
  return found.speaker.name !== null ? found : undefined;
}

/** "Jeffrey Jones: “…”", the newsletter and headline form: a name, then a colon, then the quote. */
function namedBeforeColon(ctx: SpeakerContext, headStart: number, quoteOpen: number, previous: Candidate | null): Found | undefined {
  const head = ctx.body.slice(headStart, quoteOpen);
  const colon = /[:—–-]\s*$/.exec(head);
  if (!colon) return undefined;
  const end = headStart + colon.index;
  const start = Math.max(headStart, ...[...ctx.body.slice(headStart, end).matchAll(/[.,;:!?—–]\s|\s[-—–]\s/g)].map((m) => headStart + m.index + m[0].length));
  if (ctx.body.slice(start, end).split(/\s+/).length > 5) {
    // "Trump leaned in and boomed: “…”": a sentence that introduces a quote with a colon gives it to its subject.
    if (colon[0].charAt(0) !== ':') return undefined;
    const subject = sentenceSubject(ctx, sentenceStart(ctx.body, end), end, previous);
    return subject.speaker.name !== null ? subject : undefined;
  }
  const found = resolvePhrase(ctx, start, end, previous);
  return found?.speaker.source === 'name' && found.speaker.name !== null ? found : undefined;
}

/** A phrase that opens a sentence before its subject, up to its comma. */
const LEADING_ADJUNCT =
  /^\s*(?:(?:and|but|so|yet|then|still)\s+)?(?:after|before|during|in|on|at|when|while|although|though|since|despite|unlike|like|following|alongside|amid|reached|asked|speaking|writing|appearing|interviewed|pressed|with|without|under|for|from|by|through|if|once|because|until|upon|over)\b[^,.;:!?“”"]{0,120},/i;

/** The subject of the sentence that runs from `from` to a verb at `to`: its first person or organisation, or its opening pronoun. */
function sentenceSubject(ctx: SpeakerContext, sentenceFrom: number, to: number, previous: Candidate | null): Found {
  // Past an opening adjunct: "Reached by POLITICO, Bennett denied …", "During an interview with Univision, Clinton …".
  const adjunct = LEADING_ADJUNCT.exec(ctx.body.slice(sentenceFrom, to));
  const from = adjunct ? sentenceFrom + adjunct[0].length : sentenceFrom;
  const named = ctx.candidates.find((c) => c.start >= from && c.end <= to);
  if (named) return { speaker: { entity: named.entity, name: named.name, source: 'name' }, candidate: named };
  const pronoun = /^\s*(?:[\p{L}]+,\s*)?(he|she|it|they)\s/iu.exec(ctx.body.slice(from, to));
  if (pronoun) {
    const at = from + pronoun.index + pronoun[0].length - (pronoun[1] as string).length - 1;
    const found = resolvePhrase(ctx, at, at + (pronoun[1] as string).length + 1, previous);
    if (found) return found;
  }
  return { speaker: { entity: null, name: null, source: 'description' }, candidate: null };
}
