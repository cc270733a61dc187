import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ExtractedEntity } from '@wirestream/contracts';
import { extractEntities } from './index';

/** The real seed stories, read at test time (never copied into the project). */
const SEEDS_DIR = path.resolve(__dirname, '../../../../shared/samples/seeds');

function seed(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}* in ${SEEDS_DIR}`);
  return readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}

/** Canonical names of one type, sorted. */
function names(entities: readonly ExtractedEntity[], type: ExtractedEntity['type']): string[] {
  return entities
    .filter((e) => e.type === type)
    .map((e) => e.canonicalName)
    .sort();
}

function entity(entities: readonly ExtractedEntity[], key: string): ExtractedEntity {
  const found = entities.find((e) => e.key === key);
  if (!found) throw new Error(`no entity ${key}; got ${entities.map((e) => e.key).join(', ')}`);
  return found;
}

/** Capitalised words that open sentences in news copy and are not names. */
const NOT_PERSONS = ['Russian', 'Regarding', 'Despite', 'Evidence', 'The', 'In', 'With', 'Both', 'Should', 'However', 'To', 'Log', 'Home', 'National', 'Diplomacy', 'Social', 'Korean', 'Japanese', 'South', 'North'];

describe.each([
  ['KUNA story via MENAFN', '000_'],
  ['Korea JoongAng Daily page text', '002_'],
])('seed story: %s', (_label, prefix) => {
  const text = seed(prefix);
  const entities = extractEntities(text);

  it('gives mentions whose offsets slice back to their text, without overlaps', () => {
    const all = entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
    expect(all.length).toBeGreaterThan(10);
    for (const m of all) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
  });

  it('finds Antony Blinken, joined with the bare surname', () => {
    const blinken = entity(entities, 'PERSON:antony blinken');
    const texts = blinken.mentions.map((m) => m.text);
    expect(texts).toContain('Antony Blinken');
    expect(texts.filter((t) => t === 'Blinken').length).toBeGreaterThanOrEqual(5);
    expect(blinken.aliases).toEqual(['Blinken']);
    expect(blinken.mentions.find((m) => m.text === 'Antony Blinken')?.role).toBe('Secretary of State');
    expect(entities.some((e) => e.key === 'PERSON:blinken')).toBe(false);
  });

  it('finds Seoul as a GPE', () => {
    expect(entity(entities, 'GPE:seoul').type).toBe('GPE');
  });

  it('finds North Korea, with DPRK as an alias where the copy uses it', () => {
    const nk = entity(entities, 'GPE:north korea');
    if (/\bDPRK\b/.test(text)) expect(nk.aliases).toContain('DPRK');
    expect(nk.mentions.some((m) => m.text === 'North Korea')).toBe(true);
  });

  it('joins Yoon to Yoon Suk Yeol, with the title as role', () => {
    const yoon = entity(entities, 'PERSON:yoon suk yeol');
    expect(yoon.aliases).toEqual(['Yoon']);
    expect(yoon.mentions.find((m) => m.text === 'Yoon Suk Yeol')?.role).toBe('President');
  });

  it('finds no person named after a sentence-initial or adjective word', () => {
    const persons = entities.filter((e) => e.type === 'PERSON');
    for (const p of persons) {
      expect(NOT_PERSONS).not.toContain(p.canonicalName);
      // A person's name is never a word the copy also uses in lowercase.
      for (const word of p.canonicalName.split(/\s+/)) expect(text).not.toMatch(new RegExp(`(?:^|\\s)${word.toLowerCase()}(?=[\\s,;:!?]|\\.\\s)`));
    }
    expect(persons.length).toBeLessThanOrEqual(10);
  });

  it('types every entity with one of the contract types and a matching key', () => {
    for (const e of entities) {
      expect(['PERSON', 'ORG', 'GPE', 'LOC', 'MISC']).toContain(e.type);
      expect(e.key).toBe(`${e.type}:${e.canonicalName.toLowerCase()}`);
      expect(e.aliases).not.toContain(e.canonicalName);
    }
  });
});

describe('seed story: KUNA story via MENAFN', () => {
  const entities = extractEntities(seed('000_'));

  it('finds exactly these people', () => {
    // "Putin" is named only by his surname, inside a quote.
    expect(names(entities, 'PERSON')).toEqual(['Antony Blinken', 'Cho Tae-yul', 'Choi Sang-mok', 'Fumio Kishida', 'Joe Biden', 'Putin', 'Yoon Suk Yeol']);
  });

  it('finds the places, and Camp David as a location rather than a person', () => {
    expect(names(entities, 'GPE')).toEqual(
      expect.arrayContaining(['Japan', 'Moscow', 'North Korea', 'Pyongyang', 'Russia', 'Seoul', 'South Korea', 'Tokyo', 'Ukraine', 'United States', 'Washington']),
    );
    expect(names(entities, 'LOC')).toEqual(['Camp David']);
  });

  it('finds exactly these organisations', () => {
    expect(names(entities, 'ORG')).toEqual(['Kuwait News Agency', 'MENAFN', 'Yonhap News Agency']);
  });

  it('joins the dateline capital and the body’s Tokyo, and keeps the adjectives MISC', () => {
    expect(entity(entities, 'GPE:tokyo').aliases).toEqual(['TOKYO']);
    expect(names(entities, 'MISC')).toEqual(expect.arrayContaining(['Japanese', 'South Korean']));
  });

  it('finds the Korean officials in family-name-first order, joined with their surnames', () => {
    expect(entity(entities, 'PERSON:cho tae-yul').type).toBe('PERSON');
    const choi = entity(entities, 'PERSON:choi sang-mok');
    expect(choi.aliases).toEqual(['Choi']);
    expect(choi.mentions.length).toBeGreaterThanOrEqual(3);
    expect(choi.mentions[0]?.role).toBe('Acting President');
  });

  it('finds Joe Biden and Fumio Kishida with their titles as roles', () => {
    expect(entity(entities, 'PERSON:joe biden').mentions[0]?.role).toBe('President');
    expect(entity(entities, 'PERSON:fumio kishida').mentions[0]?.role).toBe('Prime Minister');
  });

  it('resolves "the North" to North Korea once the story has named it', () => {
    expect(entity(entities, 'GPE:north korea').aliases).toContain('North');
  });

  it('finds the agencies as organisations', () => {
    expect(entity(entities, 'ORG:yonhap news agency').type).toBe('ORG');
    expect(entity(entities, 'ORG:kuwait news agency').aliases).toContain('KUNA');
  });

  it('maps US to the United States', () => {
    expect(entity(entities, 'GPE:united states').aliases).toContain('US');
  });
});

describe('seed story: Korea JoongAng Daily page text', () => {
  const entities = extractEntities(seed('002_'));

  it('finds exactly these people', () => {
    expect(names(entities, 'PERSON')).toEqual(['Antony Blinken', 'Lloyd Austin', 'Park Jin', 'Yoon Suk Yeol']);
  });

  it('finds the places', () => {
    expect(names(entities, 'GPE')).toEqual(
      expect.arrayContaining(['Beijing', 'China', 'India', 'Iraq', 'Israel', 'Japan', 'Jordan', 'North Korea', 'Pyongyang', 'Russia', 'Seoul', 'South Korea', 'Tokyo', 'Turkey', 'Ukraine', 'United States']),
    );
    expect(names(entities, 'LOC')).toEqual(['Korean Peninsula', 'Middle East']);
  });

  it('finds the organisations', () => {
    expect(names(entities, 'ORG')).toEqual(
      expect.arrayContaining(['Hamas', 'Korea JoongAng Daily', 'Palestinian Authority', 'UN Security Council', 'United Nations', 'Yonhap News Agency']),
    );
  });

  it('maps U.S. to the United States, and reads "North-Russia" as North Korea and Russia', () => {
    expect(entity(entities, 'GPE:united states').aliases).toContain('U.S.');
    expect(entities.some((e) => /north-russia/i.test(e.key))).toBe(false);
    const compound = seed('002_').indexOf('North-Russia');
    expect(entity(entities, 'GPE:north korea').mentions.some((m) => m.start === compound && m.text === 'North')).toBe(true);
    expect(entity(entities, 'GPE:russia').mentions.some((m) => m.start === compound + 'North-'.length)).toBe(true);
  });

  it('finds Park Jin with role Foreign Minister, joined with Park', () => {
    const park = entity(entities, 'PERSON:park jin');
    expect(park.mentions.filter((m) => m.text === 'Park Jin').every((m) => m.role === 'Foreign Minister')).toBe(true);
    expect(park.aliases).toEqual(['Park']);
  });

  it('finds Lloyd Austin as a person, not the city of Austin', () => {
    expect(entity(entities, 'PERSON:lloyd austin').mentions[0]?.role).toBe('Defense Secretary');
    expect(entities.some((e) => e.key === 'GPE:austin')).toBe(false);
  });

  it('finds Hamas as an organisation and the UN Security Council', () => {
    expect(entity(entities, 'ORG:hamas').mentions.length).toBeGreaterThanOrEqual(2);
    expect(entity(entities, 'ORG:un security council').type).toBe('ORG');
  });

  it('maps the long official names to their countries', () => {
    expect(entity(entities, 'GPE:north korea').aliases.some((a) => a.startsWith('Democratic People'))).toBe(true);
    expect(entity(entities, 'GPE:south korea').aliases).toContain('Republic of Korea');
  });

  it('types the peninsula and the Middle East as LOC', () => {
    expect(entity(entities, 'LOC:korean peninsula').type).toBe('LOC');
    expect(entity(entities, 'LOC:middle east').type).toBe('LOC');
  });

  it('types "Russian" in "Russian aggression" as MISC', () => {
    expect(entity(entities, 'MISC:russian').type).toBe('MISC');
  });
});
