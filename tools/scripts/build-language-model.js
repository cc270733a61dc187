#!/usr/bin/env node
// Type-checked by tsconfig.scripts.json (checkJs) and linted by `npm run lint`.
'use strict';
/**
 * Writes the language detector's n-gram database (eld's "medium" set, from the installed eld
 * package) as gzipped JSON to libs/normalize/model/eld-medium-ngrams.json.gz, which the normalizer
 * loads with JSON.parse. eld ships the database as a JavaScript module whose import costs about
 * 190 MB of RSS for 35 MB of data (docs/adr/0019-language-model-as-json.md).
 *
 * Many n-grams carry the same scores, so each distinct score table is written once (`scores`) and
 * each n-gram names its table by position: the loader shares one object per table, half the heap.
 *
 * Run after upgrading eld: `npm run build:language-model` (the normalize specs fail until then).
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ELD_SET = 'medium';
const target = path.join(__dirname, '..', '..', 'libs', 'normalize', 'model', `eld-${ELD_SET}-ngrams.json.gz`);

/** Where Node would find eld, by the same search path the normalize library uses. */
function eldDirectory() {
  const found = (require.resolve.paths('eld') ?? []).map((directory) => path.join(directory, 'eld')).find((candidate) => fs.existsSync(path.join(candidate, 'package.json')));
  if (!found) throw new Error('eld is not installed: run npm ci');
  return found;
}

/**
 * @param {{ type: string, languages: Record<string, string>, ngrams: Record<string, Record<string, number>> }} data
 * @param {string} eldVersion
 */
function compactNgrams(data, eldVersion) {
  /** @type {Map<string, number>} */
  const positions = new Map();
  /** @type {Array<Record<string, number>>} */
  const scores = [];
  /** @type {Record<string, number>} */
  const ngrams = {};
  for (const [ngram, table] of Object.entries(data.ngrams)) {
    const key = JSON.stringify(table);
    let position = positions.get(key);
    if (position === undefined) {
      position = scores.length;
      positions.set(key, position);
      scores.push(table);
    }
    ngrams[ngram] = position;
  }
  return { eldVersion, set: ELD_SET, type: data.type, languages: data.languages, scores, ngrams };
}

const eld = eldDirectory();
const { version } = JSON.parse(fs.readFileSync(path.join(eld, 'package.json'), 'utf8'));
// eld is ES modules only; Node ≥ 20.19 loads one by `require`.
const { ngramsData } = require(path.join(eld, 'src', 'ngrams', `${ELD_SET}.js`));
const json = JSON.stringify(compactNgrams(ngramsData, version));
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, zlib.gzipSync(json, { level: 9 }));
console.log(`${path.relative(process.cwd(), target)}: eld ${version} ${ELD_SET}, ${Object.keys(ngramsData.ngrams).length} n-grams, ${(fs.statSync(target).size / 1024).toFixed(0)} KB`);
