import type { EntityType } from '@wirestream/contracts';
import { RuleRecognizer } from './rule-recognizer';

function spans(text: string, recognizer = new RuleRecognizer()): [string, EntityType][] {
  return recognizer.recognize(text).map((s) => [text.slice(s.start, s.end), s.type]);
}

describe('RuleRecognizer', () => {
  it('splits a capitalised run at a title into country, title and person', () => {
    const text = 'UK Secretary of State Maria Lopez arrived.';
    expect(spans(text)).toEqual([
      ['UK', 'GPE'],
      ['Maria Lopez', 'PERSON'],
    ]);
    expect(new RuleRecognizer().recognize(text)[1]?.role).toBe('Secretary of State');
  });

  it('drops job words that precede a Korean name in the same run', () => {
    expect(spans('Crowds greeted North Korean Foreign Ri Son-gwon at dawn.')).toEqual([
      ['North Korean', 'MISC'],
      ['Ri Son-gwon', 'PERSON'],
    ]);
  });

  it('prefers a person reading of "given name + place name", and keeps it for the bare surname', () => {
    expect(spans('Lloyd Austin landed in Manila. Austin said the talks went well.')).toEqual([
      ['Lloyd Austin', 'PERSON'],
      ['Manila', 'GPE'],
      ['Austin', 'PERSON'],
    ]);
  });

  it('types a whole run by its organisation head word, even with a place inside', () => {
    expect(spans('Officials at the Kuwait News Agency and the Seoul Central District Court agreed.')).toEqual([
      ['Kuwait News Agency', 'ORG'],
      ['Seoul Central District Court', 'ORG'],
    ]);
  });

  it('types geographic features as LOC and events as MISC by their head word', () => {
    expect(spans('Ships left the Yellow Sea for Mount Halla during the Korean War and the Paris Agreement talks.')).toEqual([
      ['Yellow Sea', 'LOC'],
      ['Mount Halla', 'LOC'],
      ['Korean War', 'MISC'],
      ['Paris Agreement', 'MISC'],
    ]);
  });

  it('types a lone word by what the document says about it elsewhere', () => {
    expect(spans('Reporters met Sarah Miller. Miller left, and Miller returned.').map(([, type]) => type)).toEqual(['PERSON', 'PERSON', 'PERSON']);
  });

  it('keeps an unknown lone capitalised word out unless configured otherwise', () => {
    const text = 'The deal with Zorvex was signed.';
    expect(spans(text)).toEqual([]);
    expect(spans(text, new RuleRecognizer({ fallback: { single: 'ORG' } }))).toEqual([['Zorvex', 'ORG']]);
  });

  it('reads an unknown pair of capitalised words before a speech verb as a person', () => {
    expect(spans('Then Tavita Faleolo said no.')).toEqual([['Tavita Faleolo', 'PERSON']]);
  });

  it('reads an all-caps acronym as an organisation', () => {
    expect(spans('The report by KIDA was cited.')).toEqual([['KIDA', 'ORG']]);
  });

  it('finds only gazetteer names in an all-caps headline', () => {
    expect(spans('SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .')).toEqual([
      ['JAPAN', 'GPE'],
      ['CHINA', 'GPE'],
    ]);
  });
});
