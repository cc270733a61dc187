/** Where HTML's tokenizer would open a tag, end tag, comment or doctype. */
const MARKUP = /<[A-Za-z/!?]/;

/**
 * Plain text as a feed-item body. The normalizer parses a body as HTML whenever it holds a tag-like
 * '<'; text that does ("x <y", "<https://…>") is escaped into HTML paragraphs so it reads back as
 * written.
 */
export function textBody(text: string): string {
  if (!MARKUP.test(text)) return text;
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escape(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}
