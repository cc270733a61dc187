import { existsSync } from 'node:fs';
import path from 'node:path';

/** Below this many characters a language guess is noise, so we say "unknown" instead. */
const MIN_CHARS = 20;
/**
 * The detector reads at most this much of the opening: a few paragraphs of running text, past the
 * dateline and the names, places and figures of the lede (the first 600 characters misread 14 of
 * 3,124 labelled stories for tinyld, 2,000 one), while a huge body stays as cheap as a short one.
 */
export const LANGUAGE_SAMPLE_CHARS = 2000;
/** How far back from the sample's end to look for whitespace before cutting inside a word. */
const WORD_BOUNDARY_SEARCH = 100;

/** ISO 639-1 code of the body's language, or null when it is too short or unclear to tell. */
export function detectLanguage(body: string): string | null {
  const sample = languageSample(body);
  if (sample.replace(/\s+/g, '').length < MIN_CHARS) return null;
  const code = languageDetector().detect(sample).language;
  return /^[a-z]{2}$/.test(code) ? code : null;
}

/**
 * The opening of `body`, at most `maxChars` long, cut at whitespace so no word is halved; text
 * without nearby whitespace (Japanese, Chinese) is cut at the limit, never inside a surrogate pair.
 */
export function languageSample(body: string, maxChars = LANGUAGE_SAMPLE_CHARS): string {
  if (body.length <= maxChars) return body;
  for (let end = maxChars; end > maxChars - WORD_BOUNDARY_SEARCH && end > 0; end--) {
    if (isWhitespace(body.charCodeAt(end))) return body.slice(0, end);
  }
  const splitsPair = isHighSurrogate(body.charCodeAt(maxChars - 1));
  return body.slice(0, splitsPair ? maxChars - 1 : maxChars);
}

/** What we use of eld's detector (its own typings are for ESM importers only). */
interface EldDetector {
  detect(text: string): { language: string };
}

let detector: EldDetector | null = null;

/** Loads the language model now rather than on the first story (a service calls it at start-up). */
export function loadLanguageDetector(): void {
  languageDetector();
}

/**
 * eld (Efficient Language Detector, n-gram model of 60 languages, "medium" database): about nine
 * times cheaper than tinyld per story and right more often on wire copy (see README, Normalizer).
 * It is loaded on first use, so services that import this library without detecting languages
 * (storage) do not pay its 0.3 s and ~75 MB of heap.
 *
 * eld ships only as ES modules whose `exports` have `import` conditions alone, which `require`
 * cannot resolve; Node ≥ 20.19 loads an ES module by `require` of its file, so we find the file in
 * the package directories Node itself would search.
 */
function languageDetector(): EldDetector {
  if (detector) return detector;
  const entry = path.join('eld', 'src', 'entries', 'static.medium.js');
  const searched = require.resolve.paths('eld') ?? [];
  const file = searched.map((directory) => path.join(directory, entry)).find((candidate) => existsSync(candidate));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (file) return (detector = (require(file) as { eld: EldDetector }).eld);
  throw new Error(`language detector not installed: no ${entry} in ${searched.join(', ')}`);
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0 || code === 0x3000;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
