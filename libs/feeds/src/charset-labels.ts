import iconv from 'iconv-lite';

/**
 * Charset labels as documents spell them ('EUC-KR', 'ks_c_5601-1987', 'x-sjis', 'latin1') mapped to
 * one lowercase canonical name each, which is what a raw document records as its `charset`.
 */
const CANONICAL_BY_LABEL = new Map<string, string>();

function define(canonical: string, ...aliases: string[]): void {
  for (const label of [canonical, ...aliases]) CANONICAL_BY_LABEL.set(label, canonical);
}

define('utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8');
define('utf-16le', 'utf-16', 'utf16', 'utf16le', 'unicode', 'ucs-2', 'csunicode', 'iso-10646-ucs-2', 'unicodefeff');
define('utf-16be', 'utf16be', 'unicodefffe');
define('us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso-ir-6', 'iso646-us', 'us', 'ibm367', 'cp367', 'csascii');
define('iso-8859-1', 'latin1', 'l1', 'iso8859-1', 'iso_8859-1', 'iso_8859-1:1987', 'iso-ir-100', 'cp819', 'ibm819', 'csisolatin1', 'iso88591');
for (let n = 1250; n <= 1258; n++) define(`windows-${n}`, `cp${n}`, `x-cp${n}`, `win${n}`, `windows${n}`);
for (const n of [2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16]) {
  define(`iso-8859-${n}`, `iso8859-${n}`, `iso_8859-${n}`, `iso8859${n}`);
}
define('iso-8859-2', 'latin2', 'l2', 'csisolatin2');
define('iso-8859-5', 'cyrillic', 'csisolatincyrillic');
define('iso-8859-6', 'arabic', 'iso-8859-6-i', 'iso-8859-6-e', 'csisolatinarabic', 'asmo-708', 'ecma-114');
define('iso-8859-7', 'greek', 'greek8', 'elot_928', 'ecma-118', 'csisolatingreek');
define('iso-8859-8', 'hebrew', 'iso-8859-8-i', 'iso-8859-8-e', 'csisolatinhebrew', 'visual', 'logical');
define('iso-8859-9', 'latin5', 'l5', 'csisolatin5');
define('iso-8859-15', 'latin9', 'l9', 'latin-9');
define('windows-874', 'tis-620', 'iso-8859-11', 'dos-874', 'cp874');
define('shift_jis', 'shift-jis', 'shiftjis', 'sjis', 'x-sjis', 'ms_kanji', 'csshiftjis', 'windows-31j', 'cp932', 'ms932', 'windows-932', 'x-ms-cp932');
define('euc-jp', 'eucjp', 'x-euc-jp', 'cseucpkdfmtjapanese');
define('euc-kr', 'euckr', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ks_c_5601', 'ksc5601', 'ksc_5601', 'cp949', 'windows-949', 'x-windows-949', 'korean', 'csksc56011987', 'iso-ir-149', 'uhc');
define('gbk', 'gb2312', 'x-gbk', 'cp936', 'windows-936', 'chinese', 'csgb2312', 'gb_2312-80', 'gb_2312', 'iso-ir-58', 'euc-cn');
define('gb18030');
define('big5', 'big5-hkscs', 'cn-big5', 'x-x-big5', 'csbig5', 'cp950');
define('koi8-r', 'koi8', 'koi', 'koi8_r', 'cskoi8r');
define('koi8-u', 'koi8-ru');
define('macintosh', 'mac', 'x-mac-roman', 'csmacintosh');
define('ibm866', 'cp866', '866', 'csibm866');
define('maccyrillic', 'x-mac-cyrillic', 'x-mac-ukrainian');

/** Labels iconv-lite knows that are not text charsets, or that browsers refuse (UTF-7). */
const REFUSED_LABELS = new Set(['base64', 'hex', 'utf7', 'utf-7', 'utf7imap', 'unicode-1-1-utf-7', 'csunicode11utf7']);

/**
 * What the WHATWG Encoding standard decodes a charset as, where that differs from the charset its
 * label names: browsers read every ISO-8859-1 and US-ASCII label as windows-1252 (and ISO-8859-9 as
 * windows-1254), of which they are subsets bar the C1 controls, and the GB2312/GBK labels with the
 * GB18030 decoder. EUC-KR is decoded as its superset cp949 (Unified Hangul Code), as browsers do.
 */
const WHATWG_DECODER: Readonly<Record<string, { charset: string; decoder?: string }>> = {
  'us-ascii': { charset: 'windows-1252' },
  'iso-8859-1': { charset: 'windows-1252' },
  'iso-8859-9': { charset: 'windows-1254' },
  gbk: { charset: 'gb18030' },
  'euc-kr': { charset: 'euc-kr', decoder: 'cp949' },
};

/**
 * The charset a document labelled with `charset` (a canonical name) is read as, following the WHATWG
 * Encoding standard ('iso-8859-1' → 'windows-1252', 'gbk' → 'gb18030'), and the iconv-lite codec
 * that decodes it (a superset where iconv-lite has one: 'euc-kr' is decoded as 'cp949').
 */
export function whatwgCharset(charset: string): { charset: string; decoder: string } {
  const mapped = WHATWG_DECODER[charset];
  const whatwg = mapped?.charset ?? charset;
  const decoder = mapped?.decoder ?? whatwg;
  return { charset: whatwg, decoder: iconv.encodingExists(decoder) ? decoder : whatwg };
}

/** ISO-8859 charsets and the windows code page laid out like them bar 0x80–0x9F (C1 controls there). */
const WINDOWS_COUNTERPART: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'iso-8859-2': 'windows-1250',
  'iso-8859-6': 'windows-1256',
  'iso-8859-7': 'windows-1253',
  'iso-8859-8': 'windows-1255',
  'iso-8859-9': 'windows-1254',
  'iso-8859-13': 'windows-1257',
};

/** The windows-125x code page that reads like an ISO-8859 charset but has characters at 0x80–0x9F. */
export function windowsCounterpart(charset: string): string | null {
  return WINDOWS_COUNTERPART[charset] ?? null;
}

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
const singleByte = new Map<string, boolean>();

/**
 * Whether a charset (a name iconv-lite knows) reads every byte as one character: ISO-8859-x,
 * windows-125x, KOI8-x, US-ASCII, Mac and DOS code pages. Not UTF-8, UTF-16/32, Shift_JIS, EUC-x,
 * GBK/GB18030 or Big5, whose decoders read some characters from two bytes or more.
 */
export function isSingleByteCharset(charset: string): boolean {
  let known = singleByte.get(charset);
  if (known === undefined) {
    known = !/^(utf|ucs|cesu)/.test(charset) && iconv.encodingExists(charset) && iconv.decode(ALL_BYTES, charset).length === 256;
    singleByte.set(charset, known);
  }
  return known;
}

/**
 * The canonical name of a charset label, or null when iconv-lite cannot decode it (an unknown
 * label, or a real charset such as ISO-2022-JP that it does not implement).
 */
export function canonicalCharset(label: string): string | null {
  const normalized = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (!normalized || REFUSED_LABELS.has(normalized)) return null;
  const canonical = CANONICAL_BY_LABEL.get(normalized) ?? normalized;
  return iconv.encodingExists(canonical) ? canonical : null;
}
