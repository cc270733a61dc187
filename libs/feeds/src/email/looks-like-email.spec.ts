import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { looksLikeEmail } from './looks-like-email';

const WIRE_DATA = path.resolve(__dirname, '../../../../../shared/data/wire');
const filesIn = (kind: string) => readdirSync(path.join(WIRE_DATA, kind)).map((name) => path.join(WIRE_DATA, kind, name));

describe('looksLikeEmail', () => {
  it('recognises every shared e-mail file, after blank lines or an mbox From line', () => {
    const mails = filesIn('email');
    expect(mails.length).toBeGreaterThan(0);
    for (const file of mails) expect([path.basename(file), looksLikeEmail(readFileSync(file, 'latin1'))]).toEqual([path.basename(file), true]);
    expect(looksLikeEmail('From desk@wire.example Mon Jan  6 09:30:00 2025\nFrom: Desk <desk@wire.example>\nSubject: Quake\n\nText')).toBe(true);
  });

  it('is false for wire copy, other wire formats and header-like text that is not mail', () => {
    for (const kind of ['nitf', 'newsml-g2', 'ninjs', 'anpa', 'iptc7901', 'feeds']) {
      for (const file of filesIn(kind)) expect([path.basename(file), looksLikeEmail(readFileSync(file, 'latin1'))]).toEqual([path.basename(file), false]);
    }
    expect(looksLikeEmail('SEOUL, Jan 6 (Yonhap) -- Exports rose.\n\nMore text.')).toBe(false);
    expect(looksLikeEmail('Date: Monday\nSubject: Markets\n\nShares rose.')).toBe(false);
  });
});
