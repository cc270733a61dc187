/**
 * Line shapes that are never story text: page furniture copied along with a web story (share and
 * print widgets, breadcrumbs, comment boxes, character counters) and wire trailers (operator
 * initials, syndication IDs, copyright notices). Each test looks at one line; where a line sits
 * (above the story, below it) is decided by the caller.
 *
 * Every regex here is either anchored with bounded repetition or only run on short lines, so no
 * input can make them backtrack for long.
 */

/** Lines longer than this are story text or garbage, never furniture; skip the finer tests. */
const FURNITURE_MAX_CHARS = 200;

/** Words printed by share/print/tool widgets. A line made only of them is a widget row. */
const WIDGET_WORDS = new Set([
  'print', 'dictionary', 'share', 'shares', 'sharing', 'email', 'e-mail', 'mail', 'facebook', 'twitter', 'x',
  'linkedin', 'whatsapp', 'kakaotalk', 'kakao', 'telegram', 'reddit', 'pinterest', 'line', 'copy', 'link', 'url',
  'copied', 'font', 'size', 'text', 'a+', 'a-', 'aa', 'bookmark', 'save', 'subscribe', 'listen', 'audio', 'tweet',
  'like', 'icon', 'lock', 'close', 'menu', 'search', 'comment', 'comments', 'more', 'zoom', 'scrap', 'sns',
  'translate', 'translation', 'increase', 'decrease', 'reset', 'top', 'up', 'down', 'messenger', 'naver', 'band',
  'gift', 'article', 'help-image', 'image',
  // Connecting words of share rows: "Share on Facebook", "Follow us on X", "Share this story".
  'on', 'via', 'this', 'story', 'page', 'follow', 'us', 'and', 'or', 'to',
]);
/** At least one of these must be present, so a line like "More" or "Close" alone is not enough. */
const STRONG_WIDGET_WORDS = new Set([
  'print', 'dictionary', 'share', 'facebook', 'twitter', 'linkedin', 'whatsapp', 'kakaotalk', 'kakao', 'telegram',
  'reddit', 'pinterest', 'email', 'e-mail', 'bookmark', 'tweet', 'icon', 'font', 'a+', 'a-', 'scrap', 'sns',
  'subscribe', 'help-image',
]);

export function isWidgetLine(line: string): boolean {
  if (line.length > 80) return false;
  const words = line
    .toLowerCase()
    .split(/[\s|·•,]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}+-]+|[^\p{L}\p{N}+-]+$/gu, ''))
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.length > 8) return false;
  return words.every((word) => WIDGET_WORDS.has(word)) && words.some((word) => STRONG_WIDGET_WORDS.has(word));
}

/** Stock lines a page prints on its own: "Advertisement", "Skip to content", "3 min read". */
export function isStandaloneFurniture(line: string): boolean {
  const text = line.trim();
  if (text.length > 60) return false;
  return /^(?:advertisement|advertising|sponsored(?: content)?|skip to (?:main )?content|listen to (?:this )?article|\d{1,3}\s*min(?:ute)?s?\s+read|loading\.*|photo ?gallery)$/i.test(
    text,
  );
}

const HOME_WORDS = /^(?:home|main|start|front page|homepage)$/i;

/**
 * Breadcrumb trail `Home > National > Diplomacy`: returns its segments without the leading
 * "Home", or null when the line is not a breadcrumb trail.
 */
export function readBreadcrumbs(line: string): string[] | null {
  const text = line.trim();
  if (text.length > FURNITURE_MAX_CHARS || !/[>›»]/.test(text)) return null;
  const segments = text.split(/\s*[>›»]\s*/).map((segment) => segment.trim());
  if (segments.length < 2 || segments.length > 7) return null;
  const looksLikeSection = (segment: string): boolean =>
    segment.length > 0 && segment.length <= 40 && segment.split(/\s+/).length <= 5 && !/[.!?;:,"“”]$/.test(segment);
  if (!segments.every(looksLikeSection)) return null;
  return HOME_WORDS.test(segments[0] ?? '') ? segments.slice(1) : segments;
}

/**
 * The first line of a comment box or sign-in prompt under a web story ("Log in to Twitter or
 * Facebook account to connect", "To write comments, please log in", "Comments (3)").
 */
export function isCommentBoxStart(line: string): boolean {
  const text = line.trim();
  if (text.length > FURNITURE_MAX_CHARS) return false;
  return (
    /^(?:please\s+)?(?:log\s?in|sign\s?in|sign\s?up|register|subscribe)\b.{0,100}\b(?:comments?|account|connect|reply)\b/i.test(text) ||
    /^to (?:write|post|leave|add|view|read|see) (?:a |your )?(?:comments?|replies)\b/i.test(text) ||
    /^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$/i.test(text) ||
    /^(?:leave|post|add|write) a (?:comment|reply)\b/i.test(text) ||
    /^(?:show|view|load|see|read) (?:all |more )?(?:\d+\s+)?comments?\b/i.test(text) ||
    /\bsocial comments?\b/i.test(text) ||
    isCharacterCounter(text)
  );
}

/** "Related articles", "Read more", "Most popular": a list of other stories follows. */
export function isRelatedLinksStart(line: string): boolean {
  const text = line.trim();
  if (text.length > 60) return false;
  return /^(?:related(?: articles?| stories| news| coverage| content| links)?|read more|more from [\p{L} ]{1,40}|recommended(?: for you| stories)?|you may also like|trending(?: now)?|most (?:read|popular|viewed)|also read|more stories|latest news)\s*:?$/iu.test(
    text,
  );
}

/**
 * A promo for another story inside or under this one: "Read more: Ferries cancelled as storm
 * nears", "Also read | ...". The label and its separator make it one; a sentence that merely
 * starts with "Related" has neither.
 */
export function isPromoLine(line: string): boolean {
  const text = line.trim();
  if (text.length > 160) return false;
  return /^(?:read more|read also|also read|related(?: articles?| stories| news)?|see also|more on this(?: story)?|recommended|don't miss)\s?[:|»›>]\s?\S/iu.test(text);
}

/** A comment box's character counter: "(0/250)", "0 / 500 characters", "(0/250자)". */
export function isCharacterCounter(line: string): boolean {
  const text = line.trim();
  if (text.length > FURNITURE_MAX_CHARS) return false;
  return /\(\s?\d{1,5}\s?\/\s?\d{1,6}\s?[^\s\d()]{0,12}\)$/u.test(text) || /^\d{1,5}\s?\/\s?\d{1,6}(?:\s?(?:characters?|chars?|bytes?))?$/i.test(text);
}

/**
 * A syndicator's or agency's document ID on a line of its own: one long alphanumeric token that
 * starts with letters and holds a long run of digits. Checked by hand rather than by one regex so
 * a 2 MB token cannot make it backtrack.
 */
export function isAgencyIdLine(line: string): boolean {
  const text = line.trim();
  return (
    text.length >= 12 &&
    text.length <= 100 &&
    /^[A-Za-z]{2}/.test(text) &&
    /^[A-Za-z0-9]+$/.test(text) &&
    /\d{6}/.test(text)
  );
}

/**
 * Operator initials and desk codes wire copy carries after the end mark: "mk", "(tm/ab)",
 * "jh-kp". Lower case only, so an all-caps word at the end of a story is never taken for one.
 */
export function isOperatorInitialsLine(line: string): boolean {
  const text = line.trim();
  return text.length <= 20 && /^\(?[a-z]{1,4}(?:[/-][a-z]{1,4}){0,3}\)?$/.test(text);
}

/**
 * A date stamp on a line of its own, as some agencies print under the story: "2025/02/28 14:05
 * KST", "2025-02-28 14:05:00", "2025.02.28". Story text never consists of a bare date.
 */
export function isTimestampLine(line: string): boolean {
  const text = line.trim();
  return (
    text.length <= 40 &&
    /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\.?(?:\s{1,3}\d{1,2}:\d{2}(?::\d{2})?)?(?:\s{0,3}(?:[A-Z]{2,5}|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?))?$/.test(text)
  );
}

/** "© 2025 Yonhap", "Copyright 2025 The Associated Press. All rights reserved. ..." */
export function isCopyrightLine(line: string): boolean {
  const text = line.trim();
  if (text.length > 400) return false;
  return /^(?:©|\(c\)|copyright\b)/i.test(text) || /\ball rights reserved\.?$/i.test(text);
}
