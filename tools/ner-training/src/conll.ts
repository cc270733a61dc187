/**
 * CoNLL-2003 (IOB1, one token per line, `-DOCSTART-` opening documents) as plain text: the
 * trainer and the benchmark rebuild each document's running text, so the model sees text through
 * the same tokenizer it meets in production, and gold entities become character spans.
 */

/** The four CoNLL entity types. */
export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof CONLL_TYPES)[number];

export interface ConllDocument {
  /** The words, in order. */
  readonly words: readonly string[];
  /** Their raw tags: `O`, `I-PER`, `B-LOC` (IOB1) ... */
  readonly tags: readonly string[];
  /** Index of the first word of each sentence. */
  readonly sentenceStarts: readonly number[];
}

/** An entity as a range of words, end exclusive. */
export interface WordChunk {
  readonly start: number;
  readonly end: number;
  readonly type: ConllType;
}

/** Parses CoNLL text; lines are `word ... tag`, the tag last. Documents without words are dropped. */
export function parseConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  let starts: number[] = [];
  let inSentence = false;
  const flush = (): void => {
    if (words.length > 0) docs.push({ words, tags, sentenceStarts: starts });
    words = [];
    tags = [];
    starts = [];
    inSentence = false;
  };
  for (const rawLine of content.split('\n')) {
    const line = rawLine.trim();
    if (line.length === 0) {
      inSentence = false;
      continue;
    }
    const cols = line.split(/\s+/);
    const word = cols[0] as string;
    if (word === '-DOCSTART-') {
      flush();
      continue;
    }
    if (!inSentence) {
      starts.push(words.length);
      inSentence = true;
    }
    words.push(word);
    tags.push(cols.length > 1 ? (cols[cols.length - 1] as string) : 'O');
  }
  flush();
  return docs;
}

function typeOf(tag: string): ConllType | null {
  if (tag.length < 3 || tag.charAt(1) !== '-') return null;
  const t = tag.slice(2);
  return (CONLL_TYPES as readonly string[]).includes(t) ? (t as ConllType) : null;
}

/**
 * Entity chunks of a tag sequence, read the way conlleval reads it: a chunk starts at `B-X`, or
 * at `I-X` after `O` or after another type (IOB1 and IOB2 alike); sentences never share a chunk.
 */
export function chunksOf(doc: ConllDocument): WordChunk[] {
  const out: WordChunk[] = [];
  const sentenceStart = new Set(doc.sentenceStarts);
  let open: { start: number; type: ConllType } | null = null;
  for (let i = 0; i <= doc.tags.length; i++) {
    const tag = i < doc.tags.length ? (doc.tags[i] as string) : 'O';
    const type = typeOf(tag);
    const continues = open !== null && type === open.type && tag.charAt(0) !== 'B' && !sentenceStart.has(i);
    if (open !== null && !continues) {
      out.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (type !== null && open === null) open = { start: i, type };
  }
  return out;
}

/** Punctuation glued to the word before it when the text is rebuilt ("Seoul," "Blinken's"). */
const GLUE_LEFT = new Set([',', ';', ':', '!', '?', ')', "'s", "'S", "'"]);
const GLUE_RIGHT = new Set(['(']);

export interface DocumentText {
  readonly text: string;
  /** Character offset of each word. */
  readonly wordStarts: Int32Array;
  readonly wordEnds: Int32Array;
}

/**
 * The document as running text: words joined by spaces (closing punctuation and possessives
 * glued on, as in real copy), one sentence per line.
 */
export function documentText(doc: ConllDocument): DocumentText {
  const n = doc.words.length;
  const wordStarts = new Int32Array(n);
  const wordEnds = new Int32Array(n);
  const sentenceStart = new Set(doc.sentenceStarts);
  let text = '';
  for (let i = 0; i < n; i++) {
    const w = doc.words[i] as string;
    if (i > 0) {
      if (sentenceStart.has(i)) text += '\n';
      else if (!(GLUE_LEFT.has(w) || GLUE_RIGHT.has(doc.words[i - 1] as string))) text += ' ';
    }
    wordStarts[i] = text.length;
    text += w;
    wordEnds[i] = text.length;
  }
  return { text, wordStarts, wordEnds };
}

/** Index of the word containing character `offset` (or the last word starting before it). */
export function wordAt(dt: DocumentText, offset: number): number {
  let lo = 0;
  let hi = dt.wordStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((dt.wordStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A character span as a word range: from the word holding its first character to the word
 * holding its last one.
 */
export function spanToWords(dt: DocumentText, start: number, end: number): { start: number; end: number } {
  return { start: wordAt(dt, start), end: wordAt(dt, Math.max(start, end - 1)) + 1 };
}

// ---------------------------------------------------------------------------------------------
// conlleval
// ---------------------------------------------------------------------------------------------

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  /** Gold chunks, predicted chunks, exact matches. */
  gold: number;
  predicted: number;
  correct: number;
}

export interface Evaluation {
  overall: PRF;
  perType: Record<ConllType, PRF>;
}

function prf(gold: number, predicted: number, correct: number): PRF {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** Accumulates conlleval-style counts: a chunk is correct when span and type match exactly. */
export class ChunkScorer {
  private readonly counts = new Map<ConllType, { gold: number; predicted: number; correct: number }>(
    CONLL_TYPES.map((t) => [t, { gold: 0, predicted: 0, correct: 0 }]),
  );

  add(gold: readonly WordChunk[], predicted: readonly WordChunk[]): void {
    const goldKeys = new Set(gold.map((c) => `${c.start}:${c.end}:${c.type}`));
    const seen = new Set<string>();
    for (const c of gold) this.counts.get(c.type)!.gold++;
    for (const c of predicted) {
      const key = `${c.start}:${c.end}:${c.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const counts = this.counts.get(c.type)!;
      counts.predicted++;
      if (goldKeys.has(key)) counts.correct++;
    }
  }

  result(): Evaluation {
    let g = 0;
    let p = 0;
    let c = 0;
    const perType = {} as Record<ConllType, PRF>;
    for (const [type, counts] of this.counts) {
      perType[type] = prf(counts.gold, counts.predicted, counts.correct);
      g += counts.gold;
      p += counts.predicted;
      c += counts.correct;
    }
    return { overall: prf(g, p, c), perType };
  }
}

/** A CoNLL document as text with gold character spans, for the trainer. */
export function trainingDocument(doc: ConllDocument): { text: string; entities: { start: number; end: number; type: ConllType }[]; layout: DocumentText } {
  const layout = documentText(doc);
  const entities = chunksOf(doc).map((c) => ({ start: layout.wordStarts[c.start] as number, end: layout.wordEnds[c.end - 1] as number, type: c.type }));
  return { text: layout.text, entities, layout };
}

/** Character spans (from a recognizer) as word chunks of the document. */
export function spansToChunks(layout: DocumentText, spans: readonly { start: number; end: number; type: ConllType }[]): WordChunk[] {
  return spans.map((s) => ({ ...spanToWords(layout, s.start, s.end), type: s.type }));
}
