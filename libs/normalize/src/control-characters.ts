/**
 * What no stored text should hold: NUL (Postgres refuses it in text) and the other C0 controls
 * but tab, newline and carriage return; DEL and the C1 controls; lone UTF-16 surrogates (not
 * encodable as UTF-8); and the non-characters U+FDD0–U+FDEF, U+FFFE and U+FFFF.
 */
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The C1 controls that windows-1252 has printable characters for (all of U+0080–U+009F but 81,
 * 8D, 8F, 90, 9D), but for U+0085, which text converted from EBCDIC uses as its line break.
 */
const C1_IN_WINDOWS_1252 = /[\u0080\u0082-\u0084\u0086-\u008c\u008e\u0091-\u009c\u009e\u009f]/g;
/** What windows-1252 has at 0x80–0x9F, in order (the five it leaves undefined as they are). */
const WINDOWS_1252_AT_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export interface CleanedText {
  text: string;
  /** How many characters were removed. */
  removed: number;
  /** How many C1 controls were read as the windows-1252 characters they stand for. */
  repaired: number;
}

/**
 * The text without unwanted characters. A C1 control that windows-1252 has a character for is
 * read as that character first (U+0092 → ’), as HTML reads `&#146;`: text never means these
 * controls, and they are what windows-1252 bytes become when read as ISO-8859-1 (or a reference
 * such as `&#146;` when an XML parser decodes it).
 */
export function withoutControlCharacters(text: string): CleanedText {
  let removed = 0;
  let repaired = 0;
  const cleaned = text
    .replace(C1_IN_WINDOWS_1252, (control) => {
      repaired++;
      return WINDOWS_1252_AT_C1.charAt(control.charCodeAt(0) - 0x80);
    })
    .replace(UNWANTED, () => {
      removed++;
      return '';
    });
  return { text: cleaned, removed, repaired };
}
