import { startTagEnd } from '../xml-markup';

/**
 * The lexical half of lenient XML recovery: what a browser-grade tokenizer reads as text or as a
 * comment, written so that htmlparser2's XML tokenizer (which takes `<3` or `<=` for a tag) reads
 * it the same way. Tags, comments, CDATA sections and processing instructions are kept as written.
 */

/** A character that may start an XML name (approximately: any non-ASCII character counts). */
const NAME_START = /[A-Za-z_:\u00c0-\uffff]/;

/**
 * The text with every '<' that starts no tag, comment, CDATA section, processing instruction or
 * (before the root) declaration escaped as `&lt;` (`a < b`, `<3`, `<!x` inside the document, the
 * first '<' of `<b <i>`), and a comment that is never terminated ended at its first '>' (`<!-- x ->`,
 * `<!-- x -- >`): ending it at the end of the document would swallow every item after it. Without
 * any '>' after it, it runs to the end, as in a download cut inside a comment.
 */
export function escapeStrayMarkup(text: string): string {
  const parts: string[] = [];
  let copiedTo = 0;
  let rootSeen = false;
  let index = text.indexOf('<');
  while (index !== -1) {
    const next = text.charAt(index + 1);
    let end: number;
    if (text.startsWith('<!--', index)) {
      end = endAfter(text, '-->', index + 4);
      if (end === -1) {
        const gt = text.indexOf('>', index + 4);
        if (gt === -1) break;
        parts.push(text.slice(copiedTo, gt), '-->');
        copiedTo = gt + 1;
        end = gt + 1;
      }
    } else if (text.startsWith('<![CDATA[', index)) {
      end = endAfter(text, ']]>', index + 9);
    } else if (next === '?' || (next === '!' && !rootSeen)) {
      end = endAfter(text, '>', index + 2);
    } else if (next === '/' && NAME_START.test(text.charAt(index + 2))) {
      end = endAfter(text, '>', index + 2);
    } else if (NAME_START.test(next)) {
      end = endOfStartTag(text, index + 1);
      if (end !== -1) rootSeen = true;
    } else end = -2;
    if (end === -2 || (end === -1 && NAME_START.test(next) && startTagInterrupted(text, index + 1))) {
      parts.push(text.slice(copiedTo, index), '&lt;');
      copiedTo = index + 1;
      end = index + 1;
    }
    if (end === -1) break; // cut off inside it: the rest is as written
    index = text.indexOf('<', end);
  }
  parts.push(text.slice(copiedTo));
  return parts.join('');
}

function endAfter(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

/** Index just after the '>' ending the start tag whose name begins at `from`, or -1 (quoted values skipped). */
function endOfStartTag(text: string, from: number): number {
  const gt = startTagEnd(text, from);
  return gt === -1 ? -1 : gt + 1;
}

/** Whether the start tag beginning at `from` meets another '<' before any '>' (not a cut at the end). */
function startTagInterrupted(text: string, from: number): boolean {
  const lt = text.indexOf('<', from);
  if (lt === -1) return false;
  const gt = text.indexOf('>', from);
  return gt === -1 || lt < gt;
}
