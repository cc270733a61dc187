import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UnprocessableDocumentError } from '@wirestream/contracts';
import * as chardet from 'chardet';
import iconv from 'iconv-lite';
import { canonicalCharset, isSingleByteCharset, whatwgCharset } from './charset-labels';
import { decodeText } from './decode-text';

// Real samples shared with the project, read in place (never copied in): see its README.md.
const WIRE_DATA = path.resolve(__dirname, '../../../../shared/data/wire');

const ARABIC = 'أعلنت وزارة الخارجية الكويتية اليوم عن زيارة رسمية لوزير الخارجية إلى العاصمة السعودية الرياض لبحث العلاقات الثنائية.';
const FRENCH = "Le président a annoncé hier à Genève une réforme économique. « Ça n'évite pas les débats », a déclaré l'élève, un garçon âgé.";
const KOREAN = '서울, 1월 6일 (연합뉴스) -- 대통령은 오늘 새해 기자회견을 열었다.';
const JAPANESE = '東京 ― 日本政府は本日、新しい経済対策を発表した。カタカナとひらがな。';

// A few hundred bytes of news copy in each language, for sniffing.
const THAI_STORY =
  'กรุงเทพฯ (รอยเตอร์) - นายกรัฐมนตรีแถลงต่อสื่อมวลชนในวันนี้ว่ารัฐบาลจะเร่งแก้ไขปัญหาเศรษฐกิจและช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมในภาคเหนือ โดยจะจัดสรรงบประมาณเพิ่มเติมให้แก่จังหวัดที่ประสบภัย และจะเดินทางไปตรวจเยี่ยมพื้นที่ในสัปดาห์หน้า';
const RUSSIAN_STORY =
  'Москва, 6 января. Президент провёл совещание с членами правительства, на котором обсуждались вопросы экономического развития страны в новом году. Министр финансов сообщил, что бюджет будет исполнен полностью, а инфляция снизится до четырёх процентов. Журналисты задали вопросы о ценах на топливо и о строительстве новых дорог в регионах.';
const CHINESE_STORY =
  '新华社北京1月6日电 国务院总理今天主持召开国务院常务会议，部署进一步扩大内需、促进经济平稳增长的措施。会议指出，当前我国经济运行总体平稳，但也面临不少困难和挑战。会议要求各地区各部门认真落实中央经济工作会议精神，加大对中小企业的支持力度，稳定就业，改善民生。';
const JAPANESE_STORY =
  '東京、1月6日（共同）― 政府は本日の閣議で、新しい経済対策を決定した。物価の上昇が続く中、家計の負担を軽くするため、電気とガスの料金を補助するほか、子育て世帯への給付金を増やす。首相は記者会見で「国民の暮らしを守るために全力を尽くす」と述べた。野党はこの対策について、財源の説明が足りないと批判している。';
const KOREAN_STORY =
  '서울, 1월 6일 (연합뉴스) -- 대통령은 오늘 청와대에서 새해 기자회견을 열고 올해 경제 정책 방향을 발표했다. 대통령은 일자리를 늘리고 물가를 안정시키기 위해 정부가 모든 노력을 다하겠다고 말했다. 야당은 정부의 경제 정책이 서민들의 어려움을 해결하지 못하고 있다고 비판했다. 기자들은 부동산 가격과 북한 문제에 대해서도 질문했다.';
const CZECH_STORY =
  'Praha (ČTK) - Předseda vlády dnes oznámil, že vláda schválila nový zákon o státním rozpočtu. Šéf opozice řekl, že změny přijdou příliš pozdě a že občané budou platit vyšší daně.';
const GERMAN_STORY =
  'Berlin - Die Bundesregierung hat heute neue Maßnahmen für die Wirtschaft beschlossen. Die Opposition kritisierte die Verzögerung der Reformen und forderte mehr Öffentlichkeit über die Kosten für Bürger.';

/** Text as a program that read its UTF-8 bytes as windows-1252 (as WHATWG does) shows it: 'é' → 'Ã©'. */
function misread(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte) ? String.fromCharCode(byte) : iconv.decode(Buffer.from([byte]), 'windows-1252'))).join('');
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('decodeText', () => {
  it('decodes windows-1256 Arabic named by the HTTP Content-Type', () => {
    const bytes = iconv.encode(ARABIC, 'windows-1256');
    expect(decodeText(bytes, { contentType: 'text/plain; charset=windows-1256' })).toEqual({ text: ARABIC, charset: 'windows-1256', notes: [] });
  });

  it('sniffs windows-1256 Arabic when nothing declares a charset', () => {
    const bytes = iconv.encode(`${ARABIC} ${ARABIC}`, 'windows-1256');
    expect(decodeText(bytes)).toMatchObject({ text: `${ARABIC} ${ARABIC}`, charset: 'windows-1256' });
  });

  it('decodes ISO-8859-1 text with accents from a quoted Content-Type charset, as windows-1252 like browsers', () => {
    const bytes = iconv.encode(FRENCH, 'iso-8859-1');
    expect(decodeText(bytes, { contentType: 'text/plain; charset="ISO-8859-1"' })).toEqual({
      text: FRENCH,
      charset: 'windows-1252',
      notes: ['declared iso-8859-1 in the HTTP Content-Type header: read as windows-1252, as the WHATWG Encoding standard does'],
    });
  });

  it('sniffs undeclared ISO-8859-1 text with accents without replacement characters', () => {
    const bytes = iconv.encode(FRENCH, 'iso-8859-1');
    const { text, charset } = decodeText(bytes);
    expect(text).toBe(FRENCH);
    expect(charset).toBe('windows-1252');
  });

  it('reads ISO-8859-1-labelled text using bytes 0x80-0x9F as windows-1252, like browsers', () => {
    const bytes = iconv.encode('“Quoted” — café', 'windows-1252');
    expect(decodeText(bytes, { contentType: 'text/html; charset=iso-8859-1' })).toMatchObject({ text: '“Quoted” — café', charset: 'windows-1252' });
  });

  it('honours a UTF-8 byte order mark over a contradicting Content-Type, and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Ünïcödé — 한국어')]);
    expect(decodeText(bytes, { contentType: 'text/plain; charset=iso-8859-1' })).toEqual({ text: 'Ünïcödé — 한국어', charset: 'utf-8', notes: [] });
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const bytes = iconv.encode('<?xml version="1.0"?><a>Привет</a>', 'utf-16le', { addBOM: true });
    expect(decodeText(bytes)).toEqual({ text: '<?xml version="1.0"?><a>Привет</a>', charset: 'utf-16le', notes: [] });
  });

  it('decodes an EUC-KR HTML page from its <meta charset>', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="euc-kr"><title>${KOREAN}</title></head><body><p>${KOREAN}</p></body></html>`;
    expect(decodeText(iconv.encode(html, 'euc-kr'))).toEqual({ text: html, charset: 'euc-kr', notes: [] });
  });

  it('decodes an HTML page from <meta http-equiv="Content-Type"> with a legacy label', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987"></head><body>${KOREAN}</body></html>`;
    expect(decodeText(iconv.encode(html, 'euc-kr'))).toEqual({ text: html, charset: 'euc-kr', notes: [] });
  });

  it('decodes Shift_JIS XML from its encoding declaration', () => {
    const xml = `<?xml version="1.0" encoding="Shift_JIS"?>\n<doc><title>${JAPANESE}</title></doc>`;
    expect(decodeText(iconv.encode(xml, 'shift_jis'))).toEqual({ text: xml, charset: 'shift_jis', notes: [] });
  });

  it('lets the HTTP charset win over the XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="iso-8859-1"?><doc>${KOREAN}</doc>`;
    expect(decodeText(iconv.encode(xml, 'euc-kr'), { contentType: 'application/rss+xml; charset=EUC-KR' }).text).toBe(xml);
  });

  it('reads an ASCII-readable XML declaration claiming UTF-16 as UTF-8', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><doc>Zürich</doc>';
    expect(decodeText(utf8(xml))).toEqual({ text: xml, charset: 'utf-8', notes: ['the XML declaration declares UTF-16 in bytes that read as ASCII: read as UTF-8'] });
  });

  it('takes undeclared valid UTF-8 as UTF-8', () => {
    expect(decodeText(utf8('Zürich — 東京 — Москва'))).toEqual({ text: 'Zürich — 東京 — Москва', charset: 'utf-8', notes: [] });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', charset: 'utf-8', notes: [] });
  });

  it('decodes a Uint8Array view into a larger buffer without reading outside it', () => {
    const backing = utf8('xxxhelloxxx');
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

describe('decodeText: a single-byte label on bytes that are UTF-8 (rule 1)', () => {
  it('reads a NITF file declaring ISO-8859-1 whose bytes are UTF-8 as UTF-8', () => {
    const nitf = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<nitf><body><p>En 41-årig mann ble pågrepet i Tromsø.</p></body></nitf>';
    const decoded = decodeText(utf8(nitf));
    expect(decoded.text).toBe(nitf);
    expect(decoded.text).toContain('41-årig');
    expect(decoded.text).not.toContain('Ã¥');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.notes).toEqual(['declared iso-8859-1 in the XML declaration but bytes are UTF-8: read as UTF-8']);
    expect(decoded.confidence).toBeUndefined();
  });

  it.each([
    ['the HTTP Content-Type header', 'windows-1252', { contentType: 'text/plain; charset=windows-1252' }, 'Zürich “quoted” — €5'],
    ['an HTML <meta> tag', 'koi8-r', {}, '<html><head><meta charset="KOI8-R"></head><body>Москва</body></html>'],
    ['the XML declaration', 'us-ascii', {}, '<?xml version="1.0" encoding="US-ASCII"?><a>naïve café</a>'],
    ['the XML declaration', 'windows-874', {}, "<?xml version='1.0' encoding='TIS-620'?><a>กรุงเทพฯ</a>"],
  ])('overrides a single-byte charset declared in %s (%s) with UTF-8', (where, charset, options, text) => {
    expect(decodeText(utf8(text), options)).toEqual({ text, charset: 'utf-8', notes: [`declared ${charset} in ${where} but bytes are UTF-8: read as UTF-8`] });
  });

  it('keeps the label when the bytes are not UTF-8, and the declared name when they are all ASCII', () => {
    const latin1 = iconv.encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>41-årig</a>', 'latin1');
    expect(decodeText(latin1)).toMatchObject({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>41-årig</a>', charset: 'windows-1252' });
    // ASCII reads alike in every ASCII-compatible charset: nothing contradicts the label.
    expect(decodeText(utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>plain</a>'))).toEqual({
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>plain</a>',
      charset: 'iso-8859-1',
      notes: [],
    });
  });

  it('does not override a multi-byte label the bytes are valid in, even when they are UTF-8 too', () => {
    // C3 A9 is 'é' in UTF-8 and a Hangul syllable in EUC-KR: the label decides.
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xc3, 0xa9]), { contentType: 'text/plain; charset=euc-kr' })).toEqual({ text: 'caf챕', charset: 'euc-kr', notes: [] });
  });

  it.each([
    ['Shift_JIS', 'shift_jis', JAPANESE],
    ['EUC-KR', 'euc-kr', KOREAN],
    ['Big5', 'big5', '國務院總理今天主持召開國務院常務會議'],
  ])('overrides a multi-byte label (%s) the UTF-8 bytes are not valid in', (label, charset, text) => {
    expect(decodeText(utf8(text), { contentType: `text/plain; charset=${label}` })).toEqual({
      text,
      charset: 'utf-8',
      notes: [`declared ${charset} in the HTTP Content-Type header but bytes are not valid ${charset} and are UTF-8: read as UTF-8`],
    });
  });

  it('reads a UTF-8 label on windows-1251 bytes by a guess, and a few windows-1252 bytes in UTF-8 as such', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><a>${RUSSIAN_STORY}</a>`;
    const cyrillic = decodeText(iconv.encode(xml, 'windows-1251'));
    expect(cyrillic).toMatchObject({ text: xml, charset: 'windows-1251' });
    expect(cyrillic.notes[0]).toBe('declared utf-8 in the XML declaration but bytes are not UTF-8: read as windows-1251');

    const stray = Buffer.concat([utf8('Zürich, Genève — 東京: '), Buffer.from([0x93]), utf8('quoted'), Buffer.from([0x94])]);
    expect(decodeText(stray, { contentType: 'text/plain; charset=utf-8' })).toEqual({
      text: 'Zürich, Genève — 東京: “quoted”',
      charset: 'utf-8',
      notes: ['declared utf-8 in the HTTP Content-Type header but 2 of the bytes are not UTF-8 (5 UTF-8 sequences are): read them as windows-1252'],
    });
    // Cut off inside a character: a truncation, not windows-1252.
    expect(decodeText(Buffer.from([0x5a, 0xc3, 0xbc, 0x72, 0xe2, 0x80]), { contentType: 'text/plain; charset=utf-8' }).text).toBe('Zür\ufffd');
  });
});

describe('decodeText: WHATWG labels (rule 2)', () => {
  const westernBytes = iconv.encode('café “quoted” 5€', 'windows-1252');

  it.each(['iso-8859-1', 'ISO_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'x-cp1252', 'windows-1252'])('reads %s as windows-1252', (label) => {
    expect(decodeText(westernBytes, { contentType: `text/plain; charset=${label}` })).toMatchObject({ text: 'café “quoted” 5€', charset: 'windows-1252' });
  });

  it('reads ISO-8859-1 as windows-1252 even without bytes 0x80-0x9F, and windows-1252 gaps as WHATWG does', () => {
    expect(decodeText(iconv.encode('garçon', 'latin1'), { contentType: 'text/plain; charset=latin1' }).charset).toBe('windows-1252');
    // 0x81 has no windows-1252 character; WHATWG (and ISO-8859-1) read U+0081, not U+FFFD.
    expect(decodeText(Buffer.from([0x41, 0x81, 0xe9]), { contentType: 'text/plain; charset=iso-8859-1' }).text).toBe('A\u0081é');
  });

  it('reads tis-620 as windows-874', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="TIS-620"?><a>${THAI_STORY}</a>`, 'windows-874');
    expect(decodeText(bytes)).toEqual({ text: `<?xml version="1.0" encoding="TIS-620"?><a>${THAI_STORY}</a>`, charset: 'windows-874', notes: [] });
  });

  it('reads undeclared Thai that the detector does not rank first as windows-874: Thai read as Latin-1 puts symbols inside words', () => {
    const thai = 'กรมอุตุนิยมวิทยาเตือนฝนตกหนักในภาคใต้ ชาวประมงควรงดออกเรือจนถึงวันศุกร์ Ferry service ข้ามเกาะหยุดชั่วคราว';
    const xml = `<rss>\n<channel>\n<item>\n<title>Weather</title>\n<description>${thai}</description>\n</item>\n</channel>\n</rss>\n`;
    expect(chardet.analyse(iconv.encode(xml, 'windows-874'))[0]?.name).not.toBe('windows-874');
    expect(decodeText(iconv.encode(xml, 'windows-874'))).toMatchObject({ text: xml, charset: 'windows-874' });
  });

  it('still reads Latin-1 text with a symbol or two beside letters as windows-1252', () => {
    const french = '<p>Le m²·an coûte 12 €; «Bonjour», dit-il: l\'été à 30°C, ¿qué? Ça va. Col·lecció Nº5 — x×y.</p>';
    expect(decodeText(iconv.encode(french, 'windows-1252'))).toMatchObject({ text: french, charset: 'windows-1252' });
  });

  it.each(['gb2312', 'GBK', 'x-gbk', 'gb18030'])('reads %s as gb18030, four-byte sequences included', (label) => {
    const text = `${CHINESE_STORY} 𠀀 €`;
    expect(decodeText(iconv.encode(text, 'gb18030'), { contentType: `text/html; charset=${label}` })).toMatchObject({ text, charset: 'gb18030' });
  });

  it.each(['ks_c_5601-1987', 'euc-kr', 'KS_C_5601-1989', 'windows-949'])('reads %s as euc-kr with the cp949 extensions', (label) => {
    const text = '똠방각하, 서울'; // 똠 is in cp949 (Unified Hangul Code), not in KS X 1001.
    expect(decodeText(iconv.encode(text, 'cp949'), { contentType: `text/plain; charset=${label}` })).toEqual({ text, charset: 'euc-kr', notes: [] });
  });

  it.each(['shift-jis', 'sjis', 'ms_kanji', 'Shift_JIS', 'windows-31j'])('reads %s as shift_jis', (label) => {
    expect(decodeText(iconv.encode(JAPANESE, 'shift_jis'), { contentType: `text/plain; charset=${label}` })).toEqual({ text: JAPANESE, charset: 'shift_jis', notes: [] });
  });

  it('maps labels to what WHATWG decodes them as, and knows which charsets are single-byte', () => {
    expect(whatwgCharset('iso-8859-1')).toEqual({ charset: 'windows-1252', decoder: 'windows-1252' });
    expect(whatwgCharset('us-ascii')).toEqual({ charset: 'windows-1252', decoder: 'windows-1252' });
    expect(whatwgCharset('iso-8859-9')).toEqual({ charset: 'windows-1254', decoder: 'windows-1254' });
    expect(whatwgCharset('gbk')).toEqual({ charset: 'gb18030', decoder: 'gb18030' });
    expect(whatwgCharset('euc-kr')).toEqual({ charset: 'euc-kr', decoder: 'cp949' });
    expect(whatwgCharset('windows-1251')).toEqual({ charset: 'windows-1251', decoder: 'windows-1251' });
    for (const charset of ['windows-1252', 'iso-8859-2', 'koi8-r', 'windows-874', 'macintosh', 'ibm866', 'us-ascii']) expect(isSingleByteCharset(charset)).toBe(true);
    for (const charset of ['utf-8', 'utf-16le', 'shift_jis', 'euc-kr', 'gb18030', 'big5', 'euc-jp']) expect(isSingleByteCharset(charset)).toBe(false);
  });
});

describe('decodeText: UTF-16 and UTF-32 (rule 3, XML Appendix F)', () => {
  const xml = '<?xml version="1.0"?><a>Привет, 東京 😀</a>';

  it.each([
    ['utf-32le', true],
    ['utf-32be', true],
    ['utf-16le', true],
    ['utf-16be', true],
    ['utf-32le', false],
    ['utf-32be', false],
    ['utf-16le', false],
    ['utf-16be', false],
  ] as const)('detects %s XML (byte order mark: %s) and strips the mark', (charset, addBOM) => {
    const decoded = decodeText(iconv.encode(xml, charset, { addBOM }));
    expect(decoded.text).toBe(xml);
    expect(decoded.charset).toBe(charset);
    expect(decoded.notes).toEqual(addBOM ? [] : [`no byte order mark, but the first bytes are XML in ${charset.toUpperCase()}`]);
  });

  it('checks the UTF-32LE mark (FF FE 00 00) before the UTF-16LE one (FF FE), over a contradicting label', () => {
    const bytes = iconv.encode('<a>ok</a>', 'utf-32le', { addBOM: true });
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x00, 0x00]);
    expect(decodeText(bytes, { contentType: 'application/xml; charset=utf-16' })).toMatchObject({ text: '<a>ok</a>', charset: 'utf-32le' });
  });

  it('knows the four first bytes of BOM-less XML in each', () => {
    expect(decodeText(Buffer.from([0x3c, 0, 0, 0, 0x61, 0, 0, 0, 0x2f, 0, 0, 0, 0x3e, 0, 0, 0])).text).toBe('<a/>');
    expect(decodeText(Buffer.from([0, 0, 0, 0x3c, 0, 0, 0, 0x61, 0, 0, 0, 0x2f, 0, 0, 0, 0x3e])).text).toBe('<a/>');
    expect(decodeText(Buffer.from([0x3c, 0, 0x3f, 0, 0x78, 0, 0x3f, 0, 0x3e, 0])).text).toBe('<?x?>');
    expect(decodeText(Buffer.from([0, 0x3c, 0, 0x3f, 0, 0x78, 0, 0x3f, 0, 0x3e])).text).toBe('<?x?>');
  });
});

describe('decodeText: undeclared legacy charsets (rule 4)', () => {
  it.each([
    ['Thai', THAI_STORY, 'windows-874', 'windows-874'],
    ['Thai', THAI_STORY, 'tis620', 'windows-874'],
    ['Russian', RUSSIAN_STORY, 'windows-1251', 'windows-1251'],
    ['Russian', RUSSIAN_STORY, 'koi8-r', 'koi8-r'],
    ['Chinese', CHINESE_STORY, 'gb18030', 'gb18030'],
    ['Chinese', CHINESE_STORY, 'gbk', 'gb18030'],
    ['Japanese', JAPANESE_STORY, 'shift_jis', 'shift_jis'],
    ['Japanese', JAPANESE_STORY, 'euc-jp', 'euc-jp'],
    ['Korean', KOREAN_STORY, 'euc-kr', 'euc-kr'],
    ['Czech', CZECH_STORY, 'windows-1250', 'windows-1250'],
    ['German', GERMAN_STORY, 'windows-1252', 'windows-1252'],
  ])('guesses %s in %s (read as %s) and reports its confidence', (_language, text, encoding, charset) => {
    const decoded = decodeText(iconv.encode(text, encoding));
    expect(decoded.text).toBe(text);
    expect(decoded.charset).toBe(charset);
    expect(decoded.confidence).toBeGreaterThan(0);
    expect(decoded.confidence).toBeLessThanOrEqual(1);
    expect(decoded.notes[0]).toMatch(new RegExp(`^charset guessed: ${charset} \\(confidence ${decoded.confidence}\\)`));
  });

  it("passes over chardet's better-ranked guesses the bytes are not valid in (Thai is not EUC-KR)", () => {
    const decoded = decodeText(iconv.encode(THAI_STORY, 'windows-874'));
    expect(chardet.analyse(iconv.encode(THAI_STORY, 'windows-874'))[0].name).toBe('EUC-KR');
    expect(decoded.notes).toEqual([`charset guessed: windows-874 (confidence ${decoded.confidence}); ruled out euc-kr, big5: the bytes are not valid text in them`]);
  });

  it('prefers windows-125x over an ISO-8859-x guess whose C1 controls the bytes would be', () => {
    const bytes = iconv.encode(CZECH_STORY, 'windows-1250'); // Š is 0x8A, a C1 control in ISO-8859-2
    const analyse = jest.spyOn(chardet, 'analyse').mockReturnValueOnce([
      { name: 'ISO-8859-2', confidence: 45, lang: 'cs' },
      { name: 'ISO-8859-1', confidence: 20, lang: 'fr' },
    ]);
    try {
      const decoded = decodeText(bytes);
      expect(decoded).toMatchObject({ text: CZECH_STORY, charset: 'windows-1250', confidence: 0.45 });
      expect(decoded.notes).toEqual(['charset guessed: windows-1250 (confidence 0.45); ruled out iso-8859-2: the bytes are not valid text in them']);
    } finally {
      analyse.mockRestore();
    }
  });

  it('reads an ISO-8859-1 guess as windows-1252 (WHATWG)', () => {
    expect(decodeText(iconv.encode(FRENCH, 'latin1'))).toMatchObject({ text: FRENCH, charset: 'windows-1252' });
  });

  it('reads undeclared UTF-8 with a few windows-1252 bytes as both', () => {
    const bytes = Buffer.concat([utf8('Zürich, Genève — 東京: '), Buffer.from([0x93]), utf8('quoted'), Buffer.from([0x94])]);
    expect(decodeText(bytes)).toEqual({
      text: 'Zürich, Genève — 東京: “quoted”',
      charset: 'utf-8',
      notes: ['no charset declared; 2 of the bytes are not UTF-8 (5 UTF-8 sequences are): read them as windows-1252'],
    });
  });
});

describe('decodeText: double-encoded UTF-8 (rule 5)', () => {
  const repairedNote = (count: number): string => `repaired double-encoded UTF-8 (${count} ${count === 1 ? 'character' : 'characters'} read as "Ã©", "â€™" and the like)`;

  it('repairs text whose UTF-8 was read as windows-1252 and encoded again', () => {
    const original = `${FRENCH} “Non”, a-t-il dit — c’est tout.`;
    const mojibake = misread(original);
    expect(mojibake).toContain('Ã©');
    expect(mojibake).toContain('â€œ');
    expect(decodeText(utf8(mojibake))).toEqual({ text: original, charset: 'utf-8', notes: [repairedNote(22)] });
  });

  it("repairs a '”' whose 9D byte a converter dropped, once the evidence is clear", () => {
    expect(decodeText(utf8('Le prÃ©sident a dit â€œnonâ€ hier.')).text).toBe('Le président a dit “non” hier.');
    expect(decodeText(utf8('Un seul â€ ici')).notes).toEqual([]); // no evidence: left alone
  });

  it('repairs mojibake that came in windows-1252 bytes, and text encoded twice over', () => {
    expect(decodeText(iconv.encode(misread('Grüße aus Köln'), 'windows-1252'), { contentType: 'text/plain; charset=windows-1252' }).text).toBe('Grüße aus Köln');
    expect(decodeText(utf8(misread(misread('Grüße aus Köln — “ja”')))).text).toBe('Grüße aus Köln — “ja”');
  });

  it('repairs one telling sequence (â€™, Ã¥) and doubly encoded Cyrillic, Greek and Chinese', () => {
    expect(decodeText(utf8(misread('Trump’s day')))).toEqual({ text: 'Trump’s day', charset: 'utf-8', notes: [repairedNote(1)] });
    expect(decodeText(utf8(misread('En 41-årig mann'))).text).toBe('En 41-årig mann');
    for (const text of [RUSSIAN_STORY, 'Αθήνα - Ο πρωθυπουργός ανακοίνωσε σήμερα νέα μέτρα.', CHINESE_STORY]) expect(decodeText(utf8(misread(text))).text).toBe(text);
  });

  it('leaves legitimate Latin-1 text alone', () => {
    for (const text of [
      'São Tomé e Príncipe',
      'SÃO TOMÉ E PRÍNCIPE',
      'Fußball» und Maß»', // ß» re-encodes to UTF-8, but two such are no evidence
      '«JOSÉ”, dijo. CAFÉ… y PERÚ”, añadió el señor Núñez.', // accented capitals before quotes: legitimate
      'PORTUGUÊS: SÃO PAULO E MAÇÃ, “AÇÃO” — Ã!',
      'Disse a IRMÃ”, e a ALEMÃ’ também: «AMANHÃ»', // a Portuguese capital Ã before closing punctuation
    ]) {
      expect(decodeText(utf8(text))).toEqual({ text, charset: 'utf-8', notes: [] });
      expect(decodeText(iconv.encode(text, 'windows-1252'), { contentType: 'text/plain; charset=iso-8859-1' }).text).toBe(text);
    }
  });

  it('does not repair when some look-alike sequences are not UTF-8 once re-encoded', () => {
    // 'Ã©' would be 'é', but 'í' and two no-break spaces (ED A0 A0) would be a UTF-16 surrogate, not UTF-8.
    const text = 'Le rÃ©sumÃ©: está\u00a0í\u00a0\u00a0bien';
    expect(decodeText(utf8(text))).toEqual({ text, charset: 'utf-8', notes: [] });
  });
});

describe('decodeText: shared wire samples', () => {
  const files = (function list(directory: string): string[] {
    return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return entry.name === 'hostile' ? [] : list(full);
      return [path.relative(WIRE_DATA, full)];
    });
  })(WIRE_DATA);

  it('finds the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('decodes %s without mojibake or replacement characters', (file) => {
    const { text } = decodeText(readFileSync(path.join(WIRE_DATA, file)));
    expect(text).not.toMatch(/Ã[\u0080-\u00bf]/);
    expect(text).not.toContain('â€');
    expect(text).not.toMatch(/Â[\u00a0-\u00bf]/);
    expect(text).not.toContain('\ufffd');
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
    expect(canonicalCharset('x-mac-cyrillic')).toBe('maccyrillic');
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
