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
}

export type ExtractFn = (body: string, options?: ExtractOptions) => ExtractedEntity[];

const HEADLINE_SEPARATOR = '\n\n';

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
    if (headline.length === 0) return canonicalize({ body, spans: recognizer.recognize(body).filter((s) => !isByline(body, s)) });
    // One recognition over headline and body together, so document-level evidence spans both.
    const offset = headline.length + HEADLINE_SEPARATOR.length;
    const joined = headline + HEADLINE_SEPARATOR + body;
    const spans: RecognizedSpan[] = [];
    const context: ContextSpan[] = [];
    for (const s of recognizer.recognize(joined)) {
      if (s.end <= headline.length) context.push({ text: joined.slice(s.start, s.end), type: s.type });
      else if (s.start >= offset && !isByline(joined, s)) spans.push({ ...s, start: s.start - offset, end: s.end - offset });
    }
    return canonicalize({ body, spans, context });
  };
}
