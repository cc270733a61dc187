import { validIsoDate } from './published-date';

/**
 * The header a syndicator puts in front of copy it redistributes, e.g. MENAFN's
 * `date 2025-01-06 (MENAFN- Kuwait News Agency (KUNA))`: who redistributed the story (the
 * publisher we read it from), which agency wrote it, and the date it went out.
 */
export interface SyndicationHeader {
  /** The syndicator, e.g. 'MENAFN'. */
  publisher: string;
  /** The agency that wrote the copy, e.g. 'Kuwait News Agency (KUNA)'. */
  originatingAgency: string;
  /** The header's ISO calendar date, when it carries a valid one. */
  date: string | null;
  /** How many characters of the text the header takes up; the body starts after them. */
  length: number;
}

/** Only the start of the copy can hold the header; looking further would only invite misreads. */
const HEAD_WINDOW = 400;
/** `date 2025-01-06 (` ... the date part is optional; the syndicator tag must be capitals + hyphen. */
const HEADER_OPENING = /^\s*(?:[Dd]ate:?\s+(\d{4}-\d{2}-\d{2})\s*)?\(\s*(\p{Lu}[\p{Lu}\p{N}&.]{1,24})-\s*/u;

export function readSyndicationHeader(text: string): SyndicationHeader | null {
  const head = text.slice(0, HEAD_WINDOW);
  const opening = HEADER_OPENING.exec(head);
  if (!opening) return null;
  // The syndicator tag is all capitals, so an ordinary "(Note- ..." aside is never taken for one.
  const [, dateText, publisher] = opening;
  if (!publisher) return null;

  // The agency name may itself hold parentheses ("Kuwait News Agency (KUNA)"): read to the
  // parenthesis that balances the header's opening one.
  let depth = 1;
  let index = opening[0].length;
  for (; index < head.length && depth > 0; index++) {
    if (head[index] === '(') depth++;
    else if (head[index] === ')') depth--;
  }
  if (depth !== 0) return null;
  const originatingAgency = head.slice(opening[0].length, index - 1).replace(/\s+/g, ' ').trim();
  if (!originatingAgency || originatingAgency.length > 120) return null;

  return { publisher, originatingAgency, date: validIsoDate(dateText), length: index };
}
