/**
 * RSS whose items (and channel elements) sit directly under `<rss>`, with no `<channel>` — seen in
 * RSS 0.9x and hand-written 2.0 feeds. The Universal Feed Parser reads an `<item>` wherever it is
 * (its `_start_item` does not look at the parent) and a `<title>` outside any item as the feed's;
 * the feed parser we use wants a channel, so the root's content is given one.
 */

/**
 * The text with everything inside the root element wrapped in `<channel>…</channel>`; null when
 * the root is empty (`<rss/>`) or its start or end tag cannot be found. Expects text whose elements
 * nest properly (findXmlStructureProblem found nothing).
 */
export function wrapRootContentInChannel(text: string, root: string): string | null {
  const start = rootStartTag(text, root);
  if (!start || start.selfClosing) return null;
  const endTag = text.lastIndexOf(`</${root}`);
  if (endTag < start.end) return null;
  return `${text.slice(0, start.end)}<channel>${text.slice(start.end, endTag)}</channel>${text.slice(endTag)}`;
}

/** Where the root's start tag ends (just after its '>'), skipping the prolog: declaration, processing instructions, comments, DOCTYPE. */
function rootStartTag(text: string, root: string): { end: number; selfClosing: boolean } | null {
  let index = 0;
  for (;;) {
    const lt = text.indexOf('<', index);
    if (lt === -1) return null;
    if (text.startsWith('<?', lt)) index = afterTerminator(text, '?>', lt);
    else if (text.startsWith('<!--', lt)) index = afterTerminator(text, '-->', lt);
    else if (text.startsWith('<!', lt)) index = afterQuotedAware(text, lt);
    else break;
    if (index === -1) return null;
  }
  const lt = text.indexOf('<', index);
  if (!text.startsWith(`<${root}`, lt) || !/[\s/>]/.test(text.charAt(lt + root.length + 1))) return null;
  const gt = afterQuotedAware(text, lt);
  if (gt === -1) return null;
  return { end: gt, selfClosing: text[gt - 2] === '/' };
}

function afterTerminator(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}

/** Just after the '>' that ends the tag or declaration starting at `from`, skipping quoted strings. */
function afterQuotedAware(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '>') return index + 1;
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, index + 1);
      if (close === -1) return -1;
      index = close;
    }
  }
  return -1;
}
