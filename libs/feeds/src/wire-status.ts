import type { PubStatus, WireStatus } from '@wirestream/contracts';

/**
 * Reading what wire formats say about an item's life (see WireStatusSchema): publication status
 * as each standard spells it, versions as numbers, corrections and kills as the copy names them.
 */

/** Publication status words: IPTC's QCodes ('stat:canceled'), NITF's management-status and NewsML 1.2's FormalNames. */
const STATUS_WORDS: ReadonlyArray<[RegExp, PubStatus]> = [
  [/^(?:stat:)?usable$/i, 'usable'],
  [/^(?:stat:)?withheld$/i, 'withheld'],
  [/^(?:stat:)?(?:canceled|cancelled|killed|kill|withdrawn)$/i, 'canceled'],
];

/** A status word as a publication status; 'embargoed' (NITF, NewsML 1.2) is usable once its time passes. Null when unknown. */
export function pubStatusOf(raw: string | null | undefined): PubStatus | null {
  const value = raw?.trim().replace(/^.*[/#]/, '');
  if (!value) return null;
  if (/^(?:stat:)?embargoed$/i.test(value)) return 'usable';
  return STATUS_WORDS.find(([pattern]) => pattern.test(value))?.[1] ?? null;
}

/** A version as a whole number ('11', 2, '0'); null when it is none. */
export function versionNumber(raw: unknown): number | null {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d{1,9}\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** The ordinal of a lead or write-thru ('1st Ld-Writethru', '2ndLd-Writethru', 'REFILE 3RD LEAD'). */
const LEAD_ORDINAL = /(\d{1,3})\s*(?:st|nd|rd|th)\s*(?:Ld\b|Lead\b|Writethru\b|Sub\b)/i;
/** A version label that replaces an earlier version without counting: 'Ld-Writethru', 'Correction', 'REFILE'. */
const UNCOUNTED_VERSION = /\bLd\b|\bLead\b|Writethru|Write-thru|\bSub\b|Correct|\bRefile\b|\bUpdate\b/i;

/**
 * The version a transmission's version label gives: the write-thru or lead's ordinal ('2nd
 * Ld-Writethru' is 2), 1 for a replacing version without one ('Ld-Writethru', 'Correction'), and
 * 0 for a first version (no label, or one that replaces nothing: 'EXTRA').
 */
export function writeThruVersion(label: string | null): number {
  if (!label) return 0;
  const ordinal = LEAD_ORDINAL.exec(label);
  if (ordinal) return Number(ordinal[1]);
  return UNCOUNTED_VERSION.test(label) ? 1 : 0;
}

/** Words that mark a correction: 'Correction', 'CORRECTS', 'Eds: Corrects spelling of…', 'Corrected'. */
const CORRECTION = /\bcorrect(?:ion|ions|s|ed|ive)?\b/i;

export function mentionsCorrection(...texts: Array<string | null | undefined>): boolean {
  return texts.some((text) => !!text && CORRECTION.test(text));
}

/**
 * A kill or withdrawal as wire copy announces it, in a version label, headline or editor's note:
 * 'KILL', 'Eds: Kill', 'MANDATORY KILL', 'Withdrawal', 'Eds: Elimination', 'WITHDRAWN'.
 */
const KILL = /^\(?\s*(?:Eds?:\s*|EDITORS?['’]?S?\s+NOTE:?\s*|URGENT\s+)?(?:MANDATORY\s+)?(?:KILL(?:ED)?|WITHDRAWAL|WITHDRAWN|WITHDRAW|ELIMINATION|STORY\s+KILL)\b/i;

export function announcesKill(text: string | null | undefined): boolean {
  return !!text && KILL.test(text.trim());
}

/** A wire status with what is known; the rest says nothing was stated (usable, no embargo, no correction). */
export function wireStatus(fields: Partial<WireStatus>): WireStatus {
  return {
    agencyItemId: fields.agencyItemId ?? null,
    version: fields.version ?? null,
    versionLabel: fields.versionLabel ?? null,
    pubStatus: fields.pubStatus ?? 'usable',
    statusNote: fields.statusNote ?? null,
    embargoedUntil: fields.embargoedUntil ?? null,
    correction: fields.correction ?? false,
  };
}

/**
 * The identity a stored version of an item gets its article id from: its agency id with the
 * version, and with the status when it is not usable, so a later version or a kill of the same
 * item is stored beside what it replaces rather than over it; redelivering one gives the same id.
 */
export function versionedGuid(guid: string | null, wire: WireStatus | null | undefined): string | null {
  if (!guid || !wire) return guid;
  const parts = [guid];
  if (wire.version !== null) parts.push(`version=${wire.version}`);
  if (wire.pubStatus !== 'usable') parts.push(`status=${wire.pubStatus}`);
  return parts.join('#');
}
