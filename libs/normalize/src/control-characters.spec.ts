import { withoutControlCharacters } from './control-characters';

describe('withoutControlCharacters', () => {
  it('removes NUL, other C0 and C1 controls, DEL, lone surrogates and non-characters, counting them', () => {
    expect(withoutControlCharacters('Seo\u0000ul\u0007 \u0085a\u007fb\ud800c\udc00d\ufffee\ufdd0')).toEqual({ text: 'Seoul ab' + 'cde', removed: 8 });
  });

  it('keeps tab, newline, carriage return, paired surrogates and ordinary text', () => {
    const text = 'a\tb\nc\r\nd 😀 서울 Αθήνα “quoted” — done';
    expect(withoutControlCharacters(text)).toEqual({ text, removed: 0 });
  });
});
