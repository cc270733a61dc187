import { UnprocessableDocumentError } from '@wirestream/contracts';
import iconv from 'iconv-lite';
import { canonicalCharset } from './charset-labels';
import { decodeText } from './decode-text';

const ARABIC = 'أعلنت وزارة الخارجية الكويتية اليوم عن زيارة رسمية لوزير الخارجية إلى العاصمة السعودية الرياض لبحث العلاقات الثنائية.';
const FRENCH = "Le président a annoncé hier à Genève une réforme économique. « Ça n'évite pas les débats », a déclaré l'élève, un garçon âgé.";
const KOREAN = '서울, 1월 6일 (연합뉴스) -- 대통령은 오늘 새해 기자회견을 열었다.';
const JAPANESE = '東京 ― 日本政府は本日、新しい経済対策を発表した。カタカナとひらがな。';

describe('decodeText', () => {
  it('decodes windows-1256 Arabic named by the HTTP Content-Type', () => {
    const bytes = iconv.encode(ARABIC, 'windows-1256');
    expect(decodeText(bytes, { contentType: 'text/plain; charset=windows-1256' })).toEqual({ text: ARABIC, charset: 'windows-1256' });
  });

  it('sniffs windows-1256 Arabic when nothing declares a charset', () => {
    const bytes = iconv.encode(`${ARABIC} ${ARABIC}`, 'windows-1256');
    expect(decodeText(bytes)).toEqual({ text: `${ARABIC} ${ARABIC}`, charset: 'windows-1256' });
  });

  it('decodes ISO-8859-1 text with accents from a quoted Content-Type charset', () => {
    const bytes = iconv.encode(FRENCH, 'iso-8859-1');
    expect(decodeText(bytes, { contentType: 'text/plain; charset="ISO-8859-1"' })).toEqual({ text: FRENCH, charset: 'iso-8859-1' });
  });

  it('sniffs undeclared ISO-8859-1 text with accents without replacement characters', () => {
    const bytes = iconv.encode(FRENCH, 'iso-8859-1');
    const { text, charset } = decodeText(bytes);
    expect(text).toBe(FRENCH);
    expect(charset).toBe('iso-8859-1');
  });

  it('reads ISO-8859-1-labelled text using bytes 0x80-0x9F as windows-1252, like browsers', () => {
    const bytes = iconv.encode('“Quoted” — café', 'windows-1252');
    expect(decodeText(bytes, { contentType: 'text/html; charset=iso-8859-1' })).toEqual({ text: '“Quoted” — café', charset: 'windows-1252' });
  });

  it('honours a UTF-8 byte order mark over a contradicting Content-Type, and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Ünïcödé — 한국어', 'utf8')]);
    expect(decodeText(bytes, { contentType: 'text/plain; charset=iso-8859-1' })).toEqual({ text: 'Ünïcödé — 한국어', charset: 'utf-8' });
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const bytes = iconv.encode('<?xml version="1.0"?><a>Привет</a>', 'utf-16le', { addBOM: true });
    expect(decodeText(bytes)).toEqual({ text: '<?xml version="1.0"?><a>Привет</a>', charset: 'utf-16le' });
  });

  it('decodes an EUC-KR HTML page from its <meta charset>', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="euc-kr"><title>${KOREAN}</title></head><body><p>${KOREAN}</p></body></html>`;
    expect(decodeText(iconv.encode(html, 'euc-kr'))).toEqual({ text: html, charset: 'euc-kr' });
  });

  it('decodes an HTML page from <meta http-equiv="Content-Type"> with a legacy label', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987"></head><body>${KOREAN}</body></html>`;
    expect(decodeText(iconv.encode(html, 'euc-kr'))).toEqual({ text: html, charset: 'euc-kr' });
  });

  it('decodes Shift_JIS XML from its encoding declaration', () => {
    const xml = `<?xml version="1.0" encoding="Shift_JIS"?>\n<doc><title>${JAPANESE}</title></doc>`;
    expect(decodeText(iconv.encode(xml, 'shift_jis'))).toEqual({ text: xml, charset: 'shift_jis' });
  });

  it('lets the HTTP charset win over the XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="iso-8859-1"?><doc>${KOREAN}</doc>`;
    expect(decodeText(iconv.encode(xml, 'euc-kr'), { contentType: 'application/rss+xml; charset=EUC-KR' }).text).toBe(xml);
  });

  it('reads an ASCII-readable XML declaration claiming UTF-16 as UTF-8', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><doc>Zürich</doc>';
    expect(decodeText(Buffer.from(xml, 'utf8'))).toEqual({ text: xml, charset: 'utf-8' });
  });

  it('takes undeclared valid UTF-8 as UTF-8', () => {
    expect(decodeText(Buffer.from('Zürich — 東京 — Москва', 'utf8'))).toEqual({ text: 'Zürich — 東京 — Москва', charset: 'utf-8' });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', charset: 'utf-8' });
  });

  it('decodes a Uint8Array view into a larger buffer without reading outside it', () => {
    const backing = Buffer.from('xxxhelloxxx', 'utf8');
    expect(decodeText(new Uint8Array(backing.buffer, backing.byteOffset + 3, 5)).text).toBe('hello');
  });

  it('refuses an unknown charset label with a message naming it and where it was declared', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="x-klingon"?><doc/>');
    expect(() => decodeText(bytes)).toThrow(UnprocessableDocumentError);
    expect(() => decodeText(bytes)).toThrow('unsupported charset "x-klingon" declared in the XML declaration');
    expect(() => decodeText(Buffer.from('hi'), { contentType: 'text/plain; charset=bogus' })).toThrow(/unsupported charset "bogus" declared in the HTTP Content-Type header/);
  });

  it('refuses a real charset iconv-lite cannot decode (ISO-2022-JP), declared or sniffed', () => {
    expect(() => decodeText(Buffer.from('<?xml version="1.0" encoding="ISO-2022-JP"?><a/>'))).toThrow(/unsupported charset "ISO-2022-JP"/);
    const iso2022jp = Buffer.from('1b2442467c4b5c1b2842206e657773202d2d201b2442467c4b5c386c1b2842', 'hex'); // 日本 news -- 日本語
    expect(() => decodeText(iso2022jp)).toThrow(/unsupported charset "ISO-2022-JP" \(sniffed/);
  });
});

describe('canonicalCharset', () => {
  it('maps legacy and alias labels to one lowercase canonical name', () => {
    expect(canonicalCharset('UTF8')).toBe('utf-8');
    expect(canonicalCharset(' "EUC-KR" ')).toBe('euc-kr');
    expect(canonicalCharset('cp949')).toBe('euc-kr');
    expect(canonicalCharset('x-sjis')).toBe('shift_jis');
    expect(canonicalCharset('Windows-31J')).toBe('shift_jis');
    expect(canonicalCharset('cp1256')).toBe('windows-1256');
    expect(canonicalCharset('latin1')).toBe('iso-8859-1');
    expect(canonicalCharset('GB2312')).toBe('gbk');
  });

  it('knows nothing of labels iconv-lite cannot decode, nor of non-text codecs', () => {
    expect(canonicalCharset('iso-2022-jp')).toBeNull();
    expect(canonicalCharset('base64')).toBeNull();
    expect(canonicalCharset('utf-7')).toBeNull();
    expect(canonicalCharset('')).toBeNull();
  });

  it('only yields names iconv-lite can decode', () => {
    const labels = ['utf-16', 'us-ascii', 'windows-1250', 'iso-8859-15', 'tis-620', 'euc-jp', 'big5', 'koi8-u', 'macintosh', 'cp866', 'gb18030'];
    for (const label of labels) {
      const charset = canonicalCharset(label);
      expect(charset).not.toBeNull();
      expect(iconv.encodingExists(charset as string)).toBe(true);
    }
  });
});
