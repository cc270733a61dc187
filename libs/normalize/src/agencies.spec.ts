import { readableAgencyName, titleCase } from './agencies';

describe('readableAgencyName', () => {
  it.each([
    ['YONHAP', 'Yonhap'],
    ['REUTERS', 'Reuters'],
    ['XINHUA', 'Xinhua'],
    ['KYODO', 'Kyodo'],
    ['AP', 'AP'],
    ['AFP', 'AFP'],
    ['DPA', 'dpa'],
    ['NEWS1', 'News1'],
    ['GETTY  IMAGES', 'Getty Images'],
  ])('maps the known agency %j to %j', (raw, readable) => {
    expect(readableAgencyName(raw)).toBe(readable);
  });

  it('title-cases an unknown all-caps name', () => {
    expect(readableAgencyName('KOREA TIMES')).toBe('Korea Times');
    expect(readableAgencyName('JOONGANG')).toBe('Joongang');
  });

  it('keeps a short unknown all-caps word, which is far more likely an acronym', () => {
    expect(readableAgencyName('NHK')).toBe('NHK');
  });

  it('keeps a mixed-case name as printed', () => {
    expect(readableAgencyName('Yonhap News Agency')).toBe('Yonhap News Agency');
  });
});

describe('titleCase', () => {
  it('capitalises each word and hyphen part, and the letter after a one-letter prefix and apostrophe', () => {
    expect(titleCase('ESTHER CHUNG')).toBe('Esther Chung');
    expect(titleCase('JEAN-PIERRE D\'ARCY')).toBe("Jean-Pierre D'Arcy");
    expect(titleCase("JOHN'S")).toBe("John's");
    expect(titleCase('ÉLODIE ÅSTRÖM')).toBe('Élodie Åström');
  });
});
