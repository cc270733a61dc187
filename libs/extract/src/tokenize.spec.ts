import { tokenize } from './tokenize';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('gives UTF-16 offsets that slice back to each token, through non-ASCII text', () => {
    const text = '\u201cQuiet\u201d \uD55C\uAD6D \uD83D\uDE80 Seoul\u2019s Park Jin-ho, U.S. Navy.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('splits possessive clitics off names, straight or curly', () => {
    expect(texts("Choi's plan and Seoul\u2019s view")).toEqual(['Choi', "'s", 'plan', 'and', 'Seoul', '\u2019s', 'view']);
    const workers = tokenize("Workers' Party");
    expect(workers.map((t) => [t.text, t.clitic])).toEqual([
      ['Workers', false],
      ["'", true],
      ['Party', false],
    ]);
  });

  it('keeps abbreviation periods on their word and does not end the sentence there', () => {
    const tokens = tokenize('Mr. Kim met U.S. Navy officers. They left.');
    expect(tokens.map((t) => t.text)).toEqual(['Mr.', 'Kim', 'met', 'U.S.', 'Navy', 'officers', '.', 'They', 'left', '.']);
    expect(tokens.filter((t) => t.sentStart).map((t) => t.text)).toEqual(['Mr.', 'They']);
  });

  it('marks sentence starts after sentence punctuation, blank lines, opening quotes and list markers', () => {
    const tokens = tokenize('Talks ended. \u201cWe agree,\u201d he said.\n\nHome > National\n1. Lance Armstrong won');
    expect(tokens.filter((t) => t.sentStart).map((t) => t.text)).toEqual(['Talks', 'We', 'Home', 'National', '1']);
  });

  it('does not end a sentence at periods inside e-mail addresses or numbers', () => {
    const tokens = tokenize('Write to desk.editor@example.co.kr about the 3.5 percent rise.');
    expect(tokens.filter((t) => t.sentStart).map((t) => t.text)).toEqual(['Write']);
  });

  it('does not start a sentence at a line that runs on mid-sentence', () => {
    const tokens = tokenize('to connect\nwith the Daily');
    expect(tokens.filter((t) => t.sentStart).map((t) => t.text)).toEqual(['to']);
  });

  it('splits hyphenated words only when asked to', () => {
    const split = (parts: readonly string[]) => parts.every((p) => /^[A-Z]/.test(p));
    expect(texts('Korea-US ties and Cho Tae-yul')).toEqual(['Korea-US', 'ties', 'and', 'Cho', 'Tae-yul']);
    expect(tokenize('Korea-US ties and Cho Tae-yul', { splitHyphenated: split }).map((t) => t.text)).toEqual(['Korea', '-', 'US', 'ties', 'and', 'Cho', 'Tae-yul']);
  });

  it('treats caseless scripts as neither capitalised nor in capitals', () => {
    const [hangul] = tokenize('\uD55C\uAD6D\uC5B4');
    expect(hangul).toMatchObject({ cap: false, upper: false, lower: false, isWord: true });
  });

  it('flags all-caps headlines, but not a line with a name in capitals', () => {
    expect(tokenize('SOCCER - JAPAN GET LUCKY WIN').every((t) => t.capsSentence)).toBe(true);
    expect(tokenize('BY MINA SEO [seo.mina@example.com]').some((t) => t.capsSentence)).toBe(false);
  });

  it('reads case and digits the same for ASCII words as for words with other letters', () => {
    const facts = (text: string) =>
      tokenize(text).map(({ text: word, norm, isWord, cap, upper, lower, hasDigit }) => ({ word, norm, isWord, cap, upper, lower, hasDigit }));
    expect(facts('Seoul SEOUL seoul 3rd G7 iPhone 2024 %')).toEqual([
      { word: 'Seoul', norm: 'seoul', isWord: true, cap: true, upper: false, lower: false, hasDigit: false },
      { word: 'SEOUL', norm: 'seoul', isWord: true, cap: false, upper: true, lower: false, hasDigit: false },
      { word: 'seoul', norm: 'seoul', isWord: true, cap: false, upper: false, lower: true, hasDigit: false },
      { word: '3rd', norm: '3rd', isWord: true, cap: false, upper: false, lower: false, hasDigit: true },
      { word: 'G7', norm: 'g7', isWord: true, cap: false, upper: true, lower: false, hasDigit: true },
      { word: 'iPhone', norm: 'iphone', isWord: true, cap: false, upper: false, lower: true, hasDigit: false },
      { word: '2024', norm: '2024', isWord: true, cap: false, upper: false, lower: false, hasDigit: true },
      { word: '%', norm: '%', isWord: false, cap: false, upper: false, lower: false, hasDigit: false },
    ]);
    expect(facts('Séoul SÉOUL séoul Ünal O’Neil')).toEqual([
      { word: 'Séoul', norm: 'séoul', isWord: true, cap: true, upper: false, lower: false, hasDigit: false },
      { word: 'SÉOUL', norm: 'séoul', isWord: true, cap: false, upper: true, lower: false, hasDigit: false },
      { word: 'séoul', norm: 'séoul', isWord: true, cap: false, upper: false, lower: true, hasDigit: false },
      { word: 'Ünal', norm: 'ünal', isWord: true, cap: true, upper: false, lower: false, hasDigit: false },
      { word: 'O’Neil', norm: "o'neil", isWord: true, cap: true, upper: false, lower: false, hasDigit: false },
    ]);
  });
});
