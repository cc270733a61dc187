/**
 * Rule-and-gazetteer recognizer: candidate spans are runs of capitalised tokens; each run is
 * split and typed by gazetteer entries, head words ("... Agency", "... Peninsula"), titles in
 * apposition, given-name and East Asian name patterns, verbs of speech, and finally by what the
 * rest of the document says about the same words.
 */

import type { EntityType } from '@wirestream/contracts';
import { isKnownWord, matchAt, type GazetteerMatch } from './gazetteer';
import {
  ACRONYM_STOP,
  COMPASS_WORDS,
  DATE_WORDS,
  DESCRIPTOR_WORDS,
  FUNCTION_WORDS,
  GPE_HEADS,
  LOC_HEADS,
  LOC_LEADS,
  MISC_HEADS,
  NOTABLE_SURNAMES,
  OF_HEADS,
  ORG_HEADS,
  PERSON_SUFFIXES,
  PERSON_VERBS,
  wordSet,
} from './lexicon';
import { EAST_SURNAMES, GIVEN, HYPHENATED_GIVEN, PARTICLES, matchTitleAt, titleKey } from './names';
import type { RecognizedSpan, Recognizer } from './recognizer';
import { tokenize, type Token } from './tokenize';

const FUNCTION = wordSet(FUNCTION_WORDS);
const DATES = wordSet(DATE_WORDS);
const COMPASS = wordSet(COMPASS_WORDS);
const ACRONYM_STOPS = wordSet(ACRONYM_STOP);
const DESCRIPTORS = wordSet(DESCRIPTOR_WORDS);
const NOTABLE = wordSet(NOTABLE_SURNAMES);
const ORG_HEAD = wordSet(ORG_HEADS);
const OF_HEAD = wordSet(OF_HEADS);
const LOC_HEAD = wordSet(LOC_HEADS);
const LOC_LEAD = wordSet(LOC_LEADS);
const MISC_HEAD = wordSet(MISC_HEADS);
/** First word of a place named for a saint ("St. Louis", "San Diego", "São Tomé"). */
const GPE_LEAD = wordSet('st|saint|san|santa|santo|sao|são|ste|sainte');
const GPE_HEAD = wordSet(GPE_HEADS);
const SPEECH_VERBS = wordSet(PERSON_VERBS);
const SUFFIXES = wordSet(PERSON_SUFFIXES);

const ARABIC_ARTICLE_NAME = /^(?:al|el|ad|ar|as|ash|an|at|az)[-‐‑]\p{Lu}/u;
const INITIAL = /^\p{Lu}\.$/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const MAX_NAME_TOKENS = 4;
const MAX_ACRONYM = 5;

/** What to do with a capitalised run no rule or document evidence could type (null drops it). */
export interface FallbackPolicy {
  /** A lone unknown word mid-sentence ("Social"). */
  readonly single: EntityType | null;
  /** Two or more unknown words that look like a name ("Tavita Faleolo": no known given name). */
  readonly multi: EntityType | null;
  /** ... one of which the text also uses in lowercase ("Advanced Medical"). */
  readonly multiWithCommonWord: EntityType | null;
  /** ... one of which is in capitals ("PSV Eindhoven"). */
  readonly multiWithAcronym: EntityType | null;
}

export const DEFAULT_FALLBACK: FallbackPolicy = { single: null, multi: 'PERSON', multiWithCommonWord: null, multiWithAcronym: 'ORG' };

export interface RuleRecognizerOptions {
  readonly fallback?: Partial<FallbackPolicy>;
  /**
   * A sentence-initial word nothing vouches for, at the head of a longer run ("Subscriber Terms
   * Notice"): the word is dropped either way, and what strong rules find in the rest is kept;
   * 'strip' also lets the rest fall back to a guessed type, 'drop' keeps it only when the
   * document types the same words elsewhere.
   */
  readonly unvouchedRunStart?: 'strip' | 'drop';
}

/** A run element: one token, a gazetteer match, or a connector ("of", "bin"). */
interface Unit {
  readonly s: number;
  readonly e: number;
  readonly gaz?: GazetteerMatch;
  readonly connector?: boolean;
}

type Strength = 'strong' | 'pending' | 'weak';

interface Seg {
  /** Token range, end exclusive. */
  s: number;
  e: number;
  type: EntityType | null;
  strength: Strength;
  role: string | null;
  /** A type to use when the document offers nothing better (acronyms → ORG). */
  hint: EntityType | null;
}

/** Splits "Korea-US" and "Seoul-based", keeps "Tae-yul", "Rolls-Royce" and "Guinea-Bissau". */
export function splitHyphenated(parts: readonly string[], whole: string): boolean {
  if (isKnownWord(whole)) return false;
  const known = (p: string): boolean => isKnownWord(p) || COMPASS.has(p.toLowerCase());
  if (parts.every((p) => UPPER_START.test(p))) return parts.some(known);
  const [first, ...rest] = parts;
  return first !== undefined && UPPER_START.test(first) && isKnownWord(first) && rest.every((p) => LOWER_START.test(p));
}

export class RuleRecognizer implements Recognizer {
  readonly version = 'rules-0.1.0';
  private readonly fallback: FallbackPolicy;
  private readonly unvouchedRunStart: 'strip' | 'drop';

  constructor(options: RuleRecognizerOptions = {}) {
    this.fallback = { ...DEFAULT_FALLBACK, ...options.fallback };
    this.unvouchedRunStart = options.unvouchedRunStart ?? 'drop';
  }

  recognize(text: string): RecognizedSpan[] {
    return new Pass(text, this.fallback, this.unvouchedRunStart).run();
  }
}

/** One recognition over one text. */
class Pass {
  private readonly tokens: Token[];
  private readonly gaz: (GazetteerMatch | null | undefined)[];
  /** Words seen in lowercase somewhere in the text. */
  private readonly lowerSeen = new Set<string>();
  /** Capitalised occurrences not at a sentence start, by lowercase word. */
  private readonly capMid = new Map<string, number>();
  private readonly segs: Seg[] = [];

  constructor(
    private readonly text: string,
    private readonly fallback: FallbackPolicy,
    private readonly unvouchedRunStart: 'strip' | 'drop',
  ) {
    this.tokens = tokenize(text, { splitHyphenated });
    this.gaz = new Array<GazetteerMatch | null | undefined>(this.tokens.length);
    for (const t of this.tokens) {
      if (!t.isWord || t.clitic) continue;
      if (t.lower) this.lowerSeen.add(t.norm);
      else if ((t.cap || t.upper) && !t.sentStart && !t.capsSentence) this.capMid.set(t.norm, (this.capMid.get(t.norm) ?? 0) + 1);
    }
  }

  run(): RecognizedSpan[] {
    this.buildRuns();
    this.resolveByDocument();
    const spans: RecognizedSpan[] = [];
    for (const seg of this.segs) {
      if (seg.type === null) continue;
      const first = this.tokens[seg.s] as Token;
      const last = this.tokens[seg.e - 1] as Token;
      spans.push({ start: first.start, end: last.end, type: seg.type, role: seg.role });
    }
    return spans;
  }

  // -------------------------------------------------------------------------------------------
  // Tokens
  // -------------------------------------------------------------------------------------------

  private tok(i: number): Token {
    return this.tokens[i] as Token;
  }

  private gazAt(i: number): GazetteerMatch | undefined {
    let m = this.gaz[i];
    if (m === undefined) {
      const t = this.tok(i);
      m = t.isWord && !t.clitic ? (matchAt(this.tokens, i) ?? null) : null;
      // A sentence-initial common word that happens to be a place ("Nice", "Chad") is not one
      // when the text also uses it in lowercase.
      if (m && m.length === 1 && t.sentStart && this.lowerSeen.has(t.norm)) m = null;
      this.gaz[i] = m;
    }
    return m ?? undefined;
  }

  /** Could start or continue a name on its own. */
  private namey(i: number): boolean {
    const t = this.tok(i);
    if (!t.isWord || t.clitic || t.hasDigit || t.capsSentence) return false;
    if (DATES.has(titleKey(t))) return false;
    if (FUNCTION.has(t.norm)) {
      // "Oh Se-hoon": a Korean surname that is also an English word, before a Korean given name.
      const next = this.tokens[i + 1];
      return t.cap && EAST_SURNAMES.has(t.norm) && next !== undefined && HYPHENATED_GIVEN.test(next.text);
    }
    return t.cap || t.upper || ARABIC_ARTICLE_NAME.test(t.text);
  }

  private unitAt(i: number): Unit | null {
    if (i >= this.tokens.length) return null;
    const g = this.gazAt(i);
    if (g) return { s: i, e: i + g.length, gaz: g };
    return this.namey(i) ? { s: i, e: i + 1 } : null;
  }

  /**
   * Connector tokens at `j` that continue the run ("of", "for", "of the", "bin", "&"), as a
   * count of tokens, or 0. `orgJoined` says the run already holds "X for"/"X of" after an
   * organisation word, which lets "and"/"in" continue it ("Organisation for Security and
   * Cooperation in Europe").
   */
  private connectorLength(j: number, lastKey: string, orgJoined: boolean): number {
    const t = this.tok(j);
    if (t.text === '&') return 1;
    if (!t.isWord || !t.lower) return 0;
    const withThe = (): number => (this.tokens[j + 1]?.norm === 'the' && this.tokens[j + 1]?.lower ? 2 : 1);
    if (t.norm === 'of') return OF_HEAD.has(lastKey) || ORG_HEAD.has(lastKey) ? withThe() : 0;
    if (t.norm === 'for' || t.norm === 'on') return ORG_HEAD.has(lastKey) ? withThe() : 0;
    if (orgJoined && (t.norm === 'and' || t.norm === 'in')) return 1;
    return PARTICLES.has(t.norm) ? 1 : 0;
  }

  /** Maximal runs of capitalised tokens, gazetteer matches and connectors; each is segmented. */
  private buildRuns(): void {
    const n = this.tokens.length;
    let i = 0;
    while (i < n) {
      const first = this.unitAt(i);
      if (!first) {
        i++;
        continue;
      }
      const units: Unit[] = [first];
      let j = first.e;
      let orgJoined = false;
      while (j < n && !this.tok(j).sentStart) {
        const next = this.unitAt(j);
        if (next) {
          units.push(next);
          j = next.e;
          continue;
        }
        const lastKey = titleKey(this.tok(j - 1));
        const len = this.connectorLength(j, lastKey, orgJoined);
        if (len > 0 && j + len < n && !this.tok(j + len).sentStart) {
          const after = this.unitAt(j + len);
          const word = this.tok(j).norm;
          const andOk = !(word === 'and' || word === 'in') || (after !== null && (!after.gaz || word === 'in'));
          if (after && andOk) {
            for (let k = j; k < j + len; k++) units.push({ s: k, e: k + 1, connector: true });
            units.push(after);
            if ((word === 'for' || word === 'on' || word === 'of') && ORG_HEAD.has(lastKey)) orgJoined = true;
            j = after.e;
            continue;
          }
        }
        break;
      }
      this.segment(units, 0, units.length);
      i = j;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Segmenting a run
  // -------------------------------------------------------------------------------------------

  private push(units: readonly Unit[], a: number, b: number, type: EntityType | null, strength: Strength, role: string | null = null, hint: EntityType | null = null): void {
    this.segs.push({ s: (units[a] as Unit).s, e: (units[b - 1] as Unit).e, type, strength, role, hint });
  }

  private key(i: number): string {
    return titleKey(this.tok(i));
  }

  /** A sentence-initial word is only a name start when something vouches for it. */
  private supported(i: number): boolean {
    const t = this.tok(i);
    const k = titleKey(t);
    if (GIVEN.has(k) || EAST_SURNAMES.has(k) || NOTABLE.has(k) || matchTitleAt(this.tokens, i) > 0) return true;
    return (this.capMid.get(t.norm) ?? 0) > 0 && !this.lowerSeen.has(t.norm);
  }

  private segment(units: readonly Unit[], a: number, b: number): void {
    while (a < b && (units[a] as Unit).connector) a++;
    while (b > a && (units[b - 1] as Unit).connector) b--;
    if (a >= b) return;
    const u0 = units[a] as Unit;

    // An unvouched sentence-initial word ("Evidence", "Regarding") is not a name start.
    if (this.tok(u0.s).sentStart && !u0.gaz && !this.supported(u0.s)) {
      if (b - a === 1) {
        this.push(units, a, b, null, 'weak');
        return;
      }
      // The rest of the run keeps what strong evidence finds in it ("Analyst Kim Jong-soo");
      // with 'drop', guesses about it need the document's support ("Subscriber Terms Notice").
      const before = this.segs.length;
      this.segment(units, a + 1, b);
      if (this.unvouchedRunStart === 'drop') {
        for (let k = before; k < this.segs.length; k++) {
          const seg = this.segs[k] as Seg;
          if (seg.strength === 'pending') seg.strength = 'weak';
        }
      }
      return;
    }
    if (b - a === 1 && u0.gaz) {
      this.push(units, a, b, u0.gaz.type, 'strong');
      return;
    }
    const s = u0.s;
    const e = (units[b - 1] as Unit).e;
    if (e - s >= 2 && this.isOrgName(units, a, b)) {
      this.push(units, a, b, 'ORG', 'strong');
      return;
    }
    if (e - s >= 2 && this.isMiscName(units, a, b)) {
      this.push(units, a, b, 'MISC', 'strong');
      return;
    }
    if (this.splitAtTitle(units, a, b)) return;
    const place = e - s >= 2 ? this.placeType(units, a, b) : null;
    if (place) {
      this.push(units, a, b, place, 'strong');
      return;
    }
    const person = this.personEnd(units, a, b);
    if (person > a) {
      this.push(units, a, person, 'PERSON', 'strong');
      this.segment(units, person, b);
      return;
    }
    this.segmentByGazetteer(units, a, b);
  }

  /** "... News Agency", "Bank of Korea", "Korea Economic Daily". */
  private isOrgName(units: readonly Unit[], a: number, b: number): boolean {
    const last = units[b - 1] as Unit;
    if (ORG_HEAD.has(this.key(last.e - 1))) {
      if (!last.gaz) return true;
      // "Kurdistan Democratic Party", "African National Congress" — but "US Congress" stays a
      // country and an institution.
      const countryThenInstitution = b - a === 2 && (units[a] as Unit).gaz?.type === 'GPE' && last.e - last.s === 1;
      if (last.gaz.type === 'ORG' && !countryThenInstitution) return true;
    }
    for (let u = a + 1; u < b - 1; u++) {
      const unit = units[u] as Unit;
      const word = this.tok(unit.s).norm;
      if (unit.connector && (word === 'of' || word === 'for' || word === 'on') && ORG_HEAD.has(this.key(unit.s - 1))) return true;
    }
    return false;
  }

  /** "World Cup", "Paris Agreement", "Korean War". */
  private isMiscName(units: readonly Unit[], a: number, b: number): boolean {
    const last = units[b - 1] as Unit;
    return !last.gaz && MISC_HEAD.has(this.key(last.e - 1)) && !(units[a] as Unit).connector;
  }

  /** "Korean Peninsula", "Mount Paektu", "Gulf of Mexico" → LOC; "Gangnam District" → GPE. */
  private placeType(units: readonly Unit[], a: number, b: number): EntityType | null {
    const last = units[b - 1] as Unit;
    const lastKey = this.key(last.e - 1);
    if (!last.gaz && LOC_HEAD.has(lastKey)) return 'LOC';
    if (!last.gaz && GPE_HEAD.has(lastKey)) return 'GPE';
    const first = units[a] as Unit;
    const firstKey = this.key(first.s);
    if (!first.gaz && LOC_LEAD.has(firstKey)) return 'LOC';
    if (!first.gaz && GPE_LEAD.has(firstKey)) return 'GPE';
    // "West Indies", "North Queensland": a compass word opening an unknown name.
    if (!first.gaz && COMPASS.has(firstKey) && units.slice(a + 1, b).every((u) => !u.gaz)) return 'LOC';
    return null;
  }

  /** Splits "US Secretary of State Maria Lopez" into GPE, title and PERSON with a role. */
  private splitAtTitle(units: readonly Unit[], a: number, b: number): boolean {
    for (let u = a; u < b; u++) {
      const unit = units[u] as Unit;
      if (unit.gaz || unit.connector) continue;
      const len = matchTitleAt(this.tokens, unit.s, (units[b - 1] as Unit).e);
      if (len === 0) continue;
      const titleEnd = unit.s + len;
      let after = u;
      while (after < b && (units[after] as Unit).s < titleEnd) after++;
      if ((units[after - 1] as Unit).e !== titleEnd) continue; // title cut through a unit
      const role = this.text.slice(this.tok(unit.s).start, this.tok(titleEnd - 1).end);
      if (after < b) {
        const nameEnd = this.nameExtent(units, after, b);
        if (nameEnd > after) {
          if (u > a) this.segment(units, a, u);
          this.push(units, after, nameEnd, 'PERSON', 'strong', role);
          this.segment(units, nameEnd, b);
          return true;
        }
      }
      // A title with no name after it: keep what precedes, drop the title, unless the run is a
      // name that merely ends in a title word ("Martin Luther King").
      if (after === b && GIVEN.has(this.key((units[a] as Unit).s))) return false;
      if (u > a) this.segment(units, a, u);
      if (after < b) this.segment(units, after, b);
      return true;
    }
    return false;
  }

  /** Name tokens after a title: up to four words, particles allowed, no multi-word places. */
  private nameExtent(units: readonly Unit[], from: number, b: number): number {
    let words = 0;
    let u = from;
    while (u < b && words < MAX_NAME_TOKENS) {
      const unit = units[u] as Unit;
      if (unit.connector) {
        if (this.tok(unit.s).norm === 'of') break;
        u++;
        continue;
      }
      if (unit.gaz && (unit.e - unit.s > 1 || unit.gaz.type === 'ORG') && unit.gaz.type !== 'PERSON') break;
      if (ORG_HEAD.has(this.key(unit.s)) && words > 0) break;
      words++;
      u++;
    }
    while (u > from && (units[u - 1] as Unit).connector) u--;
    return u;
  }

  /** End of a personal name starting at unit `a`, or `a` when there is none. */
  private personEnd(units: readonly Unit[], a: number, b: number): number {
    const u0 = units[a] as Unit;
    if (u0.gaz && u0.gaz.type === 'PERSON') return a + 1;
    if (u0.gaz && u0.e - u0.s > 1) return a;
    const t0 = this.tok(u0.s);
    const k0 = this.key(u0.s);
    const nameish = (u: number): boolean => {
      const unit = units[u];
      if (!unit || unit.connector) return false;
      if (unit.gaz && unit.e - unit.s > 1) return false;
      const k = this.key(unit.s);
      return !ORG_HEAD.has(k) && !LOC_HEAD.has(k) && !DESCRIPTORS.has(k);
    };
    const next = units[a + 1];
    // Korean romanisation: "Cho Tae-yul", "Moon Jae-in".
    if (next && !next.connector && !next.gaz && HYPHENATED_GIVEN.test(this.tok(next.s).text) && !u0.gaz) return a + 2;
    // East Asian family name first: "Park Jin", "Yoon Suk Yeol", "Xi Jinping".
    if (EAST_SURNAMES.has(k0) && !u0.gaz && nameish(a + 1) && !(next as Unit).gaz) {
      const k1 = this.key((next as Unit).s);
      if ((k1.length <= 8 && !GIVEN.has(k1)) || HYPHENATED_GIVEN.test(this.tok((next as Unit).s).text)) {
        const third = units[a + 2];
        if (third && nameish(a + 2) && !third.gaz && this.key(third.s).length <= 5 && b - a === 3) return a + 3;
        return a + 2;
      }
    }
    // Given name first: "Antony Blinken", "Lloyd Austin", "John F. Kennedy", "Heinz-Harald Frentzen".
    const given = GIVEN.has(k0) || (/[-‐‑]/.test(k0) && GIVEN.has(k0.split(/[-‐‑]/)[0] as string));
    if (given && !(t0.upper && t0.text.length <= MAX_ACRONYM - 2)) {
      let u = a + 1;
      let words = 1;
      while (u < b && words < MAX_NAME_TOKENS) {
        const unit = units[u] as Unit;
        if (unit.connector) {
          if (this.tok(unit.s).norm === 'of' || this.tok(unit.s).text === '&') break;
          u++;
          continue;
        }
        if (!nameish(u)) break;
        words++;
        u++;
      }
      while (u > a + 1 && (units[u - 1] as Unit).connector) u--;
      if (words >= 2) return u;
      if (!t0.sentStart && !u0.gaz && b - a === 1) return a + 1;
    }
    // Initial in the middle: "Harry S. Truman".
    if (!u0.gaz && next && INITIAL.test(this.tok(next.s).text) && units[a + 2] && nameish(a + 2)) return a + 3;
    // Initials first: "N. Knight", "F.W. de Klerk".
    if (!u0.gaz && INITIALS.test(t0.text) && next && (nameish(a + 1) || next.connector)) {
      let u = a + 1;
      while (u < b && (units[u] as Unit).connector) u++;
      if (u < b && nameish(u)) return u + 1;
    }
    return a;
  }

  /** Splits a run at gazetteer matches and types the unknown stretches between them. */
  private segmentByGazetteer(units: readonly Unit[], a: number, b: number): void {
    // A place or nationality followed by unknown words is one name: "Tokyo Electric Power",
    // "Paris Saint-Germain" (ORG), "Korean War" (MISC).
    const u0 = units[a] as Unit;
    if (u0.gaz && b - a >= 2 && (u0.gaz.type === 'GPE' || u0.gaz.type === 'MISC')) {
      const rest = units.slice(a + 1, b);
      const unknown = rest.every((u) => !u.gaz);
      const personInside = rest.some((_, k) => this.personEnd(units, a + 1 + k, b) > a + 1 + k);
      const descriptive = rest.some((u) => !u.connector && DESCRIPTORS.has(this.key(u.s)));
      if (unknown && !personInside && !descriptive) {
        this.push(units, a, b, u0.gaz.type === 'GPE' ? 'ORG' : 'MISC', 'strong');
        return;
      }
    }
    // An unknown word before a city is a club or company: "Ajax Amsterdam", "Bayern Munich".
    const last = units[b - 1] as Unit;
    if (last.gaz?.type === 'GPE' && b - a === 2 && (this.plainWord(u0) || u0.gaz?.type === 'ORG')) {
      this.push(units, a, b, 'ORG', 'strong');
      return;
    }
    // "Iraqi Kurdish": adjacent group words are one MISC name.
    if (b - a >= 2 && units.slice(a, b).every((u) => u.gaz?.type === 'MISC')) {
      this.push(units, a, b, 'MISC', 'strong');
      return;
    }
    let stretch = a;
    for (let u = a; u < b; u++) {
      const unit = units[u] as Unit;
      if (!unit.gaz) continue;
      // "East Jerusalem", "Southern Lebanon".
      const prev = units[u - 1];
      const compass = u - 1 >= stretch && prev !== undefined && !prev.connector && !prev.gaz && COMPASS.has(this.key(prev.s));
      const place = unit.gaz.type === 'GPE' || unit.gaz.type === 'LOC';
      if (compass && place) {
        this.classifyStretch(units, stretch, u - 1);
        this.push(units, u - 1, u + 1, unit.gaz.type, 'strong');
      } else {
        this.classifyStretch(units, stretch, u);
        this.push(units, u, u + 1, unit.gaz.type, 'strong');
      }
      stretch = u + 1;
    }
    this.classifyStretch(units, stretch, b);
  }

  /** A single capitalised word with no known role: not a title, descriptor, compass or head word. */
  private plainWord(unit: Unit): boolean {
    if (unit.gaz || unit.connector || unit.e - unit.s !== 1) return false;
    const k = this.key(unit.s);
    const t = this.tok(unit.s);
    return (
      t.cap &&
      !DESCRIPTORS.has(k) &&
      !COMPASS.has(k) &&
      !ORG_HEAD.has(k) &&
      !LOC_HEAD.has(k) &&
      !MISC_HEAD.has(k) &&
      matchTitleAt(this.tokens, unit.s) === 0 &&
      !GIVEN.has(k) &&
      !EAST_SURNAMES.has(k)
    );
  }

  /** Types a run of unknown words, or leaves it pending for document-level evidence. */
  private classifyStretch(units: readonly Unit[], a: number, b: number): void {
    while (a < b && (units[a] as Unit).connector) a++;
    while (b > a && (units[b - 1] as Unit).connector) b--;
    if (a >= b) return;
    const keys: string[] = [];
    for (let u = a; u < b; u++) if (!(units[u] as Unit).connector) keys.push(this.key((units[u] as Unit).s));
    // Job words before a name: "Foreign Ri Son-gwon".
    for (let u = a; u < b; u++) {
      const unit = units[u] as Unit;
      if (unit.connector) continue;
      if (!DESCRIPTORS.has(this.key(unit.s))) {
        if (u > a) {
          const end = this.personEnd(units, u, b);
          if (end > u) {
            this.push(units, u, end, 'PERSON', 'strong');
            this.classifyStretch(units, end, b);
            return;
          }
        }
        break;
      }
    }
    if (keys.every((k) => DESCRIPTORS.has(k))) return;
    const s = (units[a] as Unit).s;
    const e = (units[b - 1] as Unit).e;
    const first = this.tok(s);
    if (e - s === 1) {
      if (COMPASS.has(first.norm)) return;
      if (first.upper && first.text.length >= 2 && first.text.replace(/\./g, '').length <= MAX_ACRONYM && !ACRONYM_STOPS.has(first.norm.replace(/\./g, ''))) {
        this.push(units, a, b, null, 'pending', null, 'ORG');
        return;
      }
      if (NOTABLE.has(first.norm)) {
        this.push(units, a, b, 'PERSON', 'strong');
        return;
      }
      // "the Commission", "the Parliament": a capitalised institution word mid-sentence.
      if (ORG_HEAD.has(this.key(s)) && first.cap && !first.sentStart && !this.lowerSeen.has(first.norm)) {
        this.push(units, a, b, null, 'pending', null, 'ORG');
        return;
      }
    }
    if (e - s >= 2) {
      if (this.isOrgName(units, a, b)) return this.push(units, a, b, 'ORG', 'strong');
      if (this.isMiscName(units, a, b)) return this.push(units, a, b, 'MISC', 'strong');
      const place = this.placeType(units, a, b);
      if (place) return this.push(units, a, b, place, 'strong');
    }
    // Speech verbs ("Blinken said"), suffixes ("Jr."), initials ("Harry S. Truman").
    const after = this.tokens[e];
    const spoke = after !== undefined && after.isWord && after.lower && SPEECH_VERBS.has(after.norm);
    const hasSuffix = SUFFIXES.has(this.key(e - 1)) && e - s >= 2;
    let hasInitial = false;
    for (let i = s + 1; i < e - 1; i++) if (INITIAL.test(this.tok(i).text)) hasInitial = true;
    if ((spoke && e - s >= 2 && e - s <= 3 && !first.upper) || hasSuffix || hasInitial) {
      this.push(units, a, b, 'PERSON', 'strong');
      return;
    }
    // A lone word before "said" is as often a company as a person: a hint the document can overrule.
    const lone = e - s === 1 && first.cap && !this.lowerSeen.has(first.norm);
    this.push(units, a, b, null, 'pending', null, spoke && lone ? 'PERSON' : null);
  }

  // -------------------------------------------------------------------------------------------
  // Document-level consistency
  // -------------------------------------------------------------------------------------------

  private surface(seg: Seg): string {
    const parts: string[] = [];
    for (let i = seg.s; i < seg.e; i++) parts.push(this.tok(i).norm);
    return parts.join(' ');
  }

  /**
   * Pending spans take the type the document gives the same words elsewhere; a word of a
   * confidently recognised full name is that person ("Blinken" after "Antony Blinken").
   */
  private resolveByDocument(): void {
    const typed = new Map<string, Map<EntityType, number>>();
    const personWords = new Set<string>();
    for (const seg of this.segs) {
      if (seg.strength !== 'strong' || seg.type === null) continue;
      const key = this.surface(seg);
      const counts = typed.get(key) ?? new Map<EntityType, number>();
      counts.set(seg.type, (counts.get(seg.type) ?? 0) + 1);
      typed.set(key, counts);
      if (seg.type === 'PERSON' && seg.e - seg.s >= 2) {
        for (let i = seg.s; i < seg.e; i++) {
          const t = this.tok(i);
          if (t.isWord && !PARTICLES.has(t.norm) && !INITIAL.test(t.text) && !SUFFIXES.has(titleKey(t))) personWords.add(t.norm);
        }
      }
    }
    for (const seg of this.segs) {
      const key = this.surface(seg);
      if (seg.strength === 'strong') {
        // A place that is also a surname in this text ("Lloyd Austin" ... "Austin said").
        if (seg.e - seg.s === 1 && seg.type !== 'PERSON' && seg.type !== 'ORG' && personWords.has(key)) seg.type = 'PERSON';
        continue;
      }
      if (seg.e - seg.s === 1 && personWords.has(key)) {
        seg.type = 'PERSON';
        continue;
      }
      const counts = typed.get(key);
      if (counts) {
        seg.type = majority(counts);
        continue;
      }
      if (seg.strength === 'weak') continue;
      if (seg.hint) {
        seg.type = seg.hint;
        continue;
      }
      seg.type = this.fallbackType(seg);
    }
  }

  private fallbackType(seg: Seg): EntityType | null {
    if (seg.e - seg.s === 1) return this.lowerSeen.has(this.tok(seg.s).norm) ? null : this.fallback.single;
    let acronym = false;
    let common = false;
    for (let i = seg.s; i < seg.e; i++) {
      const t = this.tok(i);
      if (!t.isWord) continue;
      if (t.upper && t.text.replace(/\./g, '').length >= 2 && !SUFFIXES.has(titleKey(t))) acronym = true;
      if (!PARTICLES.has(t.norm) && this.lowerSeen.has(t.norm)) common = true;
    }
    if (acronym) return this.fallback.multiWithAcronym;
    if (common) return this.fallback.multiWithCommonWord;
    return this.fallback.multi;
  }
}

function majority(counts: ReadonlyMap<EntityType, number>): EntityType {
  let best: EntityType = 'MISC';
  let bestCount = -1;
  for (const [type, count] of counts) {
    if (count > bestCount) {
      best = type;
      bestCount = count;
    }
  }
  return best;
}
