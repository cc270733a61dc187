import { getDomainWithoutSuffix, parse } from 'tldts';

/**
 * The publisher of a page that no markup names (no og:site_name, no JSON-LD publisher), found
 * from the page's own identity: the names it gives itself in its furniture — application-name,
 * the part of the <title> after a separator, the logo's alt text, the copyright line — and the
 * domain of the byline's e-mail address, matched to a name the page shows.
 *
 * A name is trusted when the page's own host spells it ("TheHill" on thehill.com, "Korea
 * JoongAng Daily" on koreajoongangdaily.joins.com), or when two cues agree on it; application-name
 * is the site's own statement and is trusted alone. A byline address names the site when the page
 * shows a name whose letters hold the address's domain ("Korea JoongAng Daily" for
 * joongang.co.kr); addresses at web-mail providers name no publisher.
 */

export interface IdentityCues {
  /** The page's address (or its canonical URL); a file path has no host and spells nothing. */
  readonly url?: string | null;
  readonly applicationName?: string | null;
  readonly title?: string | null;
  readonly logoAlts?: readonly string[];
  /** Text of the page's footer and copyright notices. */
  readonly copyrightText?: string | null;
  /** The byline's e-mail addresses. */
  readonly emails?: readonly string[];
  /** Text the page shows, furniture included, read only for a byline address's site name. */
  readonly text?: () => string;
}

/** Separators between a page title's headline and site name: "Headline | Site", "Site - Headline". */
const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+|\s*\|\s*/u;
/** A site name is a few words; more is a headline. */
const MAX_NAME_WORDS = 6;
/** Host labels that are not the site's name. */
const GENERIC_LABELS = new Set(['www', 'm', 'amp', 'mobile', 'news', 'en', 'edition', 'web']);
/** Web-mail providers: an address there says nothing about who published the page. */
const WEBMAIL = new Set([
  'gmail', 'googlemail', 'yahoo', 'ymail', 'hotmail', 'outlook', 'live', 'msn', 'aol', 'icloud', 'me', 'mac', 'mail', 'gmx',
  'proton', 'protonmail', 'yandex', 'qq', '163', '126', 'naver', 'hanmail', 'daum', 'rediffmail', 'zoho', 'fastmail', 'web',
]);
/** "© 2025 Example Daily. All rights reserved.", "Copyright (c) 2019-2024 Example Media Ltd". */
const COPYRIGHT = /(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[,.]?\s*)?(?:by\s+)?(\p{Lu}[^\n.|©]{1,60}?)\s*(?:[.|,;]|all rights|$)/imu;
/** A run of capitalised words, with "of", "the", "and" or "&" between them: a name as a page prints it. */
const CAPITALISED_NAME = /\p{Lu}[\p{L}\p{N}'’&-]*(?:[ \t]+(?:(?:of|the|and|&)[ \t]+)?\p{Lu}[\p{L}\p{N}'’&-]*)*/gu;

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function publisherFromIdentity(cues: IdentityCues): string | null {
  const labels = hostLabels(cues.url ?? null);
  const named = [
    cues.applicationName ?? null,
    ...titleParts(cues.title ?? null),
    ...(cues.logoAlts ?? []).map((alt) => alt.replace(/\s*\blogo\b\s*/gi, ' ').trim()),
    copyrightHolder(cues.copyrightText ?? null),
  ].filter((name): name is string => name !== null && looksLikeName(name));
  const spelledByHost = named.find((name) => labels.some((label) => spells(label, name)));
  if (spelledByHost) return spelledByHost;
  const agreed = named.find((name, index) => named.some((other, otherIndex) => otherIndex !== index && squash(other) === squash(name)));
  if (agreed) return agreed;
  if (cues.applicationName) return cues.applicationName;
  for (const email of cues.emails ?? []) {
    const name = nameForAddress(email, cues.text);
    if (name) return name;
  }
  return null;
}

/** The labels of a URL's host that may spell the site's name: "koreajoongangdaily", "joins". */
function hostLabels(url: string | null): string[] {
  if (!url || !/^https?:\/\//i.test(url)) return [];
  const host = parse(url);
  const labels = [host.domainWithoutSuffix ?? '', ...(host.subdomain ?? '').split('.')];
  return labels.map((label) => label.toLowerCase()).filter((label) => label.length >= 3 && !GENERIC_LABELS.has(label));
}

/** A few words, not an address ("www.example.org") or a file's slug ("site-logo-"). */
function looksLikeName(name: string): boolean {
  return name.length > 1 && wordCount(name) <= MAX_NAME_WORDS && !/^(?:www\.|https?:)/i.test(name) && !/^[\p{Ll}\d]+(?:[-_][\p{Ll}\d]*)+$/u.test(name);
}

/** A host label spells a name when the name's letters are the label's, or hold it, or it holds them. */
function spells(label: string, name: string): boolean {
  const letters = squash(name);
  if (letters.length < 3) return false;
  if (letters === label) return true;
  // "vortexcannon" in "Vortex Cannon Entertainment", "nbcdfw" holding "NBC DFW"; a headline that
  // merely names the site is much longer than the name.
  if (letters.includes(label)) return label.length >= 4 && letters.length <= 2 * label.length + 4;
  return label.includes(letters) && letters.length >= Math.max(4, label.length / 2);
}

/** A title's first and last parts when it has a separator: one of them is usually the site's name. */
function titleParts(title: string | null): string[] {
  if (!title) return [];
  const parts = title.split(TITLE_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return [];
  return [parts[parts.length - 1]!, parts[0]!];
}

export function copyrightHolder(text: string | null): string | null {
  if (!text) return null;
  const holder = COPYRIGHT.exec(text)?.[1]?.trim();
  return holder && /\p{L}/u.test(holder) ? holder : null;
}

/**
 * The name the page shows for the site of an e-mail address: a run of capitalised words whose
 * letters hold the domain's name ("Korea JoongAng Daily" for joongang.co.kr), the most frequent.
 */
export function nameForAddress(email: string, text: (() => string) | undefined): string | null {
  const domain = email.split('@')[1]?.trim().toLowerCase();
  if (!domain || !text) return null;
  const label = getDomainWithoutSuffix(domain)?.toLowerCase();
  if (!label || label.length < 4 || WEBMAIL.has(label)) return null;
  const counts = new Map<string, number>();
  for (const match of text().matchAll(CAPITALISED_NAME)) {
    const name = match[0];
    if (wordCount(name) > MAX_NAME_WORDS || !squash(name).includes(label)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = name;
  return best;
}
