import { PKG_CITY, PKG_COUNTRY, PKG_NATIONALITY, packageGazetteer, setPackageGazetteer } from './package-gazetteer';
import { POS_B, POS_L, POS_U } from './ner-tags';
import { nerTokenize } from './ner-tokenize';

const decode = (code: number): { cls: number; pos: number } | null => (code === 0 ? null : { cls: (code - 1) >> 2, pos: (code - 1) & 3 });

describe('package gazetteer', () => {
  afterEach(() => setPackageGazetteer(true));

  it('marks countries, nationalities and cities from the packages with their BILU position', () => {
    const tokens = nerTokenize('Traders in New York said Peruvian growers in Chile were nice to them.');
    const codes = new Int32Array(tokens.length);
    packageGazetteer(tokens, codes);
    const at = (text: string): { cls: number; pos: number } | null => decode(codes[tokens.findIndex((t) => t.text === text)] as number);
    expect(at('New')).toEqual({ cls: expect.any(Number), pos: POS_B });
    expect(at('New')!.cls & PKG_CITY).toBe(PKG_CITY);
    expect(at('York')!.pos).toBe(POS_L);
    expect(at('Peruvian')).toEqual({ cls: PKG_NATIONALITY, pos: POS_U });
    expect(at('Chile')!.cls & PKG_COUNTRY).toBe(PKG_COUNTRY);
    // Lowercase words are not names ("nice" is not the city), nor are common words.
    expect(at('nice')).toBeNull();
    expect(at('Traders')).toBeNull();
  });

  it('can be turned off', () => {
    setPackageGazetteer(false);
    const tokens = nerTokenize('Growers in Chile.');
    const codes = new Int32Array(tokens.length).fill(9);
    packageGazetteer(tokens, codes);
    expect(Array.from(codes)).toEqual([0, 0, 0, 0]);
  });
});
