import { withoutControlCharacters } from './control-characters';

describe('withoutControlCharacters', () => {
  it('removes NUL, other C0 controls, C1 controls windows-1252 has no character for, DEL, lone surrogates and non-characters, counting them', () => {
    expect(withoutControlCharacters('Seo\u0000ul\u0007 \u0081a\u007fb\ud800c\udc00d\ufffee\ufdd0\u009d\u0085')).toEqual({ text: 'Seoul ab' + 'cde', removed: 10, repaired: 0 });
  });

  it('reads the other C1 controls (but U+0085, the EBCDIC line break) as the windows-1252 characters they stand for, as HTML reads &#128;–&#159;', () => {
    expect(withoutControlCharacters('don\u0092t \u0093quoted\u0094 \u0080 5 \u0096 \u009f')).toEqual({ text: 'don’t “quoted” € 5 – Ÿ', removed: 0, repaired: 6 });
  });

  it('keeps tab, newline, carriage return, paired surrogates and ordinary text', () => {
    const text = 'a\tb\nc\r\nd 😀 서울 Αθήνα “quoted” — done';
    expect(withoutControlCharacters(text)).toEqual({ text, removed: 0, repaired: 0 });
  });
});
