/* eslint-disable no-control-regex -- wire copy is framed by ASCII control characters, which these patterns match */
import { splitWireTextStories } from './wire-text-stories';

const story = (place: string, words = 40) => `${place} (Wire) - ${Array.from({ length: words }, (_, index) => `word${index}`).join(' ')}.`;

describe('splitWireTextStories', () => {
  it('returns a one-story file unchanged, byte for byte', () => {
    const text = `\r\n${story('KUWAIT')}\r\n\r\n(END) kt\r\n`;
    expect(splitWireTextStories(text)).toEqual([text]);
  });

  it('splits ANPA-style transmissions framed by SOH … ETX', () => {
    const text = `\x01a1234 r BC-Quake\x02${story('LIMA')}\n\x03\x01a1235 r BC-Vote\x02${story('PARIS')}\n\x03\x04`;
    const stories = splitWireTextStories(text);
    expect(stories).toHaveLength(2);
    expect(stories[0]).toContain('LIMA (Wire)');
    expect(stories[1]).toContain('PARIS (Wire)');
    expect(stories.join('')).not.toMatch(/[\x01-\x04]/);
  });

  it('splits on separator lines and end marks, dropping them', () => {
    const text = [story('LIMA'), '-----', story('PARIS'), '', '###', '', story('SEOUL'), '==========', story('ROME')].join('\n');
    const stories = splitWireTextStories(text);
    expect(stories.map((piece) => piece.slice(0, 4))).toEqual(['LIMA', 'PARI', 'SEOU', 'ROME']);
    expect(stories.some((piece) => /-----|###|=====/.test(piece))).toBe(false);
  });

  it('keeps a short piece after a separator with the story before it', () => {
    const text = [story('LIMA'), '-----', 'Copyright 2025 Wire. All rights reserved.', '-----', story('PARIS')].join('\n');
    const stories = splitWireTextStories(text);
    expect(stories).toHaveLength(2);
    expect(stories[0]).toMatch(/word39\.\n\nCopyright 2025 Wire/);
  });

  it('does not split on a short rule of dashes inside one story', () => {
    const text = `${story('LIMA')}\n---\n${story('LIMA again')}`;
    expect(splitWireTextStories(text)).toEqual([text]);
  });

  it('honours minStoryWords', () => {
    const text = [story('LIMA', 5), '-----', story('PARIS', 5)].join('\n');
    expect(splitWireTextStories(text)).toEqual([text]);
    expect(splitWireTextStories(text, { minStoryWords: 3 })).toHaveLength(2);
  });
});
