import { countBodyWords } from './word-count';
import { detectLanguage, LANGUAGE_SAMPLE_CHARS, languageSample } from './language';

describe('countBodyWords', () => {
  it('counts runs of letters and digits', () => {
    expect(countBodyWords('The U.S. sent 2,000 troops — "quickly," he said.')).toBe(10);
    expect(countBodyWords('')).toBe(0);
  });

  it('keeps combining marks inside a word', () => {
    expect(countBodyWords('हिन्दी भाषा')).toBe(2);
  });

  it('counts each Han or kana character as a word, since those scripts use no spaces', () => {
    expect(countBodyWords('東京で会議')).toBe(5);
  });
});

describe('detectLanguage', () => {
  it('names the language of a body long enough to tell', () => {
    expect(detectLanguage('The government said on Monday that it would raise taxes on tobacco and alcohol next year.')).toBe('en');
    expect(detectLanguage('Le gouvernement a annoncé lundi une hausse des taxes sur le tabac et l’alcool l’an prochain.')).toBe('fr');
  });

  it('returns null for a body too short to tell', () => {
    expect(detectLanguage('Talks resume.')).toBeNull();
  });

  it('tells the scripts and languages of the wire desks we ingest', () => {
    expect(detectLanguage('북한은 월요일 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다.')).toBe('ko');
    expect(detectLanguage('أعلنت وزارة الخارجية الكويتية يوم الاثنين عن زيارة وزير الخارجية إلى طوكيو.')).toBe('ar');
    expect(detectLanguage('東京で月曜日、日米の外相が会談し、北朝鮮の核問題について協議した。')).toBe('ja');
    expect(detectLanguage('Die Regierung kündigte am Montag höhere Steuern auf Tabak und Alkohol an.')).toBe('de');
  });

  it('reads an English results table, all names and figures, as English', () => {
    const table =
      'SOCCER - RESULTS OF SOUTH KOREAN PRO-SOCCER GAMES . SEOUL 1996-08-30 Results of South Korean pro-soccer games ' +
      'played on Thursday . Pohang 3 Ulsan 2 ( halftime 1-0 ) Puchon 2 Chonbuk 1 ( halftime 1-1 ) Standings after games ' +
      'played on Thursday ( tabulate under won , drawn , lost , goals for , goals against , points ) :';
    expect(detectLanguage(table)).toBe('en');
  });
});

describe('languageSample', () => {
  it('keeps a body shorter than the sample whole', () => {
    expect(languageSample('Talks resume on Monday.', 100)).toBe('Talks resume on Monday.');
  });

  it('cuts a long body at whitespace, never inside a word', () => {
    const body = 'alpha beta gamma delta epsilon';
    expect(languageSample(body, 13)).toBe('alpha beta');
    expect(languageSample(body, 16)).toBe('alpha beta gamma');
  });

  it('cuts text without spaces at the limit, keeping surrogate pairs whole', () => {
    expect(languageSample('東京で会議が開かれた', 4)).toBe('東京で会');
    expect(languageSample('ab𝑥cd', 3)).toBe('ab');
  });

  it('reads only the opening of a long body', () => {
    const english = 'The foreign ministers met in Seoul on Monday and agreed to resume the talks next month, officials said. ';
    const german = 'Die Außenminister trafen sich am Montag in Seoul und vereinbarten, die Gespräche im nächsten Monat fortzusetzen. ';
    const body = english.repeat(Math.ceil(LANGUAGE_SAMPLE_CHARS / english.length) + 1) + german.repeat(200);
    expect(detectLanguage(body)).toBe('en');
    expect(detectLanguage(german.repeat(200) + english.repeat(200))).toBe('de');
  });
});
