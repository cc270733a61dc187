/**
 * What no stored text should hold: NUL (Postgres refuses it in text) and the other C0 controls
 * but tab, newline and carriage return; DEL and the C1 controls; lone UTF-16 surrogates (not
 * encodable as UTF-8); and the non-characters U+FDD0–U+FDEF, U+FFFE and U+FFFF.
 */
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface CleanedText {
  text: string;
  /** How many characters were removed. */
  removed: number;
}

export function withoutControlCharacters(text: string): CleanedText {
  let removed = 0;
  const cleaned = text.replace(UNWANTED, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}
