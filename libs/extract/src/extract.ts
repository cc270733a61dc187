import type { ExtractedEntity } from '@wirestream/contracts';
import { canonicalize, type ContextSpan } from './canonicalize';
import type { RecognizedSpan, Recognizer } from './recognizer';

export interface ExtractOptions {
  /**
   * The article's headline. It is not part of the body, so it yields no mentions, but names in
   * it count as context: a full name there gives a bare surname in the body its canonical name,
   * and "North Korea" there lets "the North" in the body resolve.
   */
  readonly headline?: string | null;
  /**
   * The place of the article's dateline as printed ("TOKYO", "LISBON, Portugal"), which the
   * normalizer moved out of the body. It is where the story was filed: its places become
   * mentions with role "dateline" and field "dateline" (offsets into this text), joined with
   * the body's mentions of the same places.
   */
  readonly dateline?: string | null;
}

export type ExtractFn = (body: string, options?: ExtractOptions) => ExtractedEntity[];

const SEPARATOR = '\n\n';
export const DATELINE_ROLE = 'dateline';

const BYLINE_BEFORE = /^[ \t]*by[ \t]+$/i;
/** What may follow the name on a byline line: a contact address in brackets, or nothing. */
const BYLINE_AFTER = /^[ \t]*(?:[[(<][^\])>\n]*[\])>]|[\w.+-]+@[\w.-]+)?[ \t]*$/;

/**
 * A person named alone on a byline line ("By Jane Roe [jane.roe@example.com]"): the article's
 * author, not an entity of its story.
 */
export function isByline(text: string, span: RecognizedSpan): boolean {
  if (span.type !== 'PERSON') return false;
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  const lineEnd = newline < 0 ? text.length : newline;
  return BYLINE_BEFORE.test(text.slice(lineStart, span.start)) && BYLINE_AFTER.test(text.slice(span.end, lineEnd));
}

/** Builds an extractor around any recognizer; canonicalization is the same for all of them. */
export function createExtractor(recognizer: Recognizer): ExtractFn {
  return (body, options = {}) => {
    const headline = options.headline?.trim() ?? '';
    const dateline = options.dateline?.trim() ?? '';
    if (headline.length === 0 && dateline.length === 0) return canonicalize({ body, spans: recognizer.recognize(body).filter((s) => !isByline(body, s)) });
    // One recognition over dateline, headline and body together, so document-level evidence spans
    // all three. The dateline is read as text of the story; the headline only as context.
    const datelineEnd = dateline.length;
    const headlineStart = dateline.length > 0 ? datelineEnd + SEPARATOR.length : 0;
    const headlineEnd = headlineStart + headline.length;
    const offset = headline.length > 0 ? headlineEnd + SEPARATOR.length : headlineStart;
    const joined = (dateline.length > 0 ? dateline + SEPARATOR : '') + (headline.length > 0 ? headline + SEPARATOR : '') + body;
    const spans: RecognizedSpan[] = [];
    const datelineSpans: RecognizedSpan[] = [];
    const context: ContextSpan[] = [];
    for (const s of recognizer.recognize(joined)) {
      if (s.end <= datelineEnd) datelineSpans.push(s);
      else if (s.start >= headlineStart && s.end <= headlineEnd) context.push({ text: joined.slice(s.start, s.end), type: s.type });
      else if (s.start >= offset && !isByline(joined, s)) spans.push({ ...s, start: s.start - offset, end: s.end - offset });
    }
    if (dateline.length === 0) return canonicalize({ body, spans, context });
    return withDatelineMentions(dateline, datelinePlaces(dateline, datelineSpans), body, spans, context);
  };
}

/**
 * The places of a dateline: what the recognizer found there as places, or else its first part
 * ("TOKYO" of "TOKYO", "LISBON" of "LISBON, Portugal"), which names a place whatever its case.
 */
function datelinePlaces(dateline: string, recognized: readonly RecognizedSpan[]): RecognizedSpan[] {
  const places = recognized.filter((s) => s.type === 'GPE' || s.type === 'LOC');
  if (places.length > 0) return places;
  const first = /^[^,(]*[^\s,(]/u.exec(dateline);
  return first ? [{ start: 0, end: first[0].length, type: 'GPE' }] : [];
}

/**
 * Canonicalizes the dateline's places with the body's spans, as text "dateline\n\nbody", and
 * gives every mention back its own offsets: the dateline's into the dateline, marked with its role.
 */
function withDatelineMentions(
  dateline: string,
  places: readonly RecognizedSpan[],
  body: string,
  spans: readonly RecognizedSpan[],
  context: readonly ContextSpan[],
): ExtractedEntity[] {
  const shift = dateline.length + SEPARATOR.length;
  const entities = canonicalize({
    body: dateline + SEPARATOR + body,
    spans: [...places, ...spans.map((s) => ({ ...s, start: s.start + shift, end: s.end + shift }))],
    context,
  });
  return entities.map((entity) => ({
    ...entity,
    mentions: entity.mentions.map((m) =>
      m.start < dateline.length ? { ...m, role: DATELINE_ROLE, field: 'dateline' as const } : { ...m, start: m.start - shift, end: m.end - shift },
    ),
  }));
}
