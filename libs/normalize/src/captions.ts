import { isKnownAgency, readableAgencyName } from './agencies';

/**
 * Photo captions in copied web text end with a credit: "... on Thursday. [YONHAP]",
 * "... in Seoul. (AP Photo/Lee Jin-man)". They describe a picture, not the story, so they leave the
 * body for `captions`, and the credit names an agency for `credits`.
 */

/** `[YONHAP]`, `[AP/YONHAP]`, `[JOONGANG PHOTO]` at the end of the text. */
const BRACKET_CREDIT = /\[([^[\]\n]{1,60})\]$/;
/** `(AP Photo/Lee Jin-man)`, `(Photo: Reuters)`, `(Yonhap Photo)` at the end of the text. */
const PHOTO_CREDIT = /\(([^()\n]{0,60}\bphoto\b[^()\n]{0,60})\)$/i;
const MAX_CAPTION_CHARS = 800;

/** Credits that name no agency: screen grabs, file pictures, handouts. */
const NON_AGENCY_CREDITS = /^(?:screen ?(?:capture|grab|shot)|capture|screenshot|file|graphic|illustration|handout|courtesy\b.*|provided by\b.*|photo|news ?photo)$/i;

/** The credit at the end of a caption, as printed, or null when the text has none. */
function trailingCredit(text: string): { credit: string; kind: 'bracket' | 'photo' } | null {
  const trimmed = text.trimEnd();
  const bracket = BRACKET_CREDIT.exec(trimmed);
  if (bracket?.[1]) return { credit: bracket[1].trim(), kind: 'bracket' };
  const photo = PHOTO_CREDIT.exec(trimmed);
  if (photo?.[1]) return { credit: photo[1].trim(), kind: 'photo' };
  return null;
}

/**
 * A bracketed credit is in capitals ("[YONHAP]") or names a known agency; anything else in
 * brackets at the end of a paragraph ("[sic]", an e-mail address) is not a credit.
 */
function isCreditLike(credit: string, kind: 'bracket' | 'photo'): boolean {
  if (kind === 'photo') return true;
  if (credit.includes('@') || /^end$/i.test(credit)) return false;
  return !/\p{Ll}/u.test(credit) || credit.split('/').some((part) => isKnownAgency(part));
}

export function isCaption(text: string): boolean {
  if (text.length > MAX_CAPTION_CHARS) return false;
  const found = trailingCredit(text);
  return !!found && isCreditLike(found.credit, found.kind);
}

/** The agencies a caption credits, readable: "[AP/YONHAP]" → ['AP', 'Yonhap']. */
export function captionCredits(caption: string): string[] {
  const found = trailingCredit(caption);
  if (!found || !isCreditLike(found.credit, found.kind)) return [];
  let credit = found.credit;
  if (found.kind === 'photo') {
    // "AP Photo/Lee Jin-man" credits AP (the rest is the photographer); "Photo: Reuters" credits Reuters.
    const before = /^(.+?)\s+photos?\b/i.exec(credit);
    const after = /\bphotos?\s?:\s?(.+)$/i.exec(credit);
    credit = before?.[1] ?? after?.[1] ?? '';
  }
  return credit
    .split(/\s*[/,;&]\s*/)
    .map((part) => part.replace(/\s+(?:photos?|images?)$/i, '').trim())
    .filter((part) => part.length > 0 && !NON_AGENCY_CREDITS.test(part))
    .map(readableAgencyName);
}
