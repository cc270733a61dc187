import { nerTokenize, splitHyphenated } from './ner-tokenize';

const texts = (s: string) => nerTokenize(s).map((t) => t.text);

describe('splitHyphenated', () => {
  it('splits compounds of known names and a known name with a lowercase word', () => {
    expect(splitHyphenated(['Korea', 'US'], 'Korea-US')).toBe(true);
    expect(splitHyphenated(['Seoul', 'based'], 'Seoul-based')).toBe(true);
    expect(splitHyphenated(['North', 'Zorvex'], 'North-Zorvex')).toBe(true);
  });

  it('keeps hyphenated given names, unknown compounds and names listed whole', () => {
    expect(splitHyphenated(['Tae', 'yul'], 'Tae-yul')).toBe(false);
    expect(splitHyphenated(['Rolls', 'Royce'], 'Rolls-Royce')).toBe(false);
    expect(splitHyphenated(['Guinea', 'Bissau'], 'Guinea-Bissau')).toBe(false);
    expect(splitHyphenated(['Zorvex', 'based'], 'Zorvex-based')).toBe(false);
  });
});

describe('nerTokenize', () => {
  it('splits what splitHyphenated allows and leaves the rest to the shared tokenizer', () => {
    expect(texts('Korea-US ties, Seoul-based Cho Tae-yul and Guinea-Bissau')).toEqual(['Korea', '-', 'US', 'ties', ',', 'Seoul', '-', 'based', 'Cho', 'Tae-yul', 'and', 'Guinea-Bissau']);
  });
});
