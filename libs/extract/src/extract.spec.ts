import { ExtractedEntitySchema, type ExtractedEntity } from '@wirestream/contracts';
import { createExtractor, extractEntities, extractorVersion, QUOTE_RULES_VERSION, type Recognizer } from './index';

function entity(entities: readonly ExtractedEntity[], key: string): ExtractedEntity {
  const found = entities.find((e) => e.key === key);
  if (!found) throw new Error(`no entity ${key}; got ${entities.map((e) => e.key).join(', ')}`);
  return found;
}

function keys(entities: readonly ExtractedEntity[]): string[] {
  return entities.map((e) => e.key);
}

function expectOffsetsSliceBack(body: string, entities: readonly ExtractedEntity[]): void {
  for (const e of entities) for (const m of e.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
}

describe('extractEntities', () => {
  it('reports the version: a semver storage can rank, a hash of the committed weights, then the quote rules version', () => {
    expect(extractorVersion()).toMatch(/^ner-\d+\.\d+\.\d+\+[0-9a-f]{8}\.quotes-\d+$/);
    expect(extractorVersion().endsWith(`.quotes-${QUOTE_RULES_VERSION}`)).toBe(true);
  });

  it('leaves the author on a byline line out, but not a person named in the story', () => {
    const body = 'Officials met in Varnia on Monday.\nBY MARTA KELSO [marta.kelso@example.com]\nBy the end of the day, Marta Kelso had left.';
    const recognizer: Recognizer = {
      version: 'test-1.0.0',
      recognize: (text) => [...text.matchAll(/MARTA KELSO|Marta Kelso/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, type: 'PERSON' as const })),
    };
    const people = createExtractor(recognizer)(body);
    expect(people.flatMap((e) => e.mentions.map((m) => m.text))).toEqual(['Marta Kelso']);
    expect(createExtractor(recognizer)(body, { headline: 'Talks in Varnia' }).flatMap((e) => e.mentions.map((m) => m.start))).toEqual([body.lastIndexOf('Marta Kelso')]);
  });

  it('returns nothing for text without names', () => {
    expect(extractEntities('')).toEqual([]);
    expect(extractEntities('the markets were quiet on a slow afternoon.')).toEqual([]);
  });

  it('produces entities that satisfy the contract schema, keyed by type and lowercased canonical name', () => {
    const body = 'Foreign Minister Park Jin met Antony Blinken in Seoul. Blinken thanked Park.';
    const entities = extractEntities(body);
    for (const e of entities) {
      expect(ExtractedEntitySchema.parse(e)).toEqual(e);
      expect(e.key).toBe(`${e.type}:${e.canonicalName.toLowerCase()}`);
    }
  });

  it('sorts entities by their first mention and mentions by offset', () => {
    const body = 'In Tokyo, Kim Min-jae of the Bank of Korea met Sarah Miller. Later Miller flew to Tokyo.';
    const entities = extractEntities(body);
    expect(keys(entities)).toEqual(['GPE:tokyo', 'PERSON:kim min-jae', 'ORG:bank of korea', 'PERSON:sarah miller']);
    for (const e of entities) {
      const starts = e.mentions.map((m) => m.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  describe('possessives', () => {
    it('leaves the possessive ending out of the mention', () => {
      const body = "Minister Lee Sang-hoon's plan drew on Japan's data and the Workers' Party of Korea's claims.";
      const entities = extractEntities(body);
      expect(entity(entities, 'PERSON:lee sang-hoon').mentions[0]).toMatchObject({ text: 'Lee Sang-hoon' });
      expect(entity(entities, 'GPE:japan').mentions[0]).toMatchObject({ text: 'Japan' });
      expect(entity(entities, "ORG:workers' party of korea").mentions[0]?.text).toBe("Workers' Party of Korea");
      expectOffsetsSliceBack(body, entities);
    });

    it('joins a possessive surname to the full name', () => {
      const body = "Acting President Han Min-su spoke first. Critics questioned Han's budget.";
      const han = entity(extractEntities(body), 'PERSON:han min-su');
      expect(han.mentions.map((m) => m.text)).toEqual(['Han Min-su', 'Han']);
      expect(han.aliases).toEqual(['Han']);
    });
  });

  describe('roles in apposition', () => {
    it('keeps a title before a name as the role, not as part of the name', () => {
      const body = 'Foreign Minister Park Jin hosted the talks.';
      const park = entity(extractEntities(body), 'PERSON:park jin');
      expect(park.canonicalName).toBe('Park Jin');
      expect(park.mentions[0]).toMatchObject({ text: 'Park Jin', role: 'Foreign Minister' });
    });

    it('drops a nationality before the title and keeps multi-word titles whole', () => {
      const body = 'US Secretary of State Maria Lopez met German Chancellor Hans Weber and Acting President Oh Se-jin.';
      const entities = extractEntities(body);
      expect(entity(entities, 'PERSON:maria lopez').mentions[0]?.role).toBe('Secretary of State');
      expect(entity(entities, 'PERSON:hans weber').mentions[0]?.role).toBe('Chancellor');
      expect(entity(entities, 'PERSON:oh se-jin').mentions[0]?.role).toBe('Acting President');
      expect(entity(entities, 'GPE:united states').mentions[0]?.text).toBe('US');
      expect(keys(entities)).not.toContain('PERSON:secretary of state maria lopez');
    });

    it('gives a mention without a title a null role', () => {
      const body = 'Defense Secretary Tom Harlan landed in Manila. Harlan said the visit was short.';
      const harlan = entity(extractEntities(body), 'PERSON:tom harlan');
      expect(harlan.mentions.map((m) => m.role)).toEqual(['Defense Secretary', null]);
    });
  });

  describe('surname coreference', () => {
    it('joins a later bare surname to the full name (given name first)', () => {
      const body = 'Senator Rachel Okafor arrived on Monday. Okafor told reporters she was hopeful, Okafor added.';
      const entities = extractEntities(body);
      const okafor = entity(entities, 'PERSON:rachel okafor');
      expect(okafor.mentions.map((m) => m.text)).toEqual(['Rachel Okafor', 'Okafor', 'Okafor']);
      expect(keys(entities)).not.toContain('PERSON:okafor');
    });

    it('joins the first token of a family-name-first name (Korean order)', () => {
      const body = 'Lee Jae-myung visited Busan. Supporters cheered as Lee spoke, and Lee later left.';
      const lee = entity(extractEntities(body), 'PERSON:lee jae-myung');
      expect(lee.mentions.map((m) => m.text)).toEqual(['Lee Jae-myung', 'Lee', 'Lee']);
    });

    it('treats a known Korean surname with unhyphenated given names as family name first', () => {
      const body = 'President Moon Tae Ho met the envoy. Moon later said the meeting went well.';
      const moon = entity(extractEntities(body), 'PERSON:moon tae ho');
      expect(moon.aliases).toEqual(['Moon']);
    });

    it('keeps western order for a given name followed by a surname that is also a Korean surname', () => {
      const body = 'Coach John Park praised the team. Park said the players had earned it.';
      const entities = extractEntities(body);
      expect(entity(entities, 'PERSON:john park').mentions.map((m) => m.text)).toEqual(['John Park', 'Park']);
    });

    it('joins a surname mentioned before the full name', () => {
      const body = 'Harlan arrived late.\n\nDefense Secretary Tom Harlan then met Harlan\u2019s hosts.';
      const harlan = entity(extractEntities(body), 'PERSON:tom harlan');
      expect(harlan.mentions).toHaveLength(3);
    });

    it('attaches a surname to the nearest preceding namesake when two people share it', () => {
      const body = 'Anna Kowalski met Peter Kowalski. Later Peter Kowalski left, and Kowalski said goodbye.';
      const entities = extractEntities(body);
      expect(entity(entities, 'PERSON:peter kowalski').mentions.map((m) => m.text)).toContain('Kowalski');
      expect(entity(entities, 'PERSON:anna kowalski').mentions).toHaveLength(1);
    });

    it('uses a full name from the headline as the canonical name of a bare body surname', () => {
      const entities = extractEntities('Okafor said the bill would pass.', { headline: 'Rachel Okafor vows to pass budget bill' });
      const okafor = entity(entities, 'PERSON:rachel okafor');
      expect(okafor.mentions).toEqual([{ start: 0, end: 6, text: 'Okafor', role: null }]);
      expect(okafor.aliases).toEqual(['Okafor']);
    });
  });

  describe('the alias table', () => {
    it.each([
      ['DPRK', 'GPE:north korea'],
      ['Democratic People\u2019s Republic of Korea', 'GPE:north korea'],
      ['ROK', 'GPE:south korea'],
      ['Republic of Korea', 'GPE:south korea'],
      ['U.S.', 'GPE:united states'],
      ['US', 'GPE:united states'],
      ['United States', 'GPE:united states'],
      ['America', 'GPE:united states'],
      ['U.K.', 'GPE:united kingdom'],
      ['Britain', 'GPE:united kingdom'],
      ['UN', 'ORG:united nations'],
      ['U.N.', 'ORG:united nations'],
    ])('maps %s to %s', (form, key) => {
      const body = `Officials said ${form} would respond.`;
      const found = entity(extractEntities(body), key);
      expect(found.mentions[0]?.text).toBe(form);
      expect(found.aliases).toEqual(form === found.canonicalName ? [] : [form]);
    });

    it('merges all forms in one article into one entity with the other forms as aliases', () => {
      const body = 'North Korea fired a missile. The DPRK said the test succeeded, and the US and the U.S. Navy watched.';
      const entities = extractEntities(body);
      expect(entity(entities, 'GPE:north korea').aliases).toEqual(['DPRK']);
      expect(entities.filter((e) => e.key === 'GPE:north korea')).toHaveLength(1);
    });

    it('does not read the pronoun "us" as the United States', () => {
      const body = 'Let us say the plan works.';
      expect(keys(extractEntities(body))).not.toContain('GPE:united states');
    });
  });

  describe('"the North"', () => {
    it('resolves to North Korea after the article has named North Korea', () => {
      const body = 'North Korea launched a rocket. The North said it was a satellite; the launch worried the region.';
      const nk = entity(extractEntities(body), 'GPE:north korea');
      expect(nk.mentions.map((m) => m.text)).toEqual(['North Korea', 'North']);
      expect(body.slice(nk.mentions[1]?.start, nk.mentions[1]?.end)).toBe('North');
    });

    it('resolves after DPRK too', () => {
      const body = 'The DPRK launched a rocket, and the North\u2019s media praised it.';
      expect(entity(extractEntities(body), 'GPE:north korea').mentions).toHaveLength(2);
    });

    it('is not an entity when the article has not named North Korea', () => {
      const body = 'Storms battered the North on Sunday, and the North Sea ferries stopped.';
      const entities = extractEntities(body);
      expect(keys(entities)).not.toContain('GPE:north korea');
      expect(entities.flatMap((e) => e.mentions).map((m) => m.text)).not.toContain('North');
    });

    it('reads "North-Russia" as North Korea and Russia when the article names North Korea, even later', () => {
      const body = 'Ministers condemned the North-Russia arms deals. North Korea denied any transfer.';
      const entities = extractEntities(body);
      const at = body.indexOf('North-');
      expect(entity(entities, 'GPE:north korea').mentions[0]).toEqual({ start: at, end: at + 5, text: 'North', role: null });
      expect(entity(entities, 'GPE:russia').mentions[0]).toMatchObject({ start: at + 6, text: 'Russia' });
      expect(keys(entities).filter((k) => k.includes('-'))).toEqual([]);
    });

    it('leaves "North" in "North-Russia" alone when the article never names North Korea', () => {
      const entities = extractEntities('Ministers condemned the North-Russia arms deals on Monday.');
      expect(keys(entities)).not.toContain('GPE:north korea');
      expect(keys(entities)).toContain('GPE:russia');
    });

    it('counts a North Korea mention in the headline as prior', () => {
      const entities = extractEntities('The North said the drills were provocative.', { headline: 'North Korea condemns drills' });
      expect(entity(entities, 'GPE:north korea').mentions).toEqual([{ start: 4, end: 9, text: 'North', role: null }]);
    });
  });

  describe('organisations', () => {
    it('recognises unknown organisations by their head word', () => {
      const body =
        'The Korea Institute for Defense Analyses and the Busan Port Authority briefed the Hanbit Development Bank, Solara Corp and Gwangju Science University.';
      const entities = extractEntities(body);
      for (const name of [
        'Korea Institute for Defense Analyses',
        'Busan Port Authority',
        'Hanbit Development Bank',
        'Solara Corp',
        'Gwangju Science University',
      ]) {
        expect(entity(entities, `ORG:${name.toLowerCase()}`).type).toBe('ORG');
      }
    });

    it('recognises "Bank of Korea" style names with "of"', () => {
      const body = 'Rates were held by the Bank of Korea and the Ministry of Economy and Finance.';
      const entities = extractEntities(body);
      expect(keys(entities)).toEqual(expect.arrayContaining(['ORG:bank of korea', 'ORG:ministry of economy and finance']));
    });

    it('joins an acronym in parentheses to the name it abbreviates', () => {
      const body = 'The Korea Institute for National Unification (KINU) published a report. KINU said more would follow.';
      const kinu = entity(extractEntities(body), 'ORG:korea institute for national unification');
      expect(kinu.aliases).toEqual(['KINU']);
      expect(kinu.mentions).toHaveLength(3);
    });

    it('knows well-known organisations', () => {
      const body = 'Hamas and NATO were discussed at the UN Security Council, Reuters and Yonhap News Agency said.';
      const entities = extractEntities(body);
      expect(keys(entities)).toEqual(['ORG:hamas', 'ORG:nato', 'ORG:un security council', 'ORG:reuters', 'ORG:yonhap news agency']);
    });
  });

  describe('places', () => {
    it('types countries and cities as GPE and geographic regions as LOC', () => {
      const body = 'Tension on the Korean Peninsula rose as Seoul, Pyongyang and Kuwait watched the Middle East and the Han River.';
      const entities = extractEntities(body);
      expect(entity(entities, 'LOC:korean peninsula').type).toBe('LOC');
      expect(entity(entities, 'LOC:middle east').type).toBe('LOC');
      expect(entity(entities, 'LOC:han river').type).toBe('LOC');
      for (const k of ['GPE:seoul', 'GPE:pyongyang', 'GPE:kuwait']) expect(entity(entities, k).type).toBe('GPE');
    });

    it('splits "South Korea-US" into two countries', () => {
      const body = 'Both sides hailed South Korea-US drills.';
      expect(keys(extractEntities(body))).toEqual(['GPE:south korea', 'GPE:united states']);
    });
  });

  describe('sentence starts and adjectives', () => {
    it('does not take capitalised sentence-initial words for names', () => {
      const body =
        'Regarding the dispute, officials met. Despite rain, talks went on. Evidence of damage was found. However, Minister Park Jin spoke. Meanwhile the Seoul office closed.';
      const entities = extractEntities(body);
      const names = entities.map((e) => e.canonicalName);
      for (const word of ['Regarding', 'Despite', 'Evidence', 'However', 'Meanwhile']) expect(names).not.toContain(word);
      expect(keys(entities)).toEqual(['PERSON:park jin', 'GPE:seoul']);
    });

    it('takes a sentence-initial word as a name when the text vouches for it elsewhere', () => {
      const body = 'Talks ended with Tom Harlan and Mira Osei.\nOsei said the deal held.';
      expect(entity(extractEntities(body), 'PERSON:mira osei').mentions).toHaveLength(2);
    });

    it('types nationality adjectives as MISC, never PERSON', () => {
      const body = 'He condemned Russian aggression and praised South Korean and Japanese diplomats.';
      const entities = extractEntities(body);
      expect(entities.filter((e) => e.type === 'PERSON')).toEqual([]);
      expect(keys(entities)).toEqual(['MISC:russian', 'MISC:south korean', 'MISC:japanese']);
    });

    it('ignores weekdays and months', () => {
      const body = 'The vote on Thursday, January 9, was delayed until Monday.';
      expect(extractEntities(body)).toEqual([]);
    });
  });

  describe('offsets', () => {
    it('counts UTF-16 code units through curly quotes, Korean text and emoji', () => {
      const body = '\u201c\uD55C\uAD6D \uC678\uAD50\uBD80\u201d \u2014 \uD83D\uDE80 \u2018Quiet\u2019 talks: Foreign Minister Park Jin met Ms. Ana Ruiz in Seoul\u2019s centre.';
      const entities = extractEntities(body);
      expectOffsetsSliceBack(body, entities);
      const park = entity(entities, 'PERSON:park jin').mentions[0];
      expect(park?.start).toBe(body.indexOf('Park Jin'));
      expect(entity(entities, 'PERSON:ana ruiz').mentions[0]?.role).toBe('Ms.');
      expect(entity(entities, 'GPE:seoul').mentions[0]).toMatchObject({ start: body.indexOf('Seoul'), end: body.indexOf('Seoul') + 5 });
      expect(entities.map((e) => e.canonicalName)).not.toContain('\uD55C\uAD6D');
    });

    it('keeps offsets on the body when a headline is given', () => {
      const body = 'Seoul hosted Antony Blinken on Thursday.';
      const entities = extractEntities(body, { headline: 'Blinken visits Seoul' });
      expectOffsetsSliceBack(body, entities);
      expect(entity(entities, 'GPE:seoul').mentions).toEqual([{ start: 0, end: 5, text: 'Seoul', role: null }]);
    });
  });

  it('processes a 200 KB article without error, with offsets intact', () => {
    const paragraph =
      'Foreign Minister Park Jin met Antony Blinken, the US envoy, in Seoul. \u201cWe agree,\u201d Blinken said, while the DPRK\u2019s envoy left. ' +
      'The North fired missiles into the East Sea, according to the Joint Chiefs of Staff (JCS). \uD55C\uAD6D\uC5B4 \uBB38\uC7A5. ';
    let body = '';
    while (body.length < 200_000) body += paragraph;
    const entities = extractEntities(body);
    expectOffsetsSliceBack(body, entities);
    const repeats = Math.ceil(200_000 / paragraph.length);
    expect(entity(entities, 'PERSON:antony blinken').mentions).toHaveLength(2 * repeats);
    expect(entity(entities, 'GPE:north korea').mentions).toHaveLength(2 * repeats);
  });
});

describe('createExtractor', () => {
  it('canonicalizes any recognizer\u2019s spans the same way, correcting CoNLL-style LOC for countries', () => {
    const body = 'Seoul welcomed Mr. Blinken\u2019s visit. Ambassador Antony Blinken met Park Jin in Seoul.';
    const span = (text: string, from: number, type: 'PERSON' | 'LOC') => {
      const start = body.indexOf(text, from);
      return { start, end: start + text.length, type };
    };
    const modelLike: Recognizer = {
      version: 'stub-0.0.0',
      recognize: (text) =>
        text === body
          ? [
              span('Seoul', 0, 'LOC'),
              span('Mr. Blinken\u2019s', 0, 'PERSON'),
              span('Antony Blinken', 0, 'PERSON'),
              span('Park Jin', 0, 'PERSON'),
              span('Seoul', 60, 'LOC'),
            ]
          : [],
    };
    const entities = createExtractor(modelLike)(body);
    expect(keys(entities)).toEqual(['GPE:seoul', 'PERSON:antony blinken', 'PERSON:park jin']);
    const blinken = entity(entities, 'PERSON:antony blinken');
    expect(blinken.mentions.map((m) => [m.text, m.role])).toEqual([
      ['Blinken', 'Mr.'],
      ['Antony Blinken', 'Ambassador'],
    ]);
    expectOffsetsSliceBack(body, entities);
  });

  it('ignores spans outside the body or overlapping an earlier span', () => {
    const body = 'Seoul and Tokyo.';
    const broken: Recognizer = {
      version: 'stub-0.0.0',
      recognize: () => [
        { start: 0, end: 5, type: 'GPE' },
        { start: 2, end: 8, type: 'ORG' },
        { start: 10, end: 15, type: 'GPE' },
        { start: 12, end: 400, type: 'GPE' },
      ],
    };
    expect(keys(createExtractor(broken)(body))).toEqual(['GPE:seoul', 'GPE:tokyo']);
  });
});
