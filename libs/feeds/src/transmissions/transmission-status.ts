import type { WireStatus } from '@wirestream/contracts';
import { announcesKill, mentionsCorrection, wireStatus, writeThruVersion } from '../wire-status';
import type { TransmissionStory } from './transmission-story';

/**
 * What a transmission says about the story's life, which neither ANPA-1312 nor IPTC 7901 has
 * header fields for: it is in the copy.
 *
 * - Agency id: the keyword and the day it was sent (`BC-BKN--Heat-Hawks@2019-02-20`). Agencies
 *   reuse keywords for unrelated stories on other days (AP's BC-US--APNewsAlert, dpa's topic
 *   slugs), so a keyword alone would link, and let a kill hide, stories of every day; without a
 *   sending date, the keyword alone.
 * - Version: the write-thru or lead ordinal of the version field or keyword line ('2nd
 *   Ld-Writethru' is 2, 'Ld-Writethru' or 'Correction' 1, none 0).
 * - Kill: the version field, headline or an editor's note announcing it ('KILL', 'Eds: Kill',
 *   'Withdrawal', 'Eds: Elimination'); its reason, the note (or the first paragraph).
 * - Correction: the version field, headline or a note saying so ('Correction', 'Eds: Corrects…').
 * - Embargo: not read (free text such as 'Embargoed until 0001 GMT Tuesday').
 */
export function transmissionStatus(story: TransmissionStory): WireStatus {
  const day = story.publishedAt?.slice(0, 10);
  const killNote = story.notes.find(announcesKill);
  const killed = !!killNote || announcesKill(story.version) || announcesKill(story.headline);
  const firstParagraph = story.body.split('\n\n', 1)[0] || null;
  return wireStatus({
    agencyItemId: story.keyword ? (day ? `${story.keyword}@${day}` : story.keyword) : null,
    version: writeThruVersion(story.version),
    versionLabel: story.version,
    pubStatus: killed ? 'canceled' : 'usable',
    statusNote: killed ? (killNote ?? firstParagraph ?? story.headline) : null,
    correction: mentionsCorrection(story.version, story.headline, ...story.notes.filter((note) => /^\(?Eds?:/i.test(note))),
  });
}
