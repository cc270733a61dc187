/**
 * PolNeAR (Newell, Margolin and Ruths, LREC 2018) read from its brat standoff files: each article's
 * text and its direct quotes, an attribution whose Content holds a double quotation mark, with the
 * Source as written (a name, a pronoun, a description, or none).
 */

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A span of the text as [start, end) UTF-16 offsets; brat spans may be discontinuous. */
export type Fragments = readonly (readonly [number, number])[];

export interface GoldQuote {
  readonly content: Fragments;
  /** The Source span's text, or null for an attribution without a source. */
  readonly source: string | null;
}

export interface PolnearArticle {
  readonly id: string;
  readonly text: string;
  readonly quotes: readonly GoldQuote[];
}

const DOUBLE_QUOTES = /[“”"«»„]/;

interface TextBound {
  readonly label: string;
  readonly fragments: Fragments;
}

/** Reads `T` (text-bound) and `E` (event) lines; ignores notes and relations. */
export function parseBrat(text: string, ann: string): GoldQuote[] {
  const spans = new Map<string, TextBound>();
  const events: { roles: Map<string, string>; contents: string[] }[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id || body === undefined) continue;
    if (id.startsWith('T')) {
      const space = body.indexOf(' ');
      const label = body.slice(0, space);
      const fragments = body
        .slice(space + 1)
        .split(';')
        .map((range) => range.trim().split(/\s+/).map(Number) as [number, number])
        .filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && e > s);
      spans.set(id, { label, fragments });
    } else if (id.startsWith('E')) {
      const roles = new Map<string, string>();
      const contents: string[] = [];
      for (const arg of body.trim().split(/\s+/)) {
        const colon = arg.indexOf(':');
        const role = arg.slice(0, colon).replace(/\d+$/, '');
        // Source2 and the like: keep the first span of each role. Content2 is the rest of the same
        // content (“A,” she said. “B.”), so every Content span joins it.
        if (role === 'Content') contents.push(arg.slice(colon + 1));
        if (!roles.has(role)) roles.set(role, arg.slice(colon + 1));
      }
      events.push({ roles, contents });
    }
  }
  const quotes: GoldQuote[] = [];
  for (const { roles, contents } of events) {
    const fragments = contents.flatMap((id) => spans.get(id)?.fragments ?? []).sort(([a], [b]) => a - b);
    if (fragments.length === 0) continue;
    const words = fragments.map(([s, e]) => text.slice(s, e)).join(' ');
    if (!DOUBLE_QUOTES.test(words)) continue;
    const source = spans.get(roles.get('Source') ?? '');
    const sourceText = source ? source.fragments.map(([s, e]) => text.slice(s, e)).join(' ') : null;
    quotes.push({ content: fragments, source: sourceText });
  }
  return quotes;
}

/** The articles of one split (`train/` or `dev/`): one annotator's file per article, the first by name. */
export function loadPolnear(dir: string): PolnearArticle[] {
  const annotations = new Map<string, string>();
  for (const file of readdirSync(path.join(dir, 'attributions')).sort()) {
    const id = file.replace(/_[^_]+\.ann$/, '');
    if (file.endsWith('.ann') && !annotations.has(id)) annotations.set(id, file);
  }
  return [...annotations.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, file]) => {
      const text = readFileSync(path.join(dir, 'text', `${id}.txt`), 'utf8');
      return { id, text, quotes: parseBrat(text, readFileSync(path.join(dir, 'attributions', file), 'utf8')) };
    });
}
