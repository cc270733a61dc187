import { isCaption } from './captions';
import { readDateline } from './dateline';
import type { TextBlock } from './text-cleanup';
import { countWordsUpTo } from './text-cleanup';

/**
 * Whether plain copy opens with its headline: a single short line that does not read like a
 * sentence (no closing period, comma or colon), is not a dateline or a caption, and has copy after
 * it. Wire copy that opens straight with its dateline therefore has no headline, as it should.
 */
export function isHeadlineBlock(block: TextBlock, blocksAfter: number): boolean {
  if (blocksAfter === 0 || block.lineCount !== 1 || block.text.length > 200) return false;
  const words = countWordsUpTo(block.text, 31);
  return (
    words >= 2 &&
    words <= 30 &&
    /^[\p{Lu}\p{N}"'‘“]/u.test(block.text) &&
    !/[.,;:]$/.test(block.text) &&
    !/^by\s/i.test(block.text) &&
    !isCaption(block.text) &&
    !readDateline(block.text)
  );
}
