import type { EntityType } from '@wirestream/contracts';
import { defaultRecognizer } from './index';
import { NER_RECOGNIZER_VERSION, placeType, spansFromTags } from './model-recognizer';
import { makeTag, POS_B, POS_L, POS_U, TAG_O } from './ner-tags';
import { nerTokenize } from './ner-tokenize';

function spans(text: string): [string, EntityType][] {
  return defaultRecognizer().recognize(text).map((s) => [text.slice(s.start, s.end), s.type]);
}

describe('spansFromTags', () => {
  it('reads BILOU tags into token and character spans', () => {
    const tokens = nerTokenize('Anna Kovac met Bolvar in Tavel.');
    const tags = Uint8Array.from([makeTag(0, POS_B), makeTag(0, POS_L), TAG_O, makeTag(1, POS_U), TAG_O, makeTag(2, POS_U), TAG_O]);
    expect(spansFromTags(tokens, tags).map((s) => [s.start, s.end, s.type, s.first, s.last])).toEqual([
      [0, 10, 'PER', 0, 2],
      [15, 21, 'ORG', 3, 4],
      [25, 30, 'LOC', 5, 6],
    ]);
  });
});

describe('placeType', () => {
  it.each([
    ['Seoul', 'GPE'],
    ['France', 'GPE'],
    ['Middle East', 'LOC'],
    ['Yellow Sea', 'LOC'],
    ['Ostrel River', 'LOC'],
    ['Mount Halla', 'LOC'],
    ['Kelmar', 'GPE'],
  ])('types %s as %s', (text, type) => {
    expect(placeType(text)).toBe(type);
  });
});

describe('the committed model', () => {
  it('is the default recognizer and names its version after the weights', () => {
    // A semver first (storage ranks results by the first dotted number), then the weights' hash.
    expect(defaultRecognizer().version).toMatch(/^ner-\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
    expect(defaultRecognizer().version).toBe(`ner-${NER_RECOGNIZER_VERSION}+${defaultRecognizer().model.header.id}`);
    expect(/(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(defaultRecognizer().version)![0]).toBe(NER_RECOGNIZER_VERSION);
  });

  it('finds people, organisations and places it has never seen from their context, and nationalities', () => {
    expect(spans('Tavita Faleolo, chief executive of Norrland Telecom, told reporters in Ostrel on Monday that the Dutch bid had failed.')).toEqual([
      ['Tavita Faleolo', 'PERSON'],
      ['Norrland Telecom', 'ORG'],
      ['Ostrel', 'GPE'],
      ['Dutch', 'MISC'],
    ]);
  });

  it('reads all-caps lines and sentence-initial words by document evidence', () => {
    const text = 'JAPAN BEAT SYRIA IN ASIAN CUP.\nJapan beat Syria 2-1 on Sunday. Coach Shu Kamo said the team played well.';
    const found = spans(text);
    expect(found).toEqual(expect.arrayContaining([['JAPAN', 'GPE'], ['SYRIA', 'GPE'], ['Japan', 'GPE'], ['Syria', 'GPE'], ['Shu Kamo', 'PERSON']]));
    expect(found.map(([t]) => t)).not.toContain('Coach');
  });

  it('applies its typing rules: Korean names, "Korea-US", lone compass words, Camp David', () => {
    expect(spans('Lee Jae-myung visited Busan.')).toEqual([
      ['Lee Jae-myung', 'PERSON'],
      ['Busan', 'GPE'],
    ]);
    expect(spans('Both sides hailed South Korea-US drills.')).toEqual([
      ['South Korea', 'GPE'],
      ['US', 'GPE'],
    ]);
    expect(spans('Storms battered the North on Sunday.')).toEqual([]);
    expect(spans('The leaders met at Camp David last year.')).toEqual([['Camp David', 'LOC']]);
  });

  it('returns spans in order, without overlaps, inside the text', () => {
    const text = '“We’re seeing Russia provide technology,” Antony Blinken told reporters in Seoul — the U.S. envoy’s third visit.';
    const found = defaultRecognizer().recognize(text);
    for (let i = 0; i < found.length; i++) {
      expect(found[i]!.start).toBeGreaterThanOrEqual(i > 0 ? found[i - 1]!.end : 0);
      expect(found[i]!.end).toBeLessThanOrEqual(text.length);
    }
    expect(spans(text)).toEqual(expect.arrayContaining([['Russia', 'GPE'], ['Antony Blinken', 'PERSON'], ['Seoul', 'GPE']]));
  });
});
