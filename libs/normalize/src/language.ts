import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

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

/** eld's database as its detector takes it: a score per language index for each byte n-gram. */
interface EldNgramsData {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

/**
 * The committed form of that database (tools/scripts/build-language-model.js): each distinct score
 * table once, and each n-gram naming its table by position.
 */
export interface CompactLanguageModel {
  eldVersion: string;
  set: string;
  type: string;
  languages: Record<string, string>;
  scores: Array<Record<string, number>>;
  ngrams: Record<string, number>;
}

/** eld's "medium" n-gram set, as gzipped JSON (`npm run build:language-model` writes it from the installed eld). */
export const DEFAULT_LANGUAGE_MODEL_PATH = path.resolve(__dirname, '..', 'model', 'eld-medium-ngrams.json.gz');

let detector: EldDetector | null = null;

/** Loads the language model now rather than on the first story (a service calls it at start-up). */
export function loadLanguageDetector(): void {
  languageDetector();
}

/**
 * eld (Efficient Language Detector, n-gram model of 60 languages, "medium" database): about nine
 * times cheaper than tinyld per story and right more often on wire copy (see README, Normalizer).
 * It is loaded on first use, so services that import this library without detecting languages
 * (storage) do not pay for it.
 *
 * The database is read from our JSON copy rather than imported as the JavaScript module eld ships
 * it as: compiling that 2 MB object literal left the process about 190 MB larger, the JSON with one
 * object per distinct score table about 30 MB (docs/adr/0019-language-model-as-json.md).
 */
function languageDetector(): EldDetector {
  return (detector ??= createDetector(readLanguageModel()));
}

/** Reads a compact model file (gzipped JSON). */
export function readLanguageModel(file = DEFAULT_LANGUAGE_MODEL_PATH): CompactLanguageModel {
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as CompactLanguageModel;
}

/** eld's database from the compact form: n-grams with the same scores share one table object. */
export function expandLanguageModel(model: CompactLanguageModel): EldNgramsData {
  const ngrams: Record<string, Record<string, number>> = {};
  for (const ngram of Object.keys(model.ngrams)) {
    const table = model.scores[model.ngrams[ngram]];
    if (!table) throw new Error(`language model: n-gram ${JSON.stringify(ngram)} names no score table`);
    ngrams[ngram] = table;
  }
  return { type: model.type, languages: model.languages, ngrams };
}

/** A detector of eld's own code over the given model. */
export function createDetector(model: CompactLanguageModel): EldDetector {
  const { instance, loadData } = eldModule<{ createEld(): { instance: EldDetector; loadData(data: EldNgramsData): string } }>('languageDetector.js').createEld();
  if (!loadData(expandLanguageModel(model))) throw new Error('language model: eld loaded no database');
  return instance;
}

/**
 * A module of eld's by its file. eld ships only as ES modules whose `exports` have `import`
 * conditions alone, which `require` cannot resolve, and does not export its detector without a
 * database; Node ≥ 20.19 loads an ES module by `require` of its file, so we find the file in the
 * package directories Node itself would search.
 */
export function eldModule<T>(file: string): T {
  const entry = path.join('eld', 'src', file);
  const searched = require.resolve.paths('eld') ?? [];
  const found = searched.map((directory) => path.join(directory, entry)).find((candidate) => existsSync(candidate));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (found) return require(found) as T;
  throw new Error(`language detector not installed: no ${entry} in ${searched.join(', ')}`);
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0 || code === 0x3000;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
