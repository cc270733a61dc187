import { countBodyWords } from './word-count';
import { detectLanguage } from './language';

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
});
